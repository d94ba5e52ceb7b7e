namespace KubeLint.Cli.Tests.Repositories;

/// <summary>The real kustomize the tests build with: kubectl (which has it built in) or kustomize, from PATH.</summary>
internal static class Kustomize
{
    /// <summary>Skips the test when neither is installed, except under CI (.ci/run), where that is a failure.</summary>
    public static void Require()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        if (path.Any(dir => dir.Length > 0 && (File.Exists(Path.Combine(dir, "kubectl")) || File.Exists(Path.Combine(dir, "kustomize")))))
        {
            return;
        }

        const string message = "needs kubectl (with 'kubectl kustomize') or kustomize on PATH";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message + "; CI requires it");
        }

        Assert.Ignore(message);
    }
}
