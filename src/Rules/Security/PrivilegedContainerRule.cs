using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6001: a privileged container.</summary>
public sealed class PrivilegedContainerRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.PrivilegedContainer,
        "privileged-container",
        Severity.Warning,
        Categories.Security,
        "Containers should not run privileged.",
        "A privileged container has every capability and access to all host devices: a compromise of it is a compromise "
        + "of the node. Device plugins, CNI and storage drivers need it; application workloads do not.",
        "Remove securityContext.privileged, or grant only the capabilities the container needs.")
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
                      securityContext:
                        privileged: true
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
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
                if (container.Node.GetMapping("securityContext")?.GetScalar("privileged") is { } privileged
                    && privileged.TryGetBool(out var value) && value)
                {
                    context.Report(Definition, template.Owner, privileged, $"{container.Describe()} runs privileged, with full access to the host.");
                }
            }
        }
    }
}
