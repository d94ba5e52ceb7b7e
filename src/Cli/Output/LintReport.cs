using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Cli.Output;

/// <summary>The outcome of one lint run, as every output format sees it.</summary>
public sealed class LintReport
{
    public LintReport(IReadOnlyList<Finding> findings, IReadOnlyList<string> files, IReadOnlyList<KubeObject> objects, int otherDocumentCount = 0)
    {
        Findings = findings;
        Files = files;
        Objects = objects;
        OtherDocumentCount = otherDocumentCount;
    }

    /// <summary>Findings in the canonical order (<see cref="FindingOrder"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The linted files, in input order ("-" for standard input).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The objects of the linted files, in input order.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    public int FileCount => Files.Count;

    public int ObjectCount => Objects.Count;

    /// <summary>Documents that were skipped because they are not Kubernetes objects (workflows, Helm values, ...).</summary>
    public int OtherDocumentCount { get; }

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}
