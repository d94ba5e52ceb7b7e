using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests;

/// <summary>Runs one rule, enabled even when it is off by default, and keeps only that rule's findings.</summary>
internal static class RuleRunner
{
    public static IReadOnlyList<Finding> Findings(string yaml, Rule rule)
    {
        var options = new AnalysisOptions
        {
            Rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase) { [rule.Descriptor.Id] = new() { Enabled = true } },
        };
        return Manifests.Lint(yaml, options, rule).Where(f => f.RuleId == rule.Descriptor.Id).ToList();
    }

    public static string[] Summaries(string yaml, Rule rule) => Manifests.Summaries(Findings(yaml, rule));
}
