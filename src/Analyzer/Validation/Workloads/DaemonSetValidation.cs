using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// <c>ValidateDaemonSetSpec</c> (pkg/apis/apps/validation/validation.go) after <c>SetDefaults_DaemonSet</c>. The pod
/// template's spec is <see cref="Pods.PodTemplateValidation"/>'s; the update strategy is KL4001's and KL4002's.
/// </summary>
public sealed class DaemonSetValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Workloads;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("apps", "DaemonSet")];

    public override void Default(ObjectView view)
    {
        if (view.Root.Child("spec").Mapping is not null)
        {
            view.Default(view.Root.Child("spec"), "revisionHistoryLimit", 10);
        }
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        LabelSelectorValidation.Validate(context, spec.Child("selector"));
        WorkloadChecks.RestartAlways(context, spec.Child("template"), "DaemonSet");
        WorkloadChecks.NonNegative(context, spec.Child("minReadySeconds"));
        WorkloadChecks.NonNegative64(context, spec.Child("templateGeneration"));
        WorkloadChecks.NonNegative(context, spec.Child("revisionHistoryLimit"));
    }
}
