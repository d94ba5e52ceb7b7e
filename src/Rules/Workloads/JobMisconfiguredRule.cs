using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Workloads;

/// <summary>KL4006: Job and CronJob settings the API server rejects or that defeat the schedule.</summary>
public sealed class JobMisconfiguredRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.JobMisconfigured,
        "job-misconfigured",
        Severity.Error,
        Categories.Workloads,
        "Jobs and CronJobs must be configured consistently.",
        "Checks Jobs and CronJob job templates: the pod restartPolicy must be Never or OnFailure (unset means Always, "
        + "which is rejected); completionMode Indexed needs completions; backoffLimit, completions, parallelism and "
        + "ttlSecondsAfterFinished must not be negative; a selector needs manualSelector: true; concurrencyPolicy is "
        + "Allow, Forbid or Replace; history limits must not be negative; and a startingDeadlineSeconds under 10 can "
        + "make the CronJob controller, which checks schedules every 10 seconds, miss runs.",
        "Set restartPolicy: Never or OnFailure and fix the field the message names.")
    {
        Examples = new(
            bad: """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  template:
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: migrate
                          image: example/migrate:2.0.1
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: migrate
                          image: example/migrate:2.0.1
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """),
    };

    private static readonly string[] NonNegativeJobFields = ["backoffLimit", "completions", "parallelism", "ttlSecondsAfterFinished"];

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var obj in context.Objects)
        {
            if (obj.Is("batch", "Job") && obj.Spec is { } jobSpec)
            {
                CheckJobSpec(context, obj, jobSpec, "spec");
            }
            else if (obj.Is("batch", "CronJob") && obj.Spec is { } cronSpec)
            {
                CheckCronJob(context, obj, cronSpec);
                if (cronSpec.GetPath("jobTemplate", "spec") is YamlMapping templateSpec)
                {
                    CheckJobSpec(context, obj, templateSpec, "spec.jobTemplate.spec");
                }
            }
        }
    }

    private static void CheckJobSpec(AnalysisContext context, KubeObject obj, YamlMapping spec, string path)
    {
        if (spec.GetMapping("template") is { } template && template.GetEntry("spec") is { Value: YamlMapping podSpec } podSpecEntry)
        {
            var restartPolicy = podSpec.GetScalar("restartPolicy");
            if (restartPolicy is null || restartPolicy.IsNull)
            {
                context.Report(
                    Definition,
                    obj,
                    podSpecEntry.Key,
                    $"{path}.template.spec.restartPolicy is not set and defaults to Always, which Jobs reject: supported values: \"OnFailure\", \"Never\"");
            }
            else if (restartPolicy.Value is not ("OnFailure" or "Never"))
            {
                context.Report(
                    Definition,
                    obj,
                    restartPolicy,
                    $"{path}.template.spec.restartPolicy: Unsupported value: \"{restartPolicy.Value}\": supported values: \"OnFailure\", \"Never\"");
            }
        }

        if (spec.GetScalar("completionMode") is { Value: "Indexed" } mode && spec["completions"] is null or YamlScalar { IsNull: true })
        {
            context.Report(Definition, obj, mode, $"{path}.completions: Required value: when completionMode is Indexed");
        }

        foreach (var field in NonNegativeJobFields)
        {
            ReportNegative(context, obj, spec, field, path);
        }

        if (spec.GetEntry("selector") is { Value: YamlMapping } selector && PodContainers.Bool(spec, "manualSelector") != true)
        {
            context.Report(Definition, obj, selector.Key, $"{path}.selector: Invalid value: `selector` will be auto-generated (set manualSelector: true to choose it)");
        }
    }

    private static void CheckCronJob(AnalysisContext context, KubeObject obj, YamlMapping spec)
    {
        if (spec.GetScalar("concurrencyPolicy") is { IsNull: false } policy && policy.Value is not ("Allow" or "Forbid" or "Replace"))
        {
            context.Report(
                Definition,
                obj,
                policy,
                $"spec.concurrencyPolicy: Unsupported value: \"{policy.Value}\": supported values: \"Allow\", \"Forbid\", \"Replace\"");
        }

        ReportNegative(context, obj, spec, "successfulJobsHistoryLimit", "spec");
        ReportNegative(context, obj, spec, "failedJobsHistoryLimit", "spec");
        if (spec.GetScalar("startingDeadlineSeconds") is { } deadline && deadline.TryGetInt64(out var seconds))
        {
            if (seconds < 0)
            {
                ReportNegative(context, obj, spec, "startingDeadlineSeconds", "spec");
            }
            else if (seconds < 10)
            {
                context.Report(
                    Definition,
                    obj,
                    deadline,
                    $"spec.startingDeadlineSeconds is {seconds}: the CronJob controller checks schedules every 10 seconds, so runs can be missed; use at least 10.");
            }
        }
    }

    private static void ReportNegative(AnalysisContext context, KubeObject obj, YamlMapping spec, string field, string path)
    {
        if (spec.GetScalar(field) is { } scalar && scalar.TryGetInt64(out var value) && value < 0)
        {
            context.Report(Definition, obj, scalar, $"{path}.{field}: Invalid value: {value}: must be greater than or equal to 0");
        }
    }
}
