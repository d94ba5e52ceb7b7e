using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Probes;

/// <summary>KL3002: a long-running container without a liveness probe (off by default: restarts on deadlock are a choice).</summary>
public sealed class MissingLivenessProbeRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.MissingLivenessProbe,
        "missing-liveness-probe",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Long-running containers may need a liveness probe.",
        "Without a livenessProbe the kubelet restarts a container only when its process exits; a hung process stays up. "
        + "Jobs and CronJobs are not checked, as their containers are meant to exit. Off by default: a badly tuned liveness "
        + "probe does more harm than none, so this is a reminder rather than a defect.",
        "Add a livenessProbe that fails only when the process cannot recover on its own.",
        enabledByDefault: false)
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
            if (template.Owner.Group == "batch" || template.Spec.GetString("restartPolicy") is "Never" or "OnFailure")
            {
                continue;
            }

            foreach (var container in PodContainers.All(template))
            {
                if (container.Kind == ContainerKind.App && !container.Node.ContainsKey("livenessProbe"))
                {
                    context.Report(Definition, template.Owner, container.Anchor, $"{container.Describe()} has no livenessProbe.");
                }
            }
        }
    }
}
