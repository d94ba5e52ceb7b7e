using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2002: a Service whose selector matches no pod template of the input has no endpoints.</summary>
public sealed class ServiceSelectsNothingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.ServiceSelectsNothing,
        "service-selects-nothing",
        Severity.Warning,
        Workloads.Category,
        "A Service selector matches no pod template in the input.",
        "A Service routes traffic to the pods its selector selects. When no workload of the input has pods with all "
            + "the selector's labels, the Service has no endpoints and every connection fails. Services without a "
            + "selector (endpoints managed by hand) and ExternalName Services are not checked, nor are namespaces where "
            + "the input runs no pods or defines custom resources (whose operators may create the selected pods).",
        "Fix the selector or the pod template labels so that they agree, or add the missing workload to the input.")
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
                    app: wbe
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
        foreach (var service in context.Index.OfKind("Service"))
        {
            if (context.InputIncomplete
                || ServiceSelector.Read(service) is not { } selector
                || !Workloads.HasPodsInNamespace(context.Index, service)
                || Workloads.HasCustomResourcesNear(context.Index, service)
                || Workloads.Selected(context.Index, service, selector).Any())
            {
                continue;
            }

            var where = service.Namespace is null ? "the input" : $"namespace {service.Namespace}";
            context.Report(Definition, service, selector.Node, $"selector {selector} matches no pod template in {where}");
        }
    }
}
