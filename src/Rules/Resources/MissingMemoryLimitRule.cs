using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Resources;

/// <summary>KL3007: a container without a memory limit.</summary>
public sealed class MissingMemoryLimitRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.MissingMemoryLimit,
        "missing-memory-limit",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Containers should have a memory limit.",
        "Memory is not compressible: a container without a memory limit can grow until the node runs out, and then the "
        + "kernel's OOM killer or the kubelet's eviction picks victims among its neighbours. A limit confines the damage "
        + "to the container that leaks.",
        "Set resources.limits.memory (commonly equal to the memory request).")
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
                        requests: {cpu: 100m, memory: 128Mi}
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
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var container in PodContainers.All(template))
            {
                var resources = container.Node.GetMapping("resources");
                if (resources?.GetMapping("limits")?["memory"] is not null)
                {
                    continue;
                }

                var node = PodContainers.KeyOf(resources, "limits") ?? PodContainers.KeyOf(container.Node, "resources") ?? container.Anchor;
                context.Report(Definition, template.Owner, node, $"{container.Describe()} has no memory limit.");
            }
        }
    }
}
