using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2006: a HorizontalPodAutoscaler whose scaleTargetRef names an object the input does not define.</summary>
public sealed class HpaTargetMissingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.HpaTargetMissing,
        "hpa-target-missing",
        Severity.Warning,
        Workloads.Category,
        "A HorizontalPodAutoscaler targets an object that is not in the input.",
        "The autoscaler scales the object named by spec.scaleTargetRef; when it does not exist the autoscaler reports "
            + "FailedGetScale and scales nothing. Only checked when the input defines objects of the target's kind in "
            + "that namespace, so a target deployed from elsewhere is not reported.",
        "Correct scaleTargetRef (kind, name and apiVersion) to the workload to scale.")
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
                            requests: {cpu: 100m, memory: 128Mi}
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
                    name: wbe
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
                            requests: {cpu: 100m, memory: 128Mi}
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

            var (kind, name) = (target.Kind, target.Name.Value);
            var workloads = WorkloadIndex.Of(context.Index);
            if (workloads.Near(kind, hpa).Any() && !workloads.IsNamedNear(kind, name, hpa) && !context.HoldsBack(Definition, hpa))
            {
                context.Report(Definition, hpa, target.Name, $"scaleTargetRef {kind} \"{name}\" is not defined in {(hpa.Namespace is null ? "the input" : "namespace " + hpa.Namespace)}, which defines {Workloads.Describe(workloads.Near(kind, hpa))}");
            }
        }
    }
}
