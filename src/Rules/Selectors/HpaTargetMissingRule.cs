using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2006: a HorizontalPodAutoscaler whose scaleTargetRef names an object the input does not define.</summary>
public sealed class HpaTargetMissingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.HpaTargetMissing,
        "hpa-target-missing",
        Severity.Warning,
        Workloads.Category,
        "A HorizontalPodAutoscaler targets an object that is not in the input.",
        "The autoscaler scales the object named by spec.scaleTargetRef; when it does not exist the autoscaler reports "
            + "FailedGetScale and scales nothing. Only checked when the input defines objects of the target's kind in "
            + "that namespace, so a target deployed from elsewhere is not reported.",
        "Correct scaleTargetRef (kind, name and apiVersion) to the workload to scale.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var hpa in context.Index.OfKind("HorizontalPodAutoscaler"))
        {
            if (context.InputIncomplete
                || hpa.Group != "autoscaling"
                || hpa.Spec?.GetMapping("scaleTargetRef") is not { } target
                || target.GetString("kind") is not { } kind
                || target["name"] is not YamlScalar { IsNull: false } name)
            {
                continue;
            }

            var workloads = WorkloadIndex.Of(context.Index);
            if (workloads.Near(kind, hpa).Any() && !workloads.IsNamedNear(kind, name.Value, hpa))
            {
                context.Report(Definition, hpa, name, $"scaleTargetRef {kind} \"{name.Value}\" is not defined in {(hpa.Namespace is null ? "the input" : "namespace " + hpa.Namespace)}, which defines {Workloads.Describe(workloads.Near(kind, hpa))}");
            }
        }
    }
}
