using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6002: a container that does not set allowPrivilegeEscalation: false.</summary>
public sealed class PrivilegeEscalationRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.PrivilegeEscalation,
        "privilege-escalation",
        Severity.Warning,
        Categories.Security,
        "Containers should set allowPrivilegeEscalation: false.",
        "Unless allowPrivilegeEscalation is false, a process in the container can gain more privileges than its parent "
        + "(setuid binaries, file capabilities), which the restricted Pod Security Standard forbids. Privileged "
        + "containers are left to privileged-container, as they always allow escalation. Off by default, since nearly "
        + "every manifest that does not target the restricted profile leaves the field unset.",
        "Set securityContext.allowPrivilegeEscalation: false.",
        enabledByDefault: false)
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
                      securityContext:
                        allowPrivilegeEscalation: false
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
            foreach (var container in PodContainers.All(template))
            {
                var securityContext = container.Node.GetMapping("securityContext");
                if (PodContainers.Bool(securityContext, "privileged") == true)
                {
                    continue;
                }

                var allow = securityContext?.GetScalar("allowPrivilegeEscalation");
                if (allow is not null && allow.TryGetBool(out var value))
                {
                    if (value)
                    {
                        context.Report(Definition, template.Owner, allow, $"{container.Describe()} allows privilege escalation.");
                    }

                    continue;
                }

                var node = PodContainers.KeyOf(container.Node, "securityContext") ?? container.Anchor;
                context.Report(Definition, template.Owner, node, $"{container.Describe()} does not set allowPrivilegeEscalation: false.");
            }
        }
    }
}
