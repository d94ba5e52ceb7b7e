using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Workloads;

/// <summary>KL4002: Deployment, StatefulSet and DaemonSet update strategies the API server rejects or that cannot roll out.</summary>
public sealed class InvalidStrategyRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.InvalidStrategy,
        "invalid-strategy",
        Severity.Error,
        Categories.Workloads,
        "Update strategies must be valid.",
        "Checks what the API server's validation checks on update strategies: the strategy type (Deployment: "
        + "RollingUpdate or Recreate; StatefulSet and DaemonSet: RollingUpdate or OnDelete), rollingUpdate set for a "
        + "non-rolling type, maxSurge and maxUnavailable as non-negative integers or percent strings with maxUnavailable "
        + "at most 100%, and progressDeadlineSeconds above minReadySeconds. It also flags a StatefulSet partition above "
        + "the replica count, which the API server accepts but which keeps every pod on the old revision.",
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
                    CheckStrategy(context, obj, spec.GetMapping("strategy"), "spec.strategy", "Recreate", "RollingUpdate");
                    CheckProgressDeadline(context, obj, spec);
                    break;
                case "DaemonSet":
                    CheckStrategy(context, obj, spec.GetMapping("updateStrategy"), "spec.updateStrategy", "OnDelete", "RollingUpdate");
                    break;
                case "StatefulSet":
                    CheckStrategy(context, obj, spec.GetMapping("updateStrategy"), "spec.updateStrategy", "OnDelete", "RollingUpdate");
                    CheckPartition(context, obj, spec);
                    break;
            }
        }
    }

    private static void CheckStrategy(AnalysisContext context, KubeObject obj, YamlMapping? strategy, string path, string other, string rolling)
    {
        if (strategy is null)
        {
            return;
        }

        var typeNode = strategy.GetScalar("type");
        var type = typeNode is { IsNull: false } ? typeNode.Value : rolling;
        if (type != rolling && type != other)
        {
            context.Report(Definition, obj, typeNode!, $"{path}.type: Unsupported value: \"{type}\": supported values: \"{other}\", \"{rolling}\"");
            return;
        }

        var rollingEntry = strategy.GetEntry("rollingUpdate");
        if (rollingEntry is null || rollingEntry.Value is YamlScalar { IsNull: true })
        {
            return;
        }

        if (type != rolling)
        {
            var message = obj.Kind == "Deployment"
                ? $"{path}.rollingUpdate: Forbidden: may not be specified when strategy `type` is '{type}'"
                : $"{path}.rollingUpdate: Invalid value: only allowed for updateStrategy '{rolling}'";
            context.Report(Definition, obj, rollingEntry.Key, message);
            return;
        }

        if (rollingEntry.Value is not YamlMapping rollingUpdate)
        {
            return;
        }

        foreach (var field in new[] { "maxSurge", "maxUnavailable" })
        {
            if (rollingUpdate[field] is { } node && RolloutValues.Validate(node, limitTo100Percent: field == "maxUnavailable") is { } problem)
            {
                context.Report(Definition, obj, node, $"{path}.rollingUpdate.{field}: {problem}");
            }
        }
    }

    private static void CheckProgressDeadline(AnalysisContext context, KubeObject obj, YamlMapping spec)
    {
        var deadline = spec.GetScalar("progressDeadlineSeconds");
        var minReady = PodContainers.Int(spec, "minReadySeconds") ?? 0;
        if (deadline is not null && deadline.TryGetInt64(out var seconds) && seconds <= minReady)
        {
            context.Report(
                Definition,
                obj,
                deadline,
                $"spec.progressDeadlineSeconds: Invalid value: {seconds}: must be greater than minReadySeconds ({minReady})");
        }
    }

    private static void CheckPartition(AnalysisContext context, KubeObject obj, YamlMapping spec)
    {
        var partition = spec.GetPath("updateStrategy", "rollingUpdate", "partition") as YamlScalar;
        if (partition is null || !partition.TryGetInt64(out var value))
        {
            return;
        }

        var replicas = PodContainers.Int(spec, "replicas") ?? 1;
        if (value < 0)
        {
            context.Report(Definition, obj, partition, $"spec.updateStrategy.rollingUpdate.partition: Invalid value: {value}: must be greater than or equal to 0");
        }
        else if (value > replicas)
        {
            context.Report(
                Definition,
                obj,
                partition,
                $"partition {value} is above the {replicas} replica(s): only pods with an ordinal at or above the partition are updated, so no pod ever gets a new template.");
        }
    }
}
