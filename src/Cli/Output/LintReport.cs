using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli.Output;

/// <summary>The outcome of one lint run, as every output format sees it.</summary>
public sealed class LintReport
{
    public LintReport(IReadOnlyList<Finding> findings, int fileCount, int objectCount, int otherDocumentCount = 0)
    {
        Findings = findings;
        FileCount = fileCount;
        ObjectCount = objectCount;
        OtherDocumentCount = otherDocumentCount;
    }

    /// <summary>Findings in the canonical order (<see cref="FindingOrder"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public int FileCount { get; }

    public int ObjectCount { get; }

    /// <summary>Documents that were skipped because they are not Kubernetes objects (workflows, Helm values, ...).</summary>
    public int OtherDocumentCount { get; }

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}
