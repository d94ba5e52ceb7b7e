using KubeLint.Analyzer.Validation.Metadata;
using KubeLint.Analyzer.Validation.Pods;

namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidatePersistentVolumeClaimSpec</c> and <c>ValidatePersistentVolumeClaimTemplate</c>
/// (pkg/apis/core/validation/validation.go), shared by PersistentVolumeClaims, generic ephemeral volumes and
/// StatefulSet volumeClaimTemplates, with <c>SetDefaults_PersistentVolumeClaimSpec</c> (volumeMode Filesystem) applied.
/// </summary>
public static class PersistentVolumeClaimSpecValidation
{
    private static readonly string[] AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
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

    /// <summary><c>ValidatePersistentVolumeClaimSpec</c>.</summary>
    public static void Validate(ValidationContext context, Field spec)
    {
        var accessModes = spec.Child("accessModes");
        if (accessModes.Count == 0)
        {
            context.Required(accessModes, "at least 1 access mode is required");
        }

        LabelSelectorValidation.Validate(context, spec.Child("selector"));
        bool once = false, other = false;
        foreach (var mode in accessModes.Items())
        {
            var text = mode.String ?? string.Empty;
            if (Array.IndexOf(AccessModes, text) < 0)
            {
                context.NotSupported(accessModes, text, AccessModes);
            }
            else if (text == "ReadWriteOncePod")
            {
                once = true;
            }
            else
            {
                other = true;
            }
        }

        if (once && other)
        {
            context.Forbidden(accessModes, "may not use ReadWriteOncePod with other access modes");
        }

        var storage = spec.Child("resources", "requests").Key("storage").WithPath(spec.Child("resources").Key("storage"));
        if (!storage.IsSet)
        {
            context.Required(storage);
        }
        else if (ResourceQuantity.TryRead(storage, out var quantity) && quantity.Value <= 0)
        {
            // ValidatePositiveQuantityValue; storage is no integer resource, so nothing more is checked.
            context.Invalid(storage, quantity.Canonical, "must be greater than zero");
        }

        var storageClass = spec.Child("storageClassName");
        if (storageClass.String is { Length: > 0 } className)
        {
            context.Invalid(storageClass, className, NameFunctions.NameIsDnsSubdomain(className, false));
        }

        var volumeMode = spec.Child("volumeMode");
        if (volumeMode.String is { } mode2 && Array.IndexOf(VolumeModes, mode2) < 0)
        {
            context.NotSupported(volumeMode, mode2, VolumeModes);
        }

        var dataSource = spec.Child("dataSource");
        var dataSourceRef = spec.Child("dataSourceRef");
        if (dataSource.IsSet)
        {
            ValidateDataSource(context, dataSource);
        }

        if (dataSourceRef.IsSet)
        {
            ValidateDataSource(context, dataSourceRef);
            var ns = dataSourceRef.Child("namespace");
            if (ns.String is { Length: > 0 } namespaceName)
            {
                context.Invalid(ns, namespaceName, NameFunctions.NameIsDnsLabel(namespaceName, false));
            }
        }

        if (dataSourceRef.Child("namespace").String is { Length: > 0 })
        {
            if (dataSource.IsSet)
            {
                context.Invalid(spec, GoValue.Raw(dataSource.ToString()), "may not be specified when dataSourceRef.namespace is specified");
            }
        }
        else if (dataSource.IsSet && dataSourceRef.IsSet
            && (dataSource.Child("apiGroup").String != dataSourceRef.Child("apiGroup").String
                || dataSource.Child("kind").String != dataSourceRef.Child("kind").String
                || dataSource.Child("name").String != dataSourceRef.Child("name").String))
        {
            context.Invalid(spec, GoValue.Raw(dataSource.ToString()), "must match dataSourceRef");
        }

        var attributesClass = spec.Child("volumeAttributesClassName");
        if (FeatureGates.IsEnabled("VolumeAttributesClass", context.Version) && attributesClass.String is { Length: > 0 } attributes)
        {
            context.Invalid(attributesClass, attributes, NameFunctions.NameIsDnsSubdomain(attributes, false));
        }
    }

    /// <summary><c>validateDataSource</c> and the shared part of <c>validateDataSourceRef</c>.</summary>
    private static void ValidateDataSource(ValidationContext context, Field source)
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
    }
}
