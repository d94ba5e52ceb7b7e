namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidateVolumeAttachment</c> and <c>ValidateVolumeAttachmentV1</c> (pkg/apis/storage/validation/validation.go):
/// an attacher that is a CSI driver name, a node name, and exactly one source: a PersistentVolume's name or an inline
/// volume spec. The strategy drops the status on create.
/// </summary>
public sealed class VolumeAttachmentValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Storage;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("storage.k8s.io", "VolumeAttachment")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var attacher = spec.Child("attacher");
        if ((attacher.String ?? string.Empty).Length == 0)
        {
            context.Required(attacher);
        }

        var source = spec.Child("source");
        var inline = source.Child("inlineVolumeSpec");
        var pvName = source.Child("persistentVolumeName");
        if (!inline.IsSet && !pvName.IsSet)
        {
            context.Required(source, "must specify exactly one of inlineVolumeSpec and persistentVolumeName");
        }
        else if (inline.IsSet && pvName.IsSet)
        {
            context.Forbidden(source, "must specify exactly one of inlineVolumeSpec and persistentVolumeName");
        }
        else if (pvName.IsSet)
        {
            if ((pvName.String ?? string.Empty).Length == 0)
            {
                context.Required(pvName, "must specify non empty persistentVolumeName");
            }
        }
        else
        {
            PersistentVolumeValidation.ValidateSpec(context, inline, string.Empty, inline: true);
        }

        var nodeName = spec.Child("nodeName");
        var node = nodeName.String ?? string.Empty;
        context.Invalid(nodeName, node, Syntax.IsDns1123Subdomain(node));

        // ValidateVolumeAttachmentV1: the attacher is a CSI driver name, a PersistentVolume name a subdomain.
        StorageParameters.ValidateCsiDriverName(context, attacher);
        if (pvName.String is { } name)
        {
            context.Invalid(pvName, name, Syntax.IsDns1123Subdomain(name));
        }
    }
}
