using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2007: an Ingress backend whose Service, or whose Service port, is not in the input.</summary>
public sealed class IngressBackendMissingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.IngressBackendMissing,
        "ingress-backend-missing",
        Severity.Warning,
        Workloads.Category,
        "An Ingress backend names a Service or Service port that does not exist.",
        "Ingress controllers answer 503 for a backend whose Service does not exist, and cannot route to a port the "
            + "Service does not define (backend.service.port.number is a Service port, not a container port; "
            + "port.name is a Service port name). The Service is only reported missing when another backend of the "
            + "same Ingress is a Service of the input, so Ingresses for separately deployed Services are not guessed about.",
        "Point the backend at an existing Service and at one of its spec.ports (by port number or name).")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                    - name: http
                      port: 80
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  rules:
                    - host: shop.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service:
                                name: web
                                port: {number: 8080}
                """,
            good: """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                    - name: http
                      port: 80
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  rules:
                    - host: shop.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service:
                                name: web
                                port: {number: 80}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var ingress in context.Index.OfKind("Ingress"))
        {
            if (context.InputIncomplete || ingress.Group is not ("networking.k8s.io" or "extensions") || ingress.Spec is not { } spec)
            {
                continue;
            }

            var workloads = WorkloadIndex.Of(context.Index);
            if (!workloads.Near("Service", ingress).Any(s => s.Group.Length == 0))
            {
                continue;
            }

            // A Service is only reported missing when another backend of the Ingress is a Service of the input: an
            // Ingress none of whose backends is in the input routes to Services deployed separately.
            var backends = Backends(spec).Select(Read).Where(b => b.Name is not null).ToList();
            var wired = backends.Any(b => Service(workloads, ingress, b.Name!.Value) is not null);
            foreach (var (name, port) in backends)
            {
                Check(context, ingress, name!, port, Service(workloads, ingress, name!.Value), wired);
            }
        }
    }

    private static IEnumerable<YamlMapping> Backends(YamlMapping spec)
    {
        var backends = new List<YamlMapping>();
        backends.AddRange(new[] { spec.GetMapping("defaultBackend"), spec.GetMapping("backend") }.OfType<YamlMapping>());
        foreach (var rule in spec.GetSequence("rules")?.Mappings ?? [])
        {
            foreach (var path in rule.GetMapping("http")?.GetSequence("paths")?.Mappings ?? [])
            {
                if (path.GetMapping("backend") is { } backend)
                {
                    backends.Add(backend);
                }
            }
        }

        return backends;
    }

    /// <summary>networking.k8s.io/v1: backend.service.{name, port.{number|name}}; v1beta1: backend.{serviceName, servicePort}.</summary>
    private static (YamlScalar? Name, YamlNode? Port) Read(YamlMapping backend)
    {
        if (backend.GetMapping("service") is { } service)
        {
            var portMap = service.GetMapping("port");
            return (service.GetScalar("name") is { IsNull: false } name ? name : null, portMap?["number"] ?? portMap?["name"]);
        }

        return (backend.GetScalar("serviceName") is { IsNull: false } oldName ? oldName : null, backend["servicePort"]);
    }

    /// <summary>The first core Service of that name the Ingress may route to.</summary>
    private static KubeObject? Service(WorkloadIndex workloads, KubeObject ingress, string name)
        => workloads.NamedNear("Service", name, ingress).FirstOrDefault(s => s.Group.Length == 0);

    private static void Check(AnalysisContext context, KubeObject ingress, YamlScalar name, YamlNode? port, KubeObject? target, bool wired)
    {
        if (target is null)
        {
            if (!wired)
            {
                return;
            }

            context.Report(Definition, ingress, name, $"backend Service \"{name.Value}\" is not defined in {(ingress.Namespace is null ? "the input" : "namespace " + ingress.Namespace)}");
            return;
        }

        if (port is not YamlScalar { IsNull: false } portValue || target.Spec?.GetString("type") == "ExternalName"
            || target.Spec?.GetSequence("ports") is not { } servicePorts)
        {
            return;
        }

        var key = portValue.Kind == ScalarKind.Int ? "port" : "name";
        if (!servicePorts.Mappings.Any(p => p.GetString(key) == portValue.Value))
        {
            var defined = string.Join(", ", servicePorts.Mappings.Select(p => p.GetString("name") is { } n ? $"{p.GetString("port")} ({n})" : p.GetString("port")));
            context.Report(Definition, ingress, portValue, $"Service \"{name.Value}\" has no port {portValue.ToDisplayString()}; its ports are {defined}");
        }
    }
}
