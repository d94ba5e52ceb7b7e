namespace KubeLint.Testing;

/// <summary>Locates the repository root and the shared material beside it (../shared), which tests may read.</summary>
public static class SharedPaths
{
    /// <summary>Set by <c>.ci/run</c>: shared material that is missing fails the test instead of skipping it.</summary>
    public const string RequireVariable = "KUBELINT_REQUIRE_SHARED";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus", "real");

    public static string OpenApi => Path.Combine(Shared, "kubernetes", "openapi");

    public static string Conformance => Path.Combine(Shared, "conformance");

    /// <summary>
    /// Returns <paramref name="path"/> (a file or folder of the shared material) when it exists. Otherwise the test is
    /// skipped with a message naming what is missing, so a fresh clone without ../shared passes; with
    /// <see cref="RequireVariable"/> set to 1 the test fails instead, so CI runs every such test.
    /// </summary>
    public static string Require(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        var message = $"needs the shared material at {path}, which is missing (a checkout of ../shared beside the repository)";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(message + $"; {RequireVariable}=1 makes this a failure");
        }

        Assert.Ignore(message);
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KubeLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KubeLint.sln not found above " + AppContext.BaseDirectory);
    }
}
