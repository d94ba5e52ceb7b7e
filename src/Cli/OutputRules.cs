using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli;

/// <summary>Notices the command itself reports about its output, not about the manifests.</summary>
public static class OutputRules
{
    public static RuleDescriptor OutputTruncated { get; } = new(
        RuleIds.OutputTruncated,
        "output-truncated",
        Severity.Warning,
        "Input",
        "The SARIF log was truncated to stay within code scanning's upload limits.",
        "GitHub code scanning accepts at most 25,000 results per run and 10 MB of gzip-compressed SARIF. When a run has more, kubelint keeps the first results in the canonical order and reports this notice instead of failing the upload.",
        "Fix or disable the most frequent findings, or lint fewer files per run; the text and JSON formats are never truncated.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [OutputTruncated];
}
