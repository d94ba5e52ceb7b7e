using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Rules.Common;
using KubeLint.Rules.Selectors;

namespace KubeLint.Rules.Probes;

/// <summary>KL3001: a pod that a Service routes traffic to, where no container has a readiness probe.</summary>
public sealed class MissingReadinessProbeRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.MissingReadinessProbe,
        "missing-readiness-probe",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Pods behind a Service should have a readiness probe.",
        "A Service in the same namespace selects the pod template, but none of its containers has a readinessProbe, so the "
        + "pod receives traffic as soon as its containers start, before the application can serve it, and keeps receiving "
        + "it while the application is overloaded or shutting down. A readiness probe on any container counts, as pod "
        + "readiness is the conjunction of its containers'. Services with publishNotReadyAddresses: true ignore readiness "
        + "and are not considered.",
        "Add a readinessProbe to the container that serves the Service's traffic.")
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
        // Each Service is filed once under the rarest label its selector requires, so a template meets only the
        // Services that name one of its labels instead of every Service of the input.
        var labels = WorkloadIndex.Of(context.Index);
        var filed = new Dictionary<(string? Namespace, string Key, string Value), List<(int Position, KubeObject Service, LabelSelector Selector)>>();
        var position = 0;
        foreach (var candidate in context.Index.OfKind("Service"))
        {
            if (candidate.Group.Length != 0 || candidate.Spec?.GetMapping("selector") is not { Count: > 0 } map
                || PodContainers.Bool(candidate.Spec, "publishNotReadyAddresses") == true)
            {
                continue;
            }

            var selector = LabelSelector.FromMap(map);
            var rarest = selector.Requirements.OrderBy(r => labels.Frequency(r.Key, r.Values[0])).First();
            var key = (candidate.EffectiveNamespace, rarest.Key, rarest.Values[0]);
            if (!filed.TryGetValue(key, out var list))
            {
                filed[key] = list = [];
            }

            list.Add((position++, candidate, selector));
        }

        if (filed.Count == 0)
        {
            return;
        }

        foreach (var template in PodContainers.Complete(context))
        {
            var containers = PodContainers.All(template).Where(c => c.IsLongRunning).ToList();
            if (containers.Count == 0 || containers.Any(c => c.Node.ContainsKey("readinessProbe")))
            {
                continue;
            }

            // Name the Service from the workload's own file when there is one, as that is the one its author meant.
            var service = template.Labels
                .SelectMany(label => filed.TryGetValue((template.Namespace, label.Key, label.Value), out var list) ? list : [])
                .Where(s => s.Selector.Matches(template.Labels))
                .OrderBy(s => s.Service.File.Path == template.Owner.File.Path ? 0 : 1)
                .ThenBy(s => s.Position)
                .Select(s => s.Service)
                .FirstOrDefault();
            if (service is null)
            {
                continue;
            }

            var first = containers.Find(c => c.Kind == ContainerKind.App) ?? containers[0];
            context.Report(
                Definition,
                template.Owner,
                first.Anchor,
                $"Service \"{service.Name}\" routes traffic to this pod, but no container has a readinessProbe; {first.Describe()} receives traffic as soon as it starts.");
        }
    }
}
