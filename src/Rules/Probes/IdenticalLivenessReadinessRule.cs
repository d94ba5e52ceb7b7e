using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Probes;

/// <summary>KL3003: liveness and readiness probes that are the same probe.</summary>
public sealed class IdenticalLivenessReadinessRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.IdenticalLivenessReadiness,
        "identical-liveness-readiness",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Liveness and readiness probes should differ.",
        "When the liveness probe is identical to the readiness probe, a container that is merely busy or waiting on a "
        + "dependency fails both at once: instead of only being taken out of the Service until it recovers, it is "
        + "restarted, which under load cascades into restarts across all replicas.",
        "Make the liveness probe check only that the process is alive (a cheaper endpoint, a higher failureThreshold), "
        + "and keep dependency checks in the readiness probe.")
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
                        httpGet: {path: /readyz, port: http}
                      livenessProbe:
                        httpGet: {path: /readyz, port: http}
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
                      livenessProbe:
                        httpGet: {path: /livez, port: http}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var container in PodContainers.All(template).Where(c => c.IsLongRunning))
            {
                var liveness = container.Node.GetEntry("livenessProbe");
                var readiness = container.Node["readinessProbe"];
                if (liveness is not null && readiness is not null && YamlEquality.AreEqual(liveness.Value, readiness))
                {
                    context.Report(
                        Definition,
                        template.Owner,
                        liveness.Key,
                        $"The livenessProbe of {container.Describe()} is identical to its readinessProbe: a container that is only busy gets restarted instead of taken out of rotation.");
                }
            }
        }
    }
}
