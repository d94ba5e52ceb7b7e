namespace KubeLint.Testing;

/// <summary>Locates the repository root and the shared material beside it (../shared), which tests may read.</summary>
public static class SharedPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus", "real");

    public static string OpenApi => Path.Combine(Shared, "kubernetes", "openapi");

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
