using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Workloads;

/// <summary>KL4001: a rolling update whose maxSurge and maxUnavailable both come to zero.</summary>
public sealed class RollingUpdateZeroZeroRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.RollingUpdateZeroZero,
        "rolling-update-zero-zero",
        Severity.Error,
        Categories.Workloads,
        "maxSurge and maxUnavailable must not both be zero.",
        "A rolling update with neither a surge pod nor an unavailable pod cannot make progress. The API server rejects "
        + "literal zeros for both (\"may not be 0 when `maxSurge` is 0\") on Deployments and DaemonSets. Percentages are "
        + "scaled against the Deployment's replicas, maxSurge rounding up and maxUnavailable rounding down; when both "
        + "come to 0 the controller silently uses maxUnavailable 1, taking a pod down before its replacement is ready. "
        + "DaemonSet percentages both round up, so only literal zeros are a problem there.",
        "Allow at least one surge pod (maxSurge: 1) or one unavailable pod.")
    {
        Examples = new(
            bad: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  strategy:
                    rollingUpdate: {maxSurge: 0, maxUnavailable: 0}
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
                """,
            good: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  strategy:
                    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
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
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var obj in context.Objects)
        {
            if (obj.Is("apps", "Deployment"))
            {
                CheckDeployment(context, obj);
            }
            else if (obj.Is("apps", "DaemonSet"))
            {
                CheckDaemonSet(context, obj);
            }
        }
    }

    private static void CheckDeployment(AnalysisContext context, KubeObject obj)
    {
        var strategy = obj.Spec?.GetMapping("strategy");
        var rollingUpdate = strategy?.GetMapping("rollingUpdate");
        if (rollingUpdate is null || (strategy!.GetString("type") ?? "RollingUpdate") != "RollingUpdate")
        {
            return;
        }

        var surgeNode = rollingUpdate["maxSurge"];
        var unavailableNode = rollingUpdate["maxUnavailable"];
        var surge = surgeNode is null or YamlScalar { IsNull: true } ? new IntOrPercent(25, IsPercent: true) : RolloutValues.Read(surgeNode);
        var unavailable = unavailableNode is null or YamlScalar { IsNull: true } ? new IntOrPercent(25, IsPercent: true) : RolloutValues.Read(unavailableNode);
        if (surge is not { Value: >= 0 } s || unavailable is not { Value: >= 0 } u)
        {
            return;
        }

        var at = unavailableNode ?? surgeNode!;
        if (RolloutValues.IsZero(surge) && RolloutValues.IsZero(unavailable))
        {
            context.Report(Definition, obj, at, $"spec.strategy.rollingUpdate.maxUnavailable: Invalid value: {u}: may not be 0 when `maxSurge` is 0");
            return;
        }

        var replicas = PodContainers.Int(obj.Spec, "replicas") ?? 1;
        if (replicas is <= 0 or > int.MaxValue)
        {
            return;
        }

        var total = (int)replicas;
        if (s.Scale(total, roundUp: true) == 0 && u.Scale(total, roundUp: false) == 0)
        {
            context.Report(
                Definition,
                obj,
                at,
                $"With {total} replica(s), maxSurge {s} rounds up to 0 and maxUnavailable {u} rounds down to 0; the controller then uses maxUnavailable 1 and takes a pod down before its replacement is ready.");
        }
    }

    private static void CheckDaemonSet(AnalysisContext context, KubeObject obj)
    {
        var strategy = obj.Spec?.GetMapping("updateStrategy");
        var rollingUpdate = strategy?.GetMapping("rollingUpdate");
        if (rollingUpdate is null || (strategy!.GetString("type") ?? "RollingUpdate") != "RollingUpdate")
        {
            return;
        }

        // DaemonSet defaults: maxUnavailable 1, maxSurge 0.
        var surgeNode = rollingUpdate["maxSurge"];
        var unavailableNode = rollingUpdate["maxUnavailable"];
        var surge = surgeNode is null or YamlScalar { IsNull: true } ? new IntOrPercent(0, IsPercent: false) : RolloutValues.Read(surgeNode);
        var unavailable = unavailableNode is null or YamlScalar { IsNull: true } ? new IntOrPercent(1, IsPercent: false) : RolloutValues.Read(unavailableNode);
        if (RolloutValues.IsZero(surge) && RolloutValues.IsZero(unavailable))
        {
            context.Report(
                Definition,
                obj,
                unavailableNode ?? surgeNode!,
                $"spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: {unavailable}: may not be 0 when `maxSurge` is 0");
        }
    }
}
