using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6007: a container adding capabilities that amount to host control.</summary>
public sealed class DangerousCapabilitiesRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.DangerousCapabilities,
        "dangerous-capabilities",
        Severity.Warning,
        Categories.Security,
        "Containers should not add dangerous capabilities.",
        "Flags capabilities.add entries that give control over the node or its network: ALL, SYS_ADMIN, NET_ADMIN, "
        + "SYS_MODULE, SYS_PTRACE, SYS_RAWIO, SYS_BOOT, BPF and DAC_READ_SEARCH (with or without the CAP_ prefix, in "
        + "any case, as container runtimes normalize them).",
        "Drop the capability, or grant a narrower one (NET_BIND_SERVICE for low ports).")
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
                        capabilities:
                          add: [SYS_ADMIN]
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
                        capabilities:
                          drop: [ALL]
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    private static readonly HashSet<string> Dangerous = new(StringComparer.Ordinal)
    {
        "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "BPF", "DAC_READ_SEARCH",
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var container in PodContainers.All(template))
            {
                var added = container.Node.GetMapping("securityContext")?.GetMapping("capabilities")?.GetSequence("add");
                foreach (var item in added?.Items.OfType<YamlScalar>() ?? [])
                {
                    var name = item.Value.ToUpperInvariant();
                    if (name.StartsWith("CAP_", StringComparison.Ordinal))
                    {
                        name = name.Substring(4);
                    }

                    if (Dangerous.Contains(name))
                    {
                        context.Report(Definition, template.Owner, item, $"{container.Describe()} adds the {name} capability.");
                    }
                }
            }
        }
    }
}
