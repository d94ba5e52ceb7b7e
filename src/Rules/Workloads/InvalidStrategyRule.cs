using System.Globalization;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Workloads;

/// <summary>
/// KL4002: Deployment, StatefulSet and DaemonSet update strategies the API server rejects
/// (<c>ValidateDeploymentStrategy</c>, <c>ValidateDaemonSetUpdateStrategy</c>, the update strategy part of
/// <c>ValidateStatefulSetSpec</c> and progressDeadlineSeconds of <c>ValidateDeploymentSpec</c>, pkg/apis/apps/validation),
/// after the apps/v1 defaults. Both-zero rolling updates are KL4001's.
/// </summary>
public sealed class InvalidStrategyRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.InvalidStrategy,
        "invalid-strategy",
        Severity.Error,
        Categories.Workloads,
        "Update strategies must be valid.",
        "Checks what the API server's validation checks on update strategies: the strategy type (Deployment: "
        + "RollingUpdate or Recreate; StatefulSet and DaemonSet: RollingUpdate or OnDelete), a Deployment's rollingUpdate "
        + "with type Recreate and a StatefulSet's with type OnDelete (a DaemonSet's is ignored), maxSurge and "
        + "maxUnavailable as non-negative integers or percent strings (maxUnavailable at most 100%, for DaemonSets "
        + "maxSurge too, and a DaemonSet may not set both), a non-negative StatefulSet partition (one above the replica "
        + "count is accepted: it pauses the rollout), and progressDeadlineSeconds (600 unless set) above minReadySeconds.",
        "Use a supported strategy type and valid rollingUpdate values.")
    {
        Examples = new(
            bad: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  minReadySeconds: 30
                  progressDeadlineSeconds: 10
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
                  minReadySeconds: 30
                  progressDeadlineSeconds: 600
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
            if (obj.Group != "apps" || obj.Spec is not { } spec)
            {
                continue;
            }

            switch (obj.Kind)
            {
                case "Deployment":
                    CheckDeployment(context, obj, spec);
                    CheckProgressDeadline(context, obj, spec);
                    break;
                case "DaemonSet":
                    CheckDaemonSet(context, obj, spec);
                    break;
                case "StatefulSet":
                    CheckStatefulSet(context, obj, spec);
                    break;
            }
        }
    }

    private static void CheckDeployment(AnalysisContext context, KubeObject obj, YamlMapping spec)
    {
        if (spec.GetMapping("strategy") is not { } strategy)
        {
            return;
        }

        var rollingEntry = RollingUpdate(strategy);
        switch (TypeOf(strategy))
        {
            case "Recreate":
                if (rollingEntry is not null)
                {
                    context.Report(Definition, obj, rollingEntry.Key, "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'");
                }

                break;
            case "RollingUpdate":
                if (rollingEntry?.Value is YamlMapping rollingUpdate)
                {
                    CheckValue(context, obj, rollingUpdate, "spec.strategy.rollingUpdate", "maxUnavailable", limitTo100Percent: true);
                    CheckValue(context, obj, rollingUpdate, "spec.strategy.rollingUpdate", "maxSurge", limitTo100Percent: false);
                }

                break;
            case var type:
                context.Report(
                    Definition,
                    obj,
                    strategy["type"]!,
                    $"spec.strategy: Unsupported value: apps.DeploymentStrategy{{Type:{GoValue.Quote(type)}, RollingUpdate:{Pointer("apps.RollingUpdateDeployment", rollingEntry)}}}: supported values: \"Recreate\", \"RollingUpdate\"");
                break;
        }
    }

    private static void CheckDaemonSet(AnalysisContext context, KubeObject obj, YamlMapping spec)
    {
        if (spec.GetMapping("updateStrategy") is not { } strategy)
        {
            return;
        }

        var rollingEntry = RollingUpdate(strategy);
        switch (TypeOf(strategy))
        {
            case "OnDelete":
                // ValidateDaemonSetUpdateStrategy ignores a rollingUpdate block when the type is OnDelete.
                break;
            case "RollingUpdate":
                if (rollingEntry?.Value is not YamlMapping rollingUpdate)
                {
                    break;
                }

                const string Path = "spec.updateStrategy.rollingUpdate";
                CheckValue(context, obj, rollingUpdate, Path, "maxUnavailable", limitTo100Percent: true);
                CheckValue(context, obj, rollingUpdate, Path, "maxSurge", limitTo100Percent: true);
                var surge = rollingUpdate["maxSurge"];
                if (RolloutValues.Value(rollingUpdate["maxUnavailable"], 1) != 0 && RolloutValues.Value(surge, 0) != 0)
                {
                    context.Report(Definition, obj, surge!, $"{Path}.maxSurge: Invalid value: {RolloutValues.Render(surge, string.Empty)}: may not be set when maxUnavailable is non-zero");
                }

                break;
            case var type:
                context.Report(
                    Definition,
                    obj,
                    strategy["type"]!,
                    $"spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{{Type:{GoValue.Quote(type)}, RollingUpdate:{Pointer("apps.RollingUpdateDaemonSet", rollingEntry)}}}: supported values: \"RollingUpdate\", \"OnDelete\"");
                break;
        }
    }

    /// <summary>
    /// A StatefulSet's maxUnavailable is dropped on create while MaxUnavailableStatefulSet is off (every supported
    /// version), so only the type, the OnDelete combination and the partition are checked.
    /// </summary>
    private static void CheckStatefulSet(AnalysisContext context, KubeObject obj, YamlMapping spec)
    {
        if (spec.GetMapping("updateStrategy") is not { } strategy)
        {
            return;
        }

        var rollingEntry = RollingUpdate(strategy);
        var partition = (rollingEntry?.Value as YamlMapping)?.GetScalar("partition");
        switch (TypeOf(strategy))
        {
            case "OnDelete":
                if (rollingEntry is not null)
                {
                    var text = partition is not null && partition.TryGetInt64(out var value) ? unchecked((int)value) : 0;
                    context.Report(
                        Definition,
                        obj,
                        rollingEntry.Key,
                        $"spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{{Partition:{text.ToString(CultureInfo.InvariantCulture)}, MaxUnavailable:(*intstr.IntOrString)(nil)}}: only allowed for updateStrategy 'RollingUpdate'");
                }

                break;
            case "RollingUpdate":
                if (partition is not null && partition.TryGetInt64(out var number) && unchecked((int)number) < 0)
                {
                    context.Report(Definition, obj, partition, $"spec.updateStrategy.rollingUpdate.partition: Invalid value: {unchecked((int)number)}: must be greater than or equal to 0");
                }

                break;
            case var type:
                context.Report(
                    Definition,
                    obj,
                    strategy["type"]!,
                    $"spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{{Type:{GoValue.Quote(type)}, RollingUpdate:{Pointer("apps.RollingUpdateStatefulSetStrategy", rollingEntry)}}}: must be 'RollingUpdate' or 'OnDelete'");
                break;
        }
    }

    /// <summary>progressDeadlineSeconds, defaulted to 600, must exceed minReadySeconds.</summary>
    private static void CheckProgressDeadline(AnalysisContext context, KubeObject obj, YamlMapping spec)
    {
        var deadline = spec.GetScalar("progressDeadlineSeconds");
        var seconds = deadline is { IsNull: false } && deadline.TryGetInt64(out var written) ? unchecked((int)written) : 600;
        var minReady = PodContainers.Int(spec, "minReadySeconds") ?? 0;
        if (seconds <= minReady)
        {
            context.Report(
                Definition,
                obj,
                deadline is { IsNull: false } ? deadline : spec.GetEntry("minReadySeconds")?.Value ?? spec,
                $"spec.progressDeadlineSeconds: Invalid value: {seconds}: must be greater than minReadySeconds");
        }
    }

    private static void CheckValue(AnalysisContext context, KubeObject obj, YamlMapping rollingUpdate, string path, string field, bool limitTo100Percent)
    {
        if (rollingUpdate[field] is { } node and not YamlScalar { IsNull: true })
        {
            foreach (var problem in RolloutValues.Problems(node, limitTo100Percent))
            {
                context.Report(Definition, obj, node, $"{path}.{field}: {problem}");
            }
        }
    }

    /// <summary>The type after defaulting: an absent or empty type is RollingUpdate.</summary>
    private static string TypeOf(YamlMapping strategy) => strategy.GetString("type") is { Length: > 0 } type ? type : "RollingUpdate";

    private static YamlEntry? RollingUpdate(YamlMapping strategy)
        => strategy.GetEntry("rollingUpdate") is { } entry && entry.Value is not YamlScalar { IsNull: true } ? entry : null;

    private static string Pointer(string type, YamlEntry? entry) => entry is null ? $"(*{type})(nil)" : $"(*{type})(...)";
}
