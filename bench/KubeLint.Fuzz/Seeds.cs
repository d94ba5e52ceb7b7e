namespace KubeLint.Fuzz;

/// <summary>The manifests mutants are made from: the examples, the CLI test inputs, the harness's own seeds and an optional corpus.</summary>
internal static class Seeds
{
    public static IReadOnlyList<(string Name, string Text)> Load(string root, string? corpus)
    {
        var folders = new List<string>
        {
            Path.Combine(root, "examples"),
            Path.Combine(root, "tests", "KubeLint.Cli.Tests", "Inputs"),
            Path.Combine(AppContext.BaseDirectory, "seeds"),
        };
        if (corpus is not null)
        {
            folders.Add(corpus);
        }

        return folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
    }
}
