using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Selectors;

/// <summary>
/// KL2010: a HorizontalPodAutoscaler scales on the utilization of a resource that a container of its target does
/// not request. The HPA controller divides usage by the pods' requests (pkg/controller/podautoscaler/
/// replica_calculator.go calculatePodRequests: app containers and sidecars, or the one container of a
/// ContainerResource metric) and fails on the first container without the request, so the HPA never scales.
/// </summary>
public sealed class HpaMissingRequestRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.HpaMissingRequest,
        "hpa-missing-request",
        Severity.Warning,
        Workloads.Category,
        "A HorizontalPodAutoscaler scales on the utilization of a resource a container of its target does not request.",
        "Utilization is usage divided by request. For a Resource or ContainerResource metric with a Utilization target "
            + "(and for the default 80% cpu target of an HPA without metrics), the HPA controller needs the request of "
            + "every app and sidecar container it measures; without one it reports FailedGetResourceMetric (\"missing "
            + "request for cpu\") and does not scale. A request set by the container's limit or by a LimitRange of the "
            + "input's namespace counts.",
        "Request the resource in every container the metric measures, or scale on an AverageValue target instead.")
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
                          resources:
                            # kubelint:ignore KL3006 the cpu request is left out on purpose
                            requests: {memory: 128Mi}
                            limits: {memory: 128Mi}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  minReplicas: 2
                  maxReplicas: 5
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target: {type: Utilization, averageUtilization: 80}
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
                          resources:
                            # kubelint:ignore KL3006 the cpu request is left out on purpose
                            requests: {memory: 128Mi}
                            limits: {memory: 128Mi}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  minReplicas: 2
                  maxReplicas: 5
                  metrics:
                    - type: Resource
                      resource:
                        name: memory
                        target: {type: Utilization, averageUtilization: 80}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var hpa in context.Index.OfKind("HorizontalPodAutoscaler"))
        {
            if (!ScaleTargetRef.TryRead(hpa, out var target))
            {
                continue;
            }

            var spec = target.Spec;
            var template = WorkloadIndex.Of(context.Index).NamedNear(target.Kind, target.Name.Value, hpa).Select(context.Index.TemplateOf).FirstOrDefault(t => t is not null);
            if (template is null)
            {
                continue;
            }

            foreach (var (resource, container) in UtilizationMetrics(hpa, spec))
            {
                if (FirstWithoutRequest(context.Index, template, resource, container) is { } missing)
                {
                    var resources = missing.Node.GetMapping("resources");
                    var node = PodContainers.KeyOf(resources, "requests") ?? PodContainers.KeyOf(missing.Node, "resources") ?? missing.Anchor;
                    context.Report(
                        Definition,
                        template.Owner,
                        node,
                        $"HorizontalPodAutoscaler \"{hpa.Name}\" cannot scale (FailedGetResourceMetric): failed to get {resource} utilization: missing request for {resource} in {missing.Describe()}");
                }
            }
        }
    }

    /// <summary>
    /// The (resource, container or null) of each Utilization metric: autoscaling/v1's targetCPUUtilizationPercentage,
    /// v2's Resource and ContainerResource metrics; without any metric both versions default to cpu at 80%.
    /// </summary>
    private static IEnumerable<(string Resource, string? Container)> UtilizationMetrics(KubeObject hpa, YamlMapping spec)
    {
        if (hpa.ApiVersion == "autoscaling/v1")
        {
            yield return ("cpu", null);
            yield break;
        }

        var metrics = spec.GetSequence("metrics")?.Mappings.ToList() ?? [];
        if (metrics.Count == 0)
        {
            yield return ("cpu", null);
        }

        foreach (var metric in metrics)
        {
            var type = metric.GetString("type");
            var source = type switch
            {
                "Resource" => metric.GetMapping("resource"),
                "ContainerResource" => metric.GetMapping("containerResource"),
                _ => null,
            };
            if (source?.GetString("name") is { } resource && source.GetPath("target", "type") is YamlScalar { Value: "Utilization" })
            {
                yield return (resource, type == "ContainerResource" ? source.GetString("container") : null);
            }
        }
    }

    private static PodContainer? FirstWithoutRequest(ObjectIndex index, PodTemplate template, string resource, string? only)
    {
        if (DefaultedByLimitRange(index, template.Namespace, resource))
        {
            return null;
        }

        foreach (var container in PodContainers.All(template).Where(c => c.IsLongRunning))
        {
            if (only is not null && container.Name != only)
            {
                continue;
            }

            // A limit without a request sets the request (SetDefaults_Container).
            var resources = container.Node.GetMapping("resources");
            if (resources?.GetMapping("requests")?[resource] is null && resources?.GetMapping("limits")?[resource] is null)
            {
                return container;
            }
        }

        return null;
    }

    /// <summary>A Container item of a LimitRange in the namespace gives the request (defaultRequest, else default, max or min).</summary>
    private static bool DefaultedByLimitRange(ObjectIndex index, string ns, string resource)
        => index.OfKind("LimitRange").Where(l => l.Group.Length == 0 && (l.EffectiveNamespace ?? "default") == ns)
            .SelectMany(l => l.Spec?.GetSequence("limits")?.Mappings ?? [])
            .Where(item => (item.GetString("type") ?? "Container") == "Container")
            .Any(item => new[] { "defaultRequest", "default", "max", "min" }.Any(k => item.GetMapping(k)?[resource] is not null));
}
