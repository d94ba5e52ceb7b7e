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
        "A named probe port (httpGet.port or tcpSocket.port) is resolved against the container's own ports; when no port "
        + "has that name, the probe fails on every attempt. A numeric probe port that is missing from a container which "
        + "does declare ports usually means the probe and the ports went out of sync (a renumbered port, a copied probe). "
        + "Containers that declare no ports at all are not checked for numeric ports, since declaring ports is optional.",
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
            foreach (var container in PodContainers.All(template).Where(c => c.IsLongRunning))
            {
                var ports = container.Node.GetSequence("ports")?.Mappings.ToList() ?? [];
                foreach (var probeKey in ProbeKeys)
                {
                    var probe = container.Node.GetMapping(probeKey);
                    var port = probe?.GetPath("httpGet", "port") ?? probe?.GetPath("tcpSocket", "port") ?? probe?.GetPath("grpc", "port");
                    if (port is YamlScalar scalar && Check(scalar, ports) is { } problem)
                    {
                        context.Report(Definition, template.Owner, scalar, $"The {probeKey} of {container.Describe()} {problem}");
                    }
                }
            }
        }
    }

    private static string? Check(YamlScalar port, List<YamlMapping> ports)
    {
        if (port.TryGetInt64(out var number))
        {
            if (ports.Count == 0 || ports.Exists(p => PodContainers.Int(p, "containerPort") == number))
            {
                return null;
            }

            var declared = string.Join(", ", ports.Select(p => PodContainers.Int(p, "containerPort")).OfType<long>().Select(p => p.ToString(CultureInfo.InvariantCulture)));
            return $"targets port {number}, which is not among the container's ports ({declared}).";
        }

        // Strings without a letter are not port names; schema validation reports them.
        if (port.Kind != ScalarKind.String || !port.Value.Any(char.IsLetter) || ports.Exists(p => p.GetString("name") == port.Value))
        {
            return null;
        }

        return $"targets the named port \"{port.Value}\", but the container has no port with that name, so the probe always fails.";
    }
}
