using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Workloads;

/// <summary>
/// KL4001: a rolling update whose maxSurge and maxUnavailable are both zero as written, which the API server rejects
/// (<c>ValidateRollingUpdateDeployment</c>, <c>ValidateRollingUpdateDaemonSet</c> in pkg/apis/apps/validation).
/// </summary>
public sealed class RollingUpdateZeroZeroRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.RollingUpdateZeroZero,
        "rolling-update-zero-zero",
        Severity.Error,
        Categories.Workloads,
        "maxSurge and maxUnavailable must not both be zero.",
        "A rolling update with neither a surge pod nor an unavailable pod cannot make progress, and the API server "
        + "rejects a Deployment or DaemonSet whose maxSurge and maxUnavailable are both zero as written (0 or \"0%\"; "
        + "the defaults are 25%/25% for Deployments and 0/1 for DaemonSets). Percentages that only round to zero for "
        + "the replica count are accepted: the controller then uses maxUnavailable 1.",
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
                Check(context, obj, "strategy", surgeDefault: 25, unavailableDefault: 25, deployment: true);
            }
            else if (obj.Is("apps", "DaemonSet"))
            {
                Check(context, obj, "updateStrategy", surgeDefault: 0, unavailableDefault: 1, deployment: false);
            }
        }
    }

    private static void Check(AnalysisContext context, KubeObject obj, string strategyKey, int surgeDefault, int unavailableDefault, bool deployment)
    {
        var strategy = obj.Spec?.GetMapping(strategyKey);
        var rollingUpdate = strategy?.GetMapping("rollingUpdate");
        if (rollingUpdate is null || (strategy!.GetString("type") ?? "RollingUpdate") != "RollingUpdate")
        {
            return;
        }

        var surgeNode = rollingUpdate["maxSurge"];
        var unavailableNode = rollingUpdate["maxUnavailable"];
        if (RolloutValues.Value(surgeNode, surgeDefault) != 0 || RolloutValues.Value(unavailableNode, unavailableDefault) != 0)
        {
            return;
        }

        var at = unavailableNode ?? surgeNode ?? (YamlNode)rollingUpdate;
        var path = $"spec.{strategyKey}.rollingUpdate.maxUnavailable";
        var message = deployment
            ? $"{path}: Invalid value: {RolloutValues.Render(unavailableNode, "25%")}: may not be 0 when `maxSurge` is 0"
            : $"{path}: Required value: cannot be 0 when maxSurge is 0";
        context.Report(Definition, obj, at, message);
    }
}
