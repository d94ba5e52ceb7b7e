using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Roslyn.Tests;

/// <summary>
/// A rule of this test project, so that the analyzer is tested independently of the built-in rule set: it reports
/// each spec.selector.matchLabels entry of a Deployment that the pod template's labels do not carry.
/// </summary>
internal sealed class SelectorMismatchTestRule : Rule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.SelectorTemplateMismatch,
        "selector-template-mismatch",
        Severity.Warning,
        "Selectors and references",
        "The selector does not match the pod template's labels.",
        "A Deployment whose selector does not select its own template is rejected by the API server.",
        "Make spec.selector.matchLabels a subset of spec.template.metadata.labels.");

    public override RuleDescriptor Descriptor => Rule;

    public override void Run(AnalysisContext context)
    {
        foreach (var obj in context.Index.OfKind("apps", "Deployment"))
        {
            var labels = PodTemplate.Of(obj)?.Labels ?? new Dictionary<string, string>();
            if (obj.Spec?.GetPath("selector", "matchLabels") is not YamlMapping matchLabels)
            {
                continue;
            }

            foreach (var entry in matchLabels.Entries)
            {
                var wanted = (entry.Value as YamlScalar)?.Value;
                if (!labels.TryGetValue(entry.KeyText, out var actual) || actual != wanted)
                {
                    context.Report(Rule, obj, entry.Key, $"selector label {entry.KeyText}={wanted} is not a label of the pod template");
                }
            }
        }
    }
}
