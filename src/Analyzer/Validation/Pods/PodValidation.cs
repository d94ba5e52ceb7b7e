namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// A Pod on create: <c>ValidatePodCreate</c> and <c>validatePodMetadataAndSpec</c> (pkg/apis/core/validation/validation.go)
/// after <c>SetDefaults_Pod</c>, plus the default admission that rejects pods outright: the RuntimeClass plugin
/// (plugin/pkg/admission/runtimeclass) refuses an overhead without a RuntimeClass. The ServiceAccount plugin sets
/// serviceAccountName to "default" before validation, so the projected-token check for a pod without one never fires.
/// </summary>
public sealed class PodValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Pods;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [(string.Empty, "Pod")];


    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var metadata = context.Root.Child("metadata");
        var options = PodValidationOptions.ForPod(context.Version);
        var annotations = metadata.Child("annotations");
        PodAnnotationsValidation.Validate(context, annotations, spec);
        PodSpecValidation.Validate(context, spec, metadata.Child("name").String ?? string.Empty, options);
        PodSpecValidation.ValidateOnlyForPod(context, spec);
        var ephemeral = spec.Child("ephemeralContainers");
        if (ephemeral.Count > 0)
        {
            context.Forbidden(ephemeral, "cannot be set on create");
        }

        PodAnnotationsValidation.ValidateFieldsMatch(context, annotations, spec, options);
    }
}
