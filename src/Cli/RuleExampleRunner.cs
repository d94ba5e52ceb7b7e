using System.Text;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Cli;

/// <summary>
/// Lints a rule's example as <c>kubelint lint --report-unused-suppressions example.yaml</c> would, with that rule
/// turned on: every pass, the simulation on the default cluster, default settings otherwise. The documentation shows
/// what this reports, and a test holds every rule's examples to it.
/// </summary>
public static class RuleExampleRunner
{
    public const string FileName = "example.yaml";

    public static IReadOnlyList<Finding> Lint(RuleDescriptor rule, string yaml)
    {
        var loaded = new ManifestLoader().Load(FileName, Encoding.UTF8.GetBytes(yaml));
        var options = new AnalysisOptions
        {
            ReportUnusedSuppressions = true,
            Rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase) { [rule.Id] = new() { Enabled = true } },
        };
        var passes = LintRunner.CreatePasses(new LintSettings(), [], [], []);
        return new LintEngine(passes, options).Run(loaded.Objects, loaded.Findings);
    }
}
