using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli.Tests;

/// <summary>
/// Every rule documents itself with a bad and a good manifest (<see cref="RuleDescriptor.Examples"/>), and both are
/// linted here the way <c>kubelint lint</c> lints a file: the bad one must produce exactly one finding, of that
/// rule, and the good one nothing at all. A rule added to any pass is picked up through the catalog.
/// </summary>
public sealed class RuleExamplesTests
{
    /// <summary>Rules no manifest can show, with the reason; everything else must have examples.</summary>
    private static readonly Dictionary<string, string> WithoutExamples = new(StringComparer.Ordinal)
    {
        [RuleIds.UnreadableEncoding] = "reports binary or mis-encoded bytes, which no text example can carry (InputProblemTests)",
        [RuleIds.OutputTruncated] = "depends on the size of the SARIF output, not on a manifest (SarifTests)",
        [RuleIds.InvalidConfiguration] = "concerns .kubelint.yaml inside the build (KubeLint.Roslyn.Tests)",
        [RuleIds.UnreadableInput] = "reports FIFOs, broken links and unreadable files, which no manifest can be (InputWalkerTests)",
        [RuleIds.KustomizationNotBuilt] = "concerns a kustomization folder on a machine without kustomize, not a manifest (KustomizeTests)",
        [RuleIds.KustomizeBuildFailed] = "concerns a kustomization folder that kustomize cannot build, not a manifest (KustomizeTests)",
        [RuleIds.ServiceSwitchGap] = "compares a Service with its --baseline version, which a single example manifest has not (ServiceEndpointsTests)",
        [RuleIds.HelmChartNotRendered] = "concerns a Helm chart folder (Chart.yaml, templates/), not a manifest (HelmTests)",
    };

    private static IEnumerable<TestCaseData> Rules()
        => RuleCatalog.All.Where(r => !WithoutExamples.ContainsKey(r.Id)).Select(r => new TestCaseData(r.Id).SetName($"Examples of {r.Id} {r.Name}"));

    [TestCaseSource(nameof(Rules))]
    public void Bad_example_reports_exactly_the_rule_and_good_example_reports_nothing(string id)
    {
        var rule = RuleCatalog.All.Single(r => r.Id == id);
        Assert.That(rule.Examples, Is.Not.Null, $$""""
            {{rule.Id}} {{rule.Name}} has no examples. Add them to its RuleDescriptor (the static descriptor of the rule's class):

                { Examples = new(
                    bad: """
                        <manifest that makes {{rule.Id}} report exactly one finding, and nothing else>
                        """,
                    good: """
                        <the same manifest fixed: kubelint reports nothing>
                        """),
                }

            Both are linted as 'kubelint lint --report-unused-suppressions example.yaml' with {{rule.Id}} turned on.
            """");

        var bad = RuleExampleRunner.Lint(rule, rule.Examples!.Bad);
        var good = RuleExampleRunner.Lint(rule, rule.Examples.Good);

        Assert.Multiple(() =>
        {
            Assert.That(bad.Select(f => f.ToString()), Has.Exactly(1).Items.And.All.Contains($" {rule.Id} "),
                $"the bad example of {rule.Id} must produce exactly one finding, of {rule.Id}; it produces:\n{Render(bad)}");
            Assert.That(good, Is.Empty, $"the good example of {rule.Id} must produce no finding; it produces:\n{Render(good)}");
        });
    }

    [Test]
    public void Rules_without_examples_are_rules_of_the_catalog()
        => Assert.That(WithoutExamples.Keys, Is.SubsetOf(RuleCatalog.All.Select(r => r.Id)));

    private static string Render(IReadOnlyList<Finding> findings)
        => findings.Count == 0 ? "(nothing)" : string.Join("\n", findings);
}
