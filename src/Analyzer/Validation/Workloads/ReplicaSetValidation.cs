using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// <c>ValidateReplicaSetSpec</c> and <c>ValidatePodTemplateSpecForReplicaSet</c> (pkg/apis/apps/validation/validation.go)
/// after <c>SetDefaults_ReplicaSet</c>. The pod template's spec is <see cref="Pods.PodTemplateValidation"/>'s.
/// </summary>
public sealed class ReplicaSetValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Workloads;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("apps", "ReplicaSet")];

    public override void Default(ObjectView view)
    {
        if (view.Root.Child("spec").Mapping is not null)
        {
            view.Default(view.Root.Child("spec"), "replicas", 1);
        }
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        WorkloadChecks.NonNegative(context, spec.Child("replicas"));
        WorkloadChecks.NonNegative(context, spec.Child("minReadySeconds"));
        WorkloadChecks.Selector(context, spec, "invalid label selector");
        var selector = spec.Child("selector");
        if (!selector.IsSet || LabelSelectorValidation.IsValidSelector(selector))
        {
            WorkloadChecks.RestartAlways(context, spec.Child("template"), "ReplicaSet");
        }
    }
}
