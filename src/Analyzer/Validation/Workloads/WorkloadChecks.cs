using KubeLint.Analyzer.Validation.Metadata;
using KubeLint.Analyzer.Validation.Pods;

namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// The checks the workload validations of pkg/apis/apps/validation, pkg/apis/batch/validation and core's
/// ReplicationController validation share. What dedicated rules report is left to them, once: the selector against
/// the template labels and an empty selector (KL2001), update strategies (KL4001, KL4002), cron schedules and time
/// zones (KL4003, KL4004), and the Job settings of KL4006.
/// </summary>
internal static class WorkloadChecks
{
    /// <summary><c>ValidateNonnegativeField</c> of an int32 field, which decoding truncates (2147483648 reads as -2147483648).</summary>
    public static void NonNegative(ValidationContext context, Field field)
    {
        if (field.Integer is not null && GoRender.Int32(field) is var value && value < 0)
        {
            context.Invalid(field, value, "must be greater than or equal to 0");
        }
    }

    /// <summary><c>ValidateNonnegativeField</c> of an int64 field.</summary>
    public static void NonNegative64(ValidationContext context, Field field)
    {
        if (field.Integer is < 0 and var value)
        {
            context.Invalid(field, value, "must be greater than or equal to 0");
        }
    }

    /// <summary>
    /// The spec.selector checks of Deployments, ReplicaSets and StatefulSets: required, <c>ValidateLabelSelector</c>,
    /// and (with <paramref name="invalidDetail"/>) the error of a selector that does not convert.
    /// </summary>
    public static void Selector(ValidationContext context, Field spec, string? invalidDetail)
    {
        var selector = spec.Child("selector");
        if (!selector.IsSet)
        {
            context.Required(selector);
            return;
        }

        LabelSelectorValidation.Validate(context, selector);
        if (invalidDetail is not null && !LabelSelectorValidation.IsValidSelector(selector))
        {
            context.Invalid(selector, GoValue.Raw(GoRender.LabelSelector(selector)), invalidDetail);
        }
    }

    /// <summary>
    /// What a controller that keeps its pods running demands of its template (ValidatePodTemplateSpecForReplicaSet,
    /// ValidatePodTemplateSpecForRC, ValidateDaemonSetSpec, ValidateStatefulSetSpec): restartPolicy Always and no
    /// activeDeadlineSeconds. <paramref name="controller"/> names the kind in the message as upstream does (a
    /// Deployment's message says ReplicaSet).
    /// </summary>
    public static void RestartAlways(ValidationContext context, Field template, string controller)
    {
        var spec = template.Child("spec");
        var restartPolicy = PodSpecValidation.RestartPolicy(spec);
        if (restartPolicy != "Always")
        {
            context.NotSupported(spec.Child("restartPolicy"), restartPolicy, ["Always"]);
        }

        var deadline = spec.Child("activeDeadlineSeconds");
        if (deadline.IsSet)
        {
            context.Forbidden(deadline, $"activeDeadlineSeconds in {controller} is not Supported");
        }
    }
}
