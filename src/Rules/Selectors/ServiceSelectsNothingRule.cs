using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2002: a Service whose selector matches no pod template of the input has no endpoints.</summary>
public sealed class ServiceSelectsNothingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.ServiceSelectsNothing,
        "service-selects-nothing",
        Severity.Warning,
        Workloads.Category,
        "A Service selector matches no pod template in the input.",
        "A Service routes traffic to the pods its selector selects. When no workload of the input has pods with all "
            + "the selector's labels, the Service has no endpoints and every connection fails. Services without a "
            + "selector (endpoints managed by hand) and ExternalName Services are not checked, nor are namespaces where "
            + "the input runs no pods or defines custom resources (whose operators may create the selected pods).",
        "Fix the selector or the pod template labels so that they agree, or add the missing workload to the input.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var service in context.Index.OfKind("Service"))
        {
            if (ServiceSelector.Read(service) is not { } selector
                || !Workloads.HasPodsInNamespace(context.Index, service)
                || Workloads.HasCustomResourcesNear(context.Index, service)
                || Workloads.Selected(context.Index, service, selector).Any()
                || context.HoldsBack(Definition, service))
            {
                continue;
            }

            var where = service.Namespace is null ? "the input" : $"namespace {service.Namespace}";
            context.Report(Definition, service, selector.Node, $"selector {selector} matches no pod template in {where}");
        }
    }
}
