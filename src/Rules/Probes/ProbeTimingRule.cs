using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Probes;

/// <summary>KL3005: probe timings that cannot work as intended.</summary>
public sealed class ProbeTimingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.ProbeTiming,
        "probe-timing",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Probe timings should be consistent.",
        "Checks, with the API defaults (timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3, "
        + "initialDelaySeconds 0): a timeoutSeconds not below periodSeconds, so probes run back to back; a "
        + "successThreshold other than 1 on a liveness or startup probe, which the API server rejects (must be 1); and, "
        + "without a startupProbe, a liveness probe that kills the container (initialDelaySeconds + failureThreshold × "
        + "periodSeconds) before the readiness probe even starts checking, i.e. before a slow start can complete.",
        "Keep timeoutSeconds below periodSeconds, set successThreshold to 1 on liveness and startup probes, and add a "
        + "startupProbe for slow-starting containers instead of a liveness probe that must wait them out.")
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
                        periodSeconds: 5
                        timeoutSeconds: 10
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
                        periodSeconds: 5
                        timeoutSeconds: 2
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
                foreach (var key in ProbeKeys)
                {
                    if (container.Node.GetMapping(key) is { } probe)
                    {
                        CheckProbe(context, template.Owner, container, key, probe);
                    }
                }

                CheckSlowStart(context, template.Owner, container);
            }
        }
    }

    private static void CheckProbe(AnalysisContext context, KubeObject owner, PodContainer container, string key, YamlMapping probe)
    {
        var timeout = PodContainers.Int(probe, "timeoutSeconds") ?? 1;
        var period = PodContainers.Int(probe, "periodSeconds") ?? 10;
        if (timeout >= period && timeout > 0 && period > 0)
        {
            var node = probe.GetScalar("timeoutSeconds") ?? (YamlNode)probe.GetScalar("periodSeconds")!;
            context.Report(
                Definition,
                owner,
                node,
                $"The {key} of {container.Describe()} has timeoutSeconds {timeout}, not less than periodSeconds {period}: each probe can take the whole period.");
        }

        if (key != "readinessProbe" && probe.GetScalar("successThreshold") is { } success
            && success.TryGetInt64(out var threshold) && threshold != 1)
        {
            context.Report(
                Definition,
                owner,
                success,
                $"{key}.successThreshold: Invalid value: {threshold}: must be 1 (liveness and startup probes succeed on the first success).");
        }
    }

    private static void CheckSlowStart(AnalysisContext context, KubeObject owner, PodContainer container)
    {
        var liveness = container.Node.GetMapping("livenessProbe");
        var readiness = container.Node.GetMapping("readinessProbe");
        if (liveness is null || readiness is null || container.Node.ContainsKey("startupProbe"))
        {
            return;
        }

        var readinessDelay = PodContainers.Int(readiness, "initialDelaySeconds") ?? 0;
        var livenessDelay = PodContainers.Int(liveness, "initialDelaySeconds") ?? 0;
        var killAfter = livenessDelay + ((PodContainers.Int(liveness, "failureThreshold") ?? 3) * (PodContainers.Int(liveness, "periodSeconds") ?? 10));
        if (readinessDelay > killAfter)
        {
            var node = liveness.GetScalar("initialDelaySeconds") ?? PodContainers.KeyOf(container.Node, "livenessProbe")!;
            context.Report(
                Definition,
                owner,
                node,
                $"The livenessProbe of {container.Describe()} can restart it after {killAfter}s, before its readinessProbe starts at {readinessDelay}s: a slow start never completes. Add a startupProbe.");
        }
    }
}
