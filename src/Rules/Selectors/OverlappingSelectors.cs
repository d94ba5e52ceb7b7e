using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2009: two controllers of one namespace whose selectors select each other's pods.</summary>
public sealed class OverlappingSelectors : Rule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.OverlappingSelectors,
        "overlapping-selectors",
        Severity.Warning,
        Workloads.Category,
        "Two workloads of one namespace have overlapping selectors.",
        "Kubernetes does not stop controllers from selecting the same pods, but when the selector of one Deployment, "
            + "ReplicaSet, StatefulSet, DaemonSet or ReplicationController selects the pods of another in the same "
            + "namespace, the controllers may adopt, count or delete each other's pods and behave unexpectedly. "
            + "Objects with ownerReferences (a Deployment's own ReplicaSets) are not compared.",
        "Give each workload a label that only its own pods carry (e.g. app.kubernetes.io/name and app.kubernetes.io/instance) and select on it.");

    public override RuleDescriptor Descriptor => Rule;

    public override void Run(AnalysisContext context)
    {
        var workloads = new List<(KubeObject Obj, YamlMapping Node, LabelSelector Selector, IReadOnlyDictionary<string, string> Labels)>();
        foreach (var obj in context.Objects)
        {
            if (!Workloads.IsController(obj)
                || obj.Metadata?.ContainsKey("ownerReferences") == true
                || PodTemplate.Of(obj) is not { Template: not null } template
                || obj.Spec?.GetMapping("selector") is not { } node
                || Workloads.SelectorOf(obj) is not { IsValid: true, IsEmpty: false } selector)
            {
                continue;
            }

            workloads.Add((obj, node, selector, template.Labels));
        }

        for (var j = 1; j < workloads.Count; j++)
        {
            var later = workloads[j];
            for (var i = 0; i < j; i++)
            {
                var earlier = workloads[i];
                if (earlier.Obj.EffectiveNamespace != later.Obj.EffectiveNamespace)
                {
                    continue;
                }

                var other = $"{earlier.Obj.Kind} {earlier.Obj.Name} ({earlier.Obj.File.Path}:{earlier.Node.Start})";
                if (later.Selector.Matches(earlier.Labels))
                {
                    context.Report(Rule, later.Obj, later.Node, $"selector {later.Selector} also selects the pods of {other}");
                }
                else if (earlier.Selector.Matches(later.Labels))
                {
                    context.Report(Rule, later.Obj, later.Node, $"the selector {earlier.Selector} of {other} also selects the pods of this {later.Obj.Kind}");
                }
            }
        }
    }
}
