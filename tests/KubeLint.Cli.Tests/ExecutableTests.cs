using System.Diagnostics;
using KubeLint.Testing;

namespace KubeLint.Cli.Tests;

/// <summary>The built program, as a separate process: standard streams, exit code and stdin wiring.</summary>
public sealed class ExecutableTests
{
    [Test]
    public void Built_executable_lints_standard_input_and_sets_the_exit_code()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kubelint.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, "-", "--no-simulate"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SharedPaths.RepositoryRoot,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.Findings), stderr);
        Assert.That(stdout, Does.StartWith("-:5:3: error KL1002 duplicate-key:"));
        Assert.That(stdout, Does.Not.Contain("\u001b["), "redirected output is never colored");
    }
}
