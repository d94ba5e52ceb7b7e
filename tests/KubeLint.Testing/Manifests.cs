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
        return new LintEngine(passes, options).Run(loaded.Objects, loaded.Findings);
    }

    /// <summary>Findings as "KL2001@12:5" strings: compact, and a failing assertion shows exactly what differs.</summary>
    public static string[] Summaries(IEnumerable<Finding> findings)
        => findings.Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column}").ToArray();

    /// <summary>Raw string literals in tests are indented with the code; line endings are normalized to LF.</summary>
    private static string Normalize(string yaml) => yaml.Replace("\r\n", "\n");
}
