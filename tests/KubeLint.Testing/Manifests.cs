using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Testing;

/// <summary>Loads inline manifests and runs passes over them, for tests that assert rule id, line and column.</summary>
public static class Manifests
{
    public const string FileName = "test.yaml";

    public static LoadResult Load(string yaml, string path = FileName)
        => new ManifestLoader().Load(new SourceFile(path, Normalize(yaml)));

    /// <summary>Loads <paramref name="yaml"/> and runs the passes; returns loader findings and pass findings, sorted.</summary>
    public static IReadOnlyList<Finding> Lint(string yaml, params AnalysisPass[] passes)
        => Lint(yaml, AnalysisOptions.Default, passes);

    public static IReadOnlyList<Finding> Lint(string yaml, AnalysisOptions options, params AnalysisPass[] passes)
    {
        var loaded = Load(yaml);
        return new LintEngine(passes, options).Run(loaded);
    }

    /// <summary>Loads several files as one input set (as "kubelint a.yaml b.yaml" would) and runs the passes.</summary>
    public static IReadOnlyList<Finding> LintFiles(IEnumerable<(string Path, string Yaml)> files, params AnalysisPass[] passes)
    {
        var loaded = new LoadResult();
        foreach (var (path, yaml) in files)
        {
            loaded.Add(Load(yaml, path));
        }

        return new LintEngine(passes).Run(loaded);
    }

    /// <summary>Findings as "file:KL2001@12:5" strings, for runs over several files.</summary>
    public static string[] SummariesWithFiles(IEnumerable<Finding> findings)
        => findings.Select(f => $"{f.Location.FilePath}:{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column}").ToArray();

    /// <summary>Findings as "KL2001@12:5" strings: compact, and a failing assertion shows exactly what differs.</summary>
    public static string[] Summaries(IEnumerable<Finding> findings)
        => findings.Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column}").ToArray();

    /// <summary>Raw string literals in tests are indented with the code; line endings are normalized to LF.</summary>
    private static string Normalize(string yaml) => yaml.Replace("\r\n", "\n");
}
