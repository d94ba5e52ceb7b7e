using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Resources;

/// <summary>KL3006: a container without a cpu or memory request.</summary>
public sealed class MissingRequestsRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.MissingRequests,
        "missing-requests",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Containers should request cpu and memory.",
        "The scheduler places pods by their requests. A container without a cpu or memory request counts as needing "
        + "none, so nodes get overcommitted, and the pod is among the first evicted under memory pressure (BestEffort or "
        + "Burstable). A limit without a request is fine: the request then defaults to the limit. Init and sidecar "
        + "containers are checked too, as they count towards the pod's request.",
        "Set resources.requests.cpu and resources.requests.memory to what the container uses under normal load.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m}
                        limits: {memory: 128Mi}
                """),
    };

    private static readonly string[] Names = ["cpu", "memory"];

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var container in PodContainers.All(template))
            {
                var resources = container.Node.GetMapping("resources");
                var requests = resources?.GetMapping("requests");
                var limits = resources?.GetMapping("limits");
                var missing = Names.Where(n => requests?[n] is null && limits?[n] is null).ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                var node = PodContainers.KeyOf(resources, "requests") ?? PodContainers.KeyOf(container.Node, "resources") ?? container.Anchor;
                context.Report(
                    Definition,
                    template.Owner,
                    node,
                    missing.Count == 1 ? $"{container.Describe()} has no {missing[0]} request." : $"{container.Describe()} has neither a cpu nor a memory request.");
            }
        }
    }
}
