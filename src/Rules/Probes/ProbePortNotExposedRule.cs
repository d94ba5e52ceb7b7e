using System.Globalization;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Probes;

/// <summary>KL3004: a probe that targets a port the container does not declare.</summary>
public sealed class ProbePortNotExposedRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.ProbePortNotExposed,
        "probe-port-not-exposed",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Probes should target a port the container declares.",
        "A named probe port (httpGet.port, tcpSocket.port or grpc.port) is resolved against the container's own ports; when "
        + "no port has that name, the probe fails on every attempt. A numeric probe port may be served by any container of "
        + "the pod, which share one network namespace; one that no container of a pod with declared ports declares usually "
        + "means the probe and the ports went out of sync (a renumbered port, a copied probe). Probes connect over TCP "
        + "(HTTP and gRPC run on it), so a port declared only as UDP or SCTP never answers them. A container that declares "
        + "no ports at all is not checked for numeric ports, since declaring ports is optional.",
        "Point the probe at one of the container's ports, or declare the port the probe uses.")
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
                      ports:
                        - name: http
                          containerPort: 8080
                      readinessProbe:
                        httpGet: {path: /readyz, port: htpp}
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
                      ports:
                        - name: http
                          containerPort: 8080
                      readinessProbe:
                        httpGet: {path: /readyz, port: http}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    private static readonly string[] ProbeKeys = ["livenessProbe", "readinessProbe", "startupProbe"];

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            var containers = PodContainers.All(template).Where(c => c.IsLongRunning).ToList();

            // The containers of a pod share its network namespace, so a number may be served by any of them.
            var podPorts = containers.SelectMany(c => c.Node.GetSequence("ports")?.Mappings ?? []).ToList();
            foreach (var container in containers)
            {
                var ports = container.Node.GetSequence("ports")?.Mappings.ToList() ?? [];
                foreach (var probeKey in ProbeKeys)
                {
                    var probe = container.Node.GetMapping(probeKey);
                    var port = probe?.GetPath("httpGet", "port") ?? probe?.GetPath("tcpSocket", "port") ?? probe?.GetPath("grpc", "port");
                    if (port is YamlScalar scalar && Check(scalar, ports, podPorts) is { } problem)
                    {
                        context.Report(Definition, template.Owner, scalar, $"The {probeKey} of {container.Describe()} {problem}");
                    }
                }
            }
        }
    }

    private static string? Check(YamlScalar port, List<YamlMapping> ports, List<YamlMapping> podPorts)
    {
        if (port.TryGetInt64(out var number))
        {
            if (podPorts.Exists(p => PodContainers.Int(p, "containerPort") == number && IsTcp(p)))
            {
                return null;
            }

            if (podPorts.Find(p => PodContainers.Int(p, "containerPort") == number) is { } other)
            {
                return $"targets port {number}, which the pod declares only as {other.GetString("protocol")}; probes connect over TCP.";
            }

            if (ports.Count == 0)
            {
                return null;
            }

            var declared = string.Join(", ", podPorts.Select(p => PodContainers.Int(p, "containerPort")).OfType<long>().Distinct().Select(p => p.ToString(CultureInfo.InvariantCulture)));
            return $"targets port {number}, which is not among the ports of the pod's containers ({declared}).";
        }

        // Strings without a letter are not port names; schema validation reports them.
        if (port.Kind != ScalarKind.String || !port.Value.Any(char.IsLetter))
        {
            return null;
        }

        // pkg/probe/util.go findPortByName: a name is looked up among the probe's own container's ports only, whatever their protocol.
        if (ports.Find(p => p.GetString("name") == port.Value) is not { } named)
        {
            return $"targets the named port \"{port.Value}\", but the container has no port with that name, so the probe always fails.";
        }

        var resolved = PodContainers.Int(named, "containerPort");
        if (IsTcp(named) || podPorts.Exists(p => PodContainers.Int(p, "containerPort") == resolved && IsTcp(p)))
        {
            return null;
        }

        return $"targets the named port \"{port.Value}\", which is declared as {named.GetString("protocol")}; probes connect over TCP, so the probe fails.";
    }

    /// <summary>A container port served over TCP (the default protocol), the only one probes reach.</summary>
    private static bool IsTcp(YamlMapping port) => (port.GetString("protocol") ?? "TCP") == "TCP";
}
