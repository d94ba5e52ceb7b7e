using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Cli.Output;

/// <summary>The outcome of one lint run, as every output format sees it.</summary>
public sealed class LintReport
{
    public LintReport(IReadOnlyList<Finding> findings, IReadOnlyList<string> files, IReadOnlyList<KubeObject> objects)
    {
        Findings = findings;
        Files = files;
        Objects = objects;
    }

    /// <summary>Findings in the canonical order (<see cref="FindingOrder"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The linted files, in input order ("-" for standard input).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The objects of the linted files, in input order.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    public int FileCount => Files.Count;

    public int ObjectCount => Objects.Count;

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}
