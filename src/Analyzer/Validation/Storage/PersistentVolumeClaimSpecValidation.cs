using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidatePersistentVolumeClaimTemplate</c> (generic ephemeral volumes), <c>ValidatePersistentVolumeClaimSpec</c>, <c>validateDataSource</c> and <c>validateDataSourceRef</c>
/// (pkg/apis/core/validation/validation.go) as on create. Version difference: VolumeAttributesClass (on from 1.34)
/// validates <c>volumeAttributesClassName</c>, which earlier versions drop.
/// </summary>
public static class PersistentVolumeClaimSpecValidation
{
    private static readonly string[] VolumeModes = ["Block", "Filesystem"];

    /// <summary><c>ValidatePersistentVolumeClaimTemplate</c>: annotations, labels, only those two in metadata, then the spec.</summary>
    public static void ValidateTemplate(ValidationContext context, Field template)
    {
        var metadata = template.Child("metadata");
        ObjectMetaValidation.ValidateAnnotations(context, metadata.Child("annotations"));
        foreach (var (key, _) in metadata.Entries())
        {
            if (key is not ("annotations" or "labels"))
            {
                context.Forbidden(metadata.Child(key), "cannot be set");
            }
        }

        Validate(context, template.Child("spec"));
    }

    /// <summary><c>ValidatePersistentVolumeClaimSpec</c> with the data sources as written.</summary>
    public static void Validate(ValidationContext context, Field spec)
        => Validate(context, spec, Present(spec.Child("dataSource")), Present(spec.Child("dataSourceRef")));

    /// <summary>The spec with the data sources the strategy leaves (null when absent or dropped).</summary>
    internal static void Validate(ValidationContext context, Field spec, Field? dataSource, Field? dataSourceRef)
    {
        PersistentVolumeValidation.ValidateAccessModes(context, spec.Child("accessModes"), "at least 1 access mode is required");
        LabelSelectorValidation.Validate(context, spec.Child("selector"));

        // Upstream names the storage request resources[storage].
        var storage = spec.Child("resources", "requests").Key("storage").WithPath(spec.Child("resources").Key("storage"));
        if (!storage.IsSet)
        {
            context.Required(storage);
        }
        else if (DecodedQuantity.TryReadListEntry(storage, out var quantity) && !quantity.IsPositive)
        {
            context.Invalid(storage, quantity.ToString(), "must be greater than zero");
        }

        var className = spec.Child("storageClassName");
        if (className.String is { Length: > 0 } name)
        {
            context.Invalid(className, name, Syntax.IsDns1123Subdomain(name));
        }

        var volumeMode = spec.Child("volumeMode");
        if (volumeMode.String is { } mode && Array.IndexOf(VolumeModes, mode) < 0)
        {
            context.NotSupported(volumeMode, mode, VolumeModes);
        }

        if (dataSource is not null)
        {
            ValidateDataSource(context, dataSource);
        }

        if (dataSourceRef is not null)
        {
            ValidateDataSource(context, dataSourceRef);
        }

        // Upstream prints the path of dataSource, a Stringer, as the value.
        var dataSourcePath = GoValue.Raw(spec.Child("dataSource").ToString());
        if (dataSourceRef?.Child("namespace").String is { Length: > 0 })
        {
            if (dataSource is not null)
            {
                context.Invalid(spec, dataSourcePath, "may not be specified when dataSourceRef.namespace is specified");
            }
        }
        else if (dataSource is not null && dataSourceRef is not null
            && (dataSource.Child("apiGroup").String != dataSourceRef.Child("apiGroup").String
                || dataSource.Child("kind").String != dataSourceRef.Child("kind").String
                || dataSource.Child("name").String != dataSourceRef.Child("name").String))
        {
            context.Invalid(spec, dataSourcePath, "must match dataSourceRef");
        }

        var attributesClass = spec.Child("volumeAttributesClassName");
        if (FeatureGates.IsEnabled(FeatureGates.VolumeAttributesClass, context.Version) && attributesClass.String is { Length: > 0 } attributes)
        {
            context.Invalid(attributesClass, attributes, Syntax.IsDns1123Subdomain(attributes));
        }
    }

    private static Field? Present(Field field) => field.IsSet ? field : null;

    /// <summary><c>validateDataSource</c> and <c>validateDataSourceRef</c> (whose namespace is a DNS label).</summary>
    public static void ValidateDataSource(ValidationContext context, Field source)
    {
        if ((source.Child("name").String ?? string.Empty).Length == 0)
        {
            context.Required(source.Child("name"));
        }

        var kind = source.Child("kind").String ?? string.Empty;
        if (kind.Length == 0)
        {
            context.Required(source.Child("kind"));
        }

        var apiGroup = source.Child("apiGroup").String ?? string.Empty;
        if (apiGroup.Length == 0 && kind != "PersistentVolumeClaim")
        {
            context.Invalid(source, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup");
        }

        if (apiGroup.Length > 0)
        {
            context.Invalid(source.Child("apiGroup"), apiGroup, Syntax.IsDns1123Subdomain(apiGroup));
        }

        var ns = source.Child("namespace");
        if (ns.String is { Length: > 0 } namespaceName)
        {
            context.Invalid(ns, namespaceName, NameFunctions.NameIsDnsLabel(namespaceName, false));
        }
    }
}
