namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidateVolumeAttributesClass</c> (pkg/apis/storage/validation/validation.go): a driver name as a provisioner,
/// and at least one parameter.
/// </summary>
public sealed class VolumeAttributesClassValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Storage;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("storage.k8s.io", "VolumeAttributesClass")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        StorageParameters.ValidateProvisioner(context, context.Root.Child("driverName"));
        StorageParameters.Validate(context, context.Root.Child("parameters"), allowEmpty: false);
    }
}
