using KubeLint.Analyzer.Validation.Pods;

namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidatePersistentVolume</c> and <c>ValidatePersistentVolumeSpec</c> (pkg/apis/core/validation/validation.go)
/// after <c>SetDefaults_PersistentVolume</c> (pkg/apis/core/v1/defaults.go: reclaim policy Retain, volume mode
/// Filesystem). The same spec validation checks the inline volumes of VolumeAttachments, with their restrictions.
/// Version difference: VolumeAttributesClass (on from 1.34) validates <c>spec.volumeAttributesClassName</c>, which
/// earlier versions drop.
/// </summary>
public sealed class PersistentVolumeValidation : ObjectValidation
{
    private static readonly string[] AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
    private static readonly string[] ReclaimPolicies = ["Delete", "Recycle", "Retain"];
    private static readonly string[] VolumeModes = ["Block", "Filesystem"];

    public override string Area => ValidationAreas.Storage;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "PersistentVolume")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        var spec = view.Ensure(view.Root.Child("spec"));
        view.DefaultEmpty(spec, "persistentVolumeReclaimPolicy", "Retain");
        view.Default(view.Reread(spec), "volumeMode", "Filesystem");
    }

    public override void Validate(ValidationContext context)
        => ValidateSpec(context, context.Root.Child("spec"), context.Root.Child("metadata").Child("name").String ?? string.Empty, inline: false);

    /// <summary><c>ValidatePersistentVolumeSpec</c>; <paramref name="inline"/> for a VolumeAttachment's inline volume.</summary>
    internal static void ValidateSpec(ValidationContext context, Field spec, string pvName, bool inline)
    {
        if (inline)
        {
            if (spec.Child("claimRef").IsSet)
            {
                context.Forbidden(spec.Child("claimRef"), "may not be specified in the context of inline volumes");
            }

            if (spec.Child("capacity").Count != 0)
            {
                context.Forbidden(spec.Child("capacity"), "may not be specified in the context of inline volumes");
            }

            if (!spec.Child("csi").IsSet)
            {
                context.Required(spec.Child("csi"), "has to be specified in the context of inline volumes");
            }
        }

        ValidateAccessModes(context, spec.Child("accessModes"), requiredDetail: string.Empty);
        if (!inline)
        {
            ValidateCapacity(context, spec.Child("capacity"));
        }

        var reclaim = spec.Child("persistentVolumeReclaimPolicy");
        if (reclaim.String is { Length: > 0 } policy)
        {
            if (inline && policy != "Retain")
            {
                context.Forbidden(reclaim, "may only be Retain in the context of inline volumes");
            }
            else if (!inline && Array.IndexOf(ReclaimPolicies, policy) < 0)
            {
                context.NotSupported(reclaim, policy, ReclaimPolicies);
            }
        }

        var nodeAffinity = spec.Child("nodeAffinity");
        var hasNodeAffinity = false;
        if (nodeAffinity.IsSet)
        {
            if (inline)
            {
                context.Forbidden(nodeAffinity, "may not be specified in the context of inline volumes");
            }
            else
            {
                hasNodeAffinity = true;
                var required = nodeAffinity.Child("required");
                if (required.IsSet)
                {
                    SchedulingValidation.ValidateNodeSelector(context, required);
                }
                else
                {
                    context.Required(required, "must specify required node constraints");
                }
            }
        }

        var (sources, local) = PersistentVolumeSourceValidation.Validate(context, spec, pvName);
        if (local && !hasNodeAffinity)
        {
            context.Required(nodeAffinity, "Local volume requires node affinity");
        }

        if (sources == 0)
        {
            context.Required(spec, "must specify a volume type");
        }

        var hostPath = spec.Child("hostPath", "path").String;
        if (hostPath is not null && CleanPath(hostPath) == "/" && reclaim.String == "Recycle")
        {
            context.Forbidden(reclaim, "may not be 'recycle' for a hostPath mount of '/'");
        }

        var className = spec.Child("storageClassName");
        if (className.String is { Length: > 0 } name)
        {
            if (inline)
            {
                context.Forbidden(className, "may not be specified in the context of inline volumes");
            }
            else
            {
                context.Invalid(className, name, Syntax.IsDns1123Subdomain(name));
            }
        }

        var volumeMode = spec.Child("volumeMode");
        if (volumeMode.String is { } mode)
        {
            if (inline && mode != "Filesystem")
            {
                context.Forbidden(volumeMode, "may not specify volumeMode other than Filesystem in the context of inline volumes");
            }
            else if (!inline && Array.IndexOf(VolumeModes, mode) < 0)
            {
                context.NotSupported(volumeMode, mode, VolumeModes);
            }
        }

        var attributesClass = spec.Child("volumeAttributesClassName");
        if (attributesClass.String is { } attributes && FeatureGates.IsEnabled(FeatureGates.VolumeAttributesClass, context.Version))
        {
            if (attributes.Length == 0)
            {
                context.Required(attributesClass, "an empty string is disallowed");
            }
            else
            {
                context.Invalid(attributesClass, attributes, Syntax.IsDns1123Subdomain(attributes));
            }

            if (!spec.Child("csi").IsSet)
            {
                context.Required(spec.Child("csi"), "has to be specified when using volumeAttributesClassName");
            }
        }
    }

    /// <summary>The access modes shared by volumes and claims: known, and ReadWriteOncePod alone.</summary>
    internal static void ValidateAccessModes(ValidationContext context, Field accessModes, string requiredDetail)
    {
        if (accessModes.Count == 0)
        {
            context.Required(accessModes, requiredDetail);
        }

        bool once = false, other = false;
        foreach (var mode in accessModes.Items())
        {
            var text = mode.String ?? string.Empty;
            if (Array.IndexOf(AccessModes, text) < 0)
            {
                // Upstream names the list; the finding points at the item.
                context.NotSupported(mode.WithPath(accessModes), text, AccessModes);
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
    }

    /// <summary>Exactly one capacity, storage, whose value is a positive quantity.</summary>
    private static void ValidateCapacity(ValidationContext context, Field capacity)
    {
        if (capacity.Count == 0)
        {
            context.Required(capacity);
        }

        var storage = capacity.Key("storage");
        if (!storage.IsSet || capacity.Count > 1)
        {
            context.NotSupported(capacity, GoValue.Raw(GoRender.ResourceList(capacity)), ["storage"]);
        }

        foreach (var (name, value) in capacity.Entries())
        {
            if (!DecodedQuantity.TryReadListEntry(value, out var quantity))
            {
                continue;
            }

            var path = capacity.Key(name);
            if (quantity.IntegerValue < 0)
            {
                // validateBasicResource prints Quantity.Value(), an integer.
                context.Invalid(path, quantity.IntegerValue, "must be a valid resource quantity");
            }

            if (!quantity.IsPositive)
            {
                context.Invalid(path, quantity.ToString(), "must be greater than zero");
            }
        }
    }

    /// <summary>Go's <c>path.Clean</c>, enough to tell whether a path is the root.</summary>
    private static string CleanPath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        var rooted = path.StartsWith("/", StringComparison.Ordinal);
        var joined = string.Join("/", parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }
}
