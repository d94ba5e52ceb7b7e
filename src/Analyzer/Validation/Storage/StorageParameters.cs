using System.Text;

namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// Checks pkg/apis/storage/validation shares between StorageClasses, VolumeAttributesClasses, CSINodes and
/// VolumeAttachments: <c>validateProvisioner</c>, <c>validateParameters</c> and core's <c>ValidateCSIDriverName</c>.
/// </summary>
internal static class StorageParameters
{
    private const int MaxParameters = 512;
    private const int MaxParametersSize = 256 * 1024;

    /// <summary><c>validateProvisioner</c>: required, and a qualified name once lower-cased.</summary>
    public static void ValidateProvisioner(ValidationContext context, Field provisioner)
    {
        var value = provisioner.String ?? string.Empty;
        if (value.Length == 0)
        {
            context.Required(provisioner);
            return;
        }

        var lower = value.ToLowerInvariant();
        context.Invalid(provisioner, lower, Syntax.IsQualifiedName(lower));
    }

    /// <summary><c>validateParameters</c>: at most 512 entries and 256 KiB, no empty keys.</summary>
    public static void Validate(ValidationContext context, Field parameters, bool allowEmpty)
    {
        if (parameters.Count > MaxParameters)
        {
            context.TooLong(parameters, MaxParameters);
            return;
        }

        long size = 0;
        foreach (var (key, value) in parameters.Entries())
        {
            if (key.Length == 0)
            {
                context.Report(parameters, FieldErrorType.Invalid, key, "field can not be empty.", at: value.KeyNode);
            }

            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value.String ?? string.Empty);
        }

        if (size > MaxParametersSize)
        {
            context.TooLong(parameters, MaxParametersSize);
        }

        if (!allowEmpty && parameters.Count == 0)
        {
            context.Required(parameters, "must contain at least one key/value pair");
        }
    }

    /// <summary><c>ValidateCSIDriverName</c>: required, at most 63 characters, a DNS subdomain once lower-cased.</summary>
    public static void ValidateCsiDriverName(ValidationContext context, Field field)
    {
        var name = field.String ?? string.Empty;
        if (name.Length == 0)
        {
            context.Required(field);
        }

        if (name.Length > 63)
        {
            context.TooLong(field, 63);
        }

        context.Invalid(field, name, Syntax.IsDns1123Subdomain(name.ToLowerInvariant()));
    }
}
