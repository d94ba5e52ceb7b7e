using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6003: a container that may run as root.</summary>
public sealed class RunAsRootRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.RunAsRoot,
        "run-as-root",
        Severity.Warning,
        Categories.Security,
        "Containers should not run as root.",
        "A container runs as root unless runAsNonRoot is true or runAsUser is above 0, at container level or inherited "
        + "from the pod's securityContext. Root in a container is root on the host once it escapes. An explicit "
        + "runAsUser: 0 is reported at that value. Windows pods are not checked.",
        "Set runAsNonRoot: true and a non-zero runAsUser in the pod or container securityContext.")
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
                  containers:
                    - name: web
                      image: example/web:1.4.2
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
        foreach (var template in PodContainers.CompleteLinux(context))
        {
            var pod = template.Spec.GetMapping("securityContext");
            foreach (var container in PodContainers.All(template))
            {
                var own = container.Node.GetMapping("securityContext");
                var userNode = own?.GetScalar("runAsUser") is { IsNull: false } u ? u : pod?.GetScalar("runAsUser");
                long? user = userNode is not null && userNode.TryGetInt64(out var id) ? id : null;
                var nonRoot = PodContainers.Bool(own, "runAsNonRoot") ?? PodContainers.Bool(pod, "runAsNonRoot");
                if (user == 0)
                {
                    context.Report(Definition, template.Owner, userNode!, $"{container.Describe()} runs as root (runAsUser: 0).");
                }
                else if (nonRoot != true && user is not > 0)
                {
                    var node = PodContainers.KeyOf(container.Node, "securityContext") ?? container.Anchor;
                    context.Report(Definition, template.Owner, node, $"{container.Describe()} may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set.");
                }
            }
        }
    }
}
