using KubeLint.Analyzer.Schema;

namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// <c>ValidateCronJobCreate</c>, <c>validateCronJobSpec</c> and <c>ValidateJobTemplateSpec</c>
/// (pkg/apis/batch/validation/validation.go) after <c>SetDefaults_CronJob</c>. The schedule's syntax and time zone
/// are KL4003's and KL4004's; concurrencyPolicy, the history limits, startingDeadlineSeconds and the job template's
/// selector are KL4006's.
/// </summary>
public sealed class CronJobValidation : ObjectValidation
{
    /// <summary>A CronJob's name leaves room for the 11 characters its Jobs append (DNS1035LabelMaxLength - 11).</summary>
    private const int MaxNameLength = 52;

    public override string Area => ValidationAreas.Workloads;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("batch", "CronJob")];

    public override void Default(ObjectView view)
    {
        var spec = view.Root.Child("spec");
        if (spec.Mapping is null)
        {
            return;
        }

        view.Default(spec, "concurrencyPolicy", "Allow");
        view.Default(spec, "suspend", false);
        view.Default(spec, "successfulJobsHistoryLimit", 3);
        view.Default(spec, "failedJobsHistoryLimit", 1);
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var schedule = spec.Child("schedule");
        if (schedule.IsString && schedule.String!.Length == 0)
        {
            context.Required(schedule);
        }

        JobValidation.ValidateSpec(context, spec.Child("jobTemplate", "spec"), jobDefaults: false);
        var name = context.Root.Child("metadata", "name");
        if (name.String is { Length: > MaxNameLength } text)
        {
            context.Report(name, FieldErrorType.Invalid, text, $"must be no more than {MaxNameLength} characters", rule: SchemaRules.InvalidName);
        }
    }
}
