namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// <c>ValidateReplicationControllerSpec</c> and <c>ValidatePodTemplateSpecForRC</c> (pkg/apis/core/validation/validation.go)
/// after <c>SetDefaults_ReplicationController</c> (pkg/apis/core/v1/defaults.go): an empty selector takes the
/// template's labels, so only a template without labels leaves it empty. The pod template's spec is
/// <see cref="Pods.PodTemplateValidation"/>'s.
/// </summary>
public sealed class ReplicationControllerValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Workloads;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [(string.Empty, "ReplicationController")];

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
        WorkloadChecks.NonNegative(context, spec.Child("minReadySeconds"));
        var selector = spec.Child("selector");
        if (selector.Count == 0 && spec.Child("template", "metadata", "labels").Count == 0)
        {
            context.Required(selector);
        }

        WorkloadChecks.NonNegative(context, spec.Child("replicas"));
        var template = spec.Child("template");
        if (template.IsSet)
        {
            WorkloadChecks.RestartAlways(context, template, "ReplicationController");
        }
    }
}
