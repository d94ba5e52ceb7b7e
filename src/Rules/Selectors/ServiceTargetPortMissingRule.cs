using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2003: a Service port whose targetPort no selected container exposes.</summary>
public sealed class ServiceTargetPortMissingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.ServiceTargetPortMissing,
        "service-target-port-missing",
        Severity.Warning,
        Workloads.Category,
        "A Service targetPort is not exposed by any selected container.",
        "A named targetPort is resolved per pod against the names of its container ports (with the same protocol); "
            + "when no selected container has a port of that name the Service has no endpoints for that port. A "
            + "numeric targetPort (the port itself when targetPort is absent) that no selected container declares "
            + "usually means the Service and the pods disagree on the port. Because Kubernetes forwards to a number "
            + "whether or not it is declared, and pods often serve undeclared ports, numbers are only reported when "
            + "every selected pod declares its ports and no port of the Service meets a declared one.",
        "Point targetPort at a containerPort (or a port name) of the selected containers, or declare the port in the pod template.")
    {
        Examples = new(
            bad: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
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
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                    - port: 80
                      targetPort: htpp
                """,
            good: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
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
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                    - port: 80
                      targetPort: http
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var service in context.Index.OfKind("Service"))
        {
            if (context.InputIncomplete
                || ServiceSelector.Read(service) is not { } selector
                || Workloads.HasCustomResourcesNear(context.Index, service)
                || service.Spec?.GetSequence("ports") is not { } ports)
            {
                continue;
            }

            var templates = Workloads.Selected(context.Index, service, selector).ToList();
            if (templates.Count == 0)
            {
                continue;
            }

            var targets = ports.Mappings.Select(p => (Port: p, Protocol: p.GetString("protocol") ?? "TCP", Target: p["targetPort"] ?? p["port"])).ToList();
            var owners = Workloads.Describe(templates.Select(t => t.Owner));

            // Kubernetes forwards to a number even when no container declares it, and pods often serve undeclared
            // ports (metrics): numbers are only judged when every selected pod declares ports and none of the
            // Service's ports meets a declared one, i.e. when the Service and its pods disagree entirely.
            var judgeNumbers = templates.All(t => ContainerPorts(t).Any())
                && !targets.Any(t => t.Target is YamlScalar { Kind: ScalarKind.Int } n && Declares(templates, n, t.Protocol));
            foreach (var (_, protocol, target) in targets)
            {
                switch (target)
                {
                    case YamlScalar { Kind: ScalarKind.String } name when !templates.Any(t => ContainerPorts(t).Any(p => p.GetString("name") == name.Value && ProtocolOf(p) == protocol)):
                        context.Report(Definition, service, name, $"targetPort \"{name.Value}\" names no {protocol} port of the selected containers ({owners}), so the Service has no endpoints for it");
                        break;
                    case YamlScalar { Kind: ScalarKind.Int } number when judgeNumbers:
                        context.Report(Definition, service, number, $"no selected container ({owners}) declares containerPort {number.Value}/{protocol}");
                        break;
                }
            }
        }
    }

    private static bool Declares(List<PodTemplate> templates, YamlScalar number, string protocol)
        => number.TryGetInt64(out var value)
           && templates.Any(t => ContainerPorts(t).Any(p => p["containerPort"] is YamlScalar c && c.TryGetInt64(out var cp) && cp == value && ProtocolOf(p) == protocol));

    private static string ProtocolOf(YamlMapping containerPort) => containerPort.GetString("protocol") ?? "TCP";

    /// <summary>Ports of the app containers and of sidecars (init containers with restartPolicy Always), which serve traffic too.</summary>
    private static IEnumerable<YamlMapping> ContainerPorts(PodTemplate template)
        => template.Containers
            .Concat(template.InitContainers.Where(c => c.GetString("restartPolicy") == "Always"))
            .SelectMany(c => c.GetSequence("ports")?.Mappings ?? []);
}
