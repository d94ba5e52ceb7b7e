using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6004: a pod sharing the host's network, PID or IPC namespace.</summary>
public sealed class HostNamespaceRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.HostNamespace,
        "host-namespace",
        Severity.Warning,
        Categories.Security,
        "Pods should not share host namespaces.",
        "hostNetwork lets the pod bind and sniff the node's interfaces and reach services bound to localhost; hostPID "
        + "lets it see and signal every process on the node; hostIPC lets it read other processes' shared memory. "
        + "Node agents need some of these; applications do not.",
        "Remove hostNetwork, hostPID and hostIPC, or confine the workload to a dedicated, trusted namespace.")
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
                  hostNetwork: true
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
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    private static readonly string[] Fields = ["hostNetwork", "hostPID", "hostIPC"];

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var field in Fields)
            {
                if (template.Spec.GetScalar(field) is { } scalar && scalar.TryGetBool(out var value) && value)
                {
                    context.Report(Definition, template.Owner, scalar, $"The pod shares the host's {Describe(field)} namespace ({field}: true).");
                }
            }
        }
    }

    private static string Describe(string field) => field switch
    {
        "hostNetwork" => "network",
        "hostPID" => "process (PID)",
        _ => "IPC",
    };
}
