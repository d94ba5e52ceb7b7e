using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// <c>ValidateDeploymentSpec</c> and <c>ValidatePodTemplateSpecForReplicaSet</c> (pkg/apis/apps/validation/validation.go)
/// after <c>SetDefaults_Deployment</c> (pkg/apis/apps/v1/defaults.go). The pod template's spec is
/// <see cref="Pods.PodTemplateValidation"/>'s; the strategy is KL4001's and KL4002's, and so is progressDeadlineSeconds
/// against minReadySeconds.
/// </summary>
public sealed class DeploymentValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Workloads;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("apps", "Deployment")];

    public override void Default(ObjectView view)
    {
        var spec = view.Root.Child("spec");
        if (spec.Mapping is null)
        {
            return;
        }

        view.Default(spec, "replicas", 1);
        view.Default(spec, "revisionHistoryLimit", 10);
        view.Default(spec, "progressDeadlineSeconds", 600);
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        WorkloadChecks.NonNegative(context, spec.Child("replicas"));
        WorkloadChecks.Selector(context, spec, "invalid label selector");
        var selector = spec.Child("selector");
        if (!selector.IsSet || LabelSelectorValidation.IsValidSelector(selector))
        {
            WorkloadChecks.RestartAlways(context, spec.Child("template"), "ReplicaSet");
        }

        WorkloadChecks.NonNegative(context, spec.Child("minReadySeconds"));
        WorkloadChecks.NonNegative(context, spec.Child("revisionHistoryLimit"));
        WorkloadChecks.NonNegative(context, spec.Child("progressDeadlineSeconds"));
    }
}
