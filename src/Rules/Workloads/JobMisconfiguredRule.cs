using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Workloads;

/// <summary>
/// KL4006: Job and CronJob settings the API server rejects (pkg/apis/batch/validation, <c>validateJobSpec</c>,
/// <c>validateGeneratedSelector</c>, <c>validateCronJobSpec</c>, <c>ValidateJobTemplateSpec</c>), after
/// <c>SetDefaults_Job</c> for Jobs (a CronJob's job template is not defaulted that way).
/// </summary>
public sealed class JobMisconfiguredRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.JobMisconfigured,
        "job-misconfigured",
        Severity.Error,
        Categories.Workloads,
        "Jobs and CronJobs must be configured consistently.",
        "Checks Jobs and CronJob job templates as the API server does: the pod restartPolicy must be Never or OnFailure "
        + "(unset means Always, which is rejected); completionMode Indexed needs completions (a Job without completions "
        + "and parallelism defaults completions to 1; a CronJob's job template does not); backoffLimit, completions, "
        + "parallelism and ttlSecondsAfterFinished must not be negative; a Job's selector needs manualSelector: true, "
        + "and a CronJob's job template may set neither (both are generated). CronJobs: concurrencyPolicy is Allow, "
        + "Forbid or Replace; history limits and startingDeadlineSeconds must not be negative (0 is accepted).",
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
                CheckJobSpec(context, obj, jobSpec, "spec", isJob: true);
            }
            else if (obj.Is("batch", "CronJob") && obj.Spec is { } cronSpec)
            {
                CheckCronJob(context, obj, cronSpec);
                if (cronSpec.GetPath("jobTemplate", "spec") is YamlMapping templateSpec)
                {
                    CheckJobSpec(context, obj, templateSpec, "spec.jobTemplate.spec", isJob: false);
                }
            }
        }
    }

    private static void CheckJobSpec(AnalysisContext context, KubeObject obj, YamlMapping spec, string path, bool isJob)
    {
        if (spec.GetMapping("template") is { } template && template.GetEntry("spec") is { Value: YamlMapping podSpec } podSpecEntry)
        {
            var restartPolicy = podSpec.GetScalar("restartPolicy");
            var policy = restartPolicy is null || restartPolicy.IsNull ? string.Empty : restartPolicy.Value;
            if (policy is "" or "Always")
            {
                context.Report(
                    Definition,
                    obj,
                    policy.Length == 0 ? podSpecEntry.Key : restartPolicy!,
                    $"{path}.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
            }
            else if (policy is not ("OnFailure" or "Never"))
            {
                context.Report(
                    Definition,
                    obj,
                    restartPolicy!,
                    $"{path}.template.spec.restartPolicy: Unsupported value: {GoValue.Quote(policy)}: supported values: \"OnFailure\", \"Never\"");
            }
        }

        // SetDefaults_Job sets completions (and parallelism) to 1 when neither is set, for Jobs only.
        if (spec.GetScalar("completionMode") is { Value: "Indexed" } mode && IsAbsent(spec["completions"]) && !(isJob && IsAbsent(spec["parallelism"])))
        {
            context.Report(Definition, obj, mode, $"{path}.completions: Required value: when completion mode is Indexed");
        }

        foreach (var field in NonNegativeJobFields)
        {
            ReportNegative(context, obj, spec, field, path);
        }

        var manualSelector = PodContainers.Bool(spec, "manualSelector");
        if (spec.GetEntry("selector") is { Value: YamlMapping } selector)
        {
            if (!isJob)
            {
                context.Report(Definition, obj, selector.Key, $"{path}.selector: Invalid value: {SelectorText(selector.Value)}: `selector` will be auto-generated");
            }
            else if (manualSelector != true)
            {
                // The server prints the selector with the generated controller-uid label, which exists only once created.
                context.Report(Definition, obj, selector.Key, $"{path}.selector: Invalid value: {SelectorText(selector.Value)}: `selector` not auto-generated");
            }
        }

        if (!isJob && manualSelector == true)
        {
            context.Report(Definition, obj, spec["manualSelector"]!, $"{path}.manualSelector: Unsupported value: true: supported values: \"nil\", \"false\"");
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
                $"spec.concurrencyPolicy: Unsupported value: {GoValue.Quote(policy.Value)}: supported values: \"Allow\", \"Forbid\", \"Replace\"");
        }

        ReportNegative(context, obj, spec, "successfulJobsHistoryLimit", "spec");
        ReportNegative(context, obj, spec, "failedJobsHistoryLimit", "spec");
        ReportNegative(context, obj, spec, "startingDeadlineSeconds", "spec");
    }

    private static bool IsAbsent(YamlNode? node) => node is null or YamlScalar { IsNull: true };

    /// <summary>The selector as written; the generated controller-uid requirement of a Job is left out.</summary>
    private static string SelectorText(YamlNode selector) => GoRender.LabelSelector(selector as YamlMapping);

    private static void ReportNegative(AnalysisContext context, KubeObject obj, YamlMapping spec, string field, string path)
    {
        if (spec.GetScalar(field) is { } scalar && scalar.TryGetInt64(out var value) && value < 0)
        {
            context.Report(Definition, obj, scalar, $"{path}.{field}: Invalid value: {value}: must be greater than or equal to 0");
        }
    }
}
