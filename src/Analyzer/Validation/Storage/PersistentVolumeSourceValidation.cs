using System.Text.RegularExpressions;
using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// The volume sources of a PersistentVolume as pkg/apis/core/validation/validation.go validates them in
/// <c>ValidatePersistentVolumeSpec</c>: exactly one source (flexVolume counts without being checked against the
/// others, as upstream), each with its own <c>validate*VolumeSource</c> function. Paths are upstream's, including
/// its quirks (a GCE disk reports under <c>persistentDisk</c>, CephFS under <c>cephfs</c>).
/// </summary>
internal static class PersistentVolumeSourceValidation
{
    private const string PartitionRange = "must be between 1 and 255, inclusive";

    private static readonly string[] HostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];
    private static readonly string[] CachingModes = ["None", "ReadOnly", "ReadWrite"];
    private static readonly string[] DiskKinds = ["Dedicated", "Managed", "Shared"];

    private static readonly Regex IqnPattern = new(@"iqn\.[0-9]{4}-[0-9]{2}\.([A-Za-z0-9.-]+)(:[^,;*&$|\t\n\f\r ]+)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex EuiPattern = new("^eui.[A-Za-z0-9]{16}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex NaaPattern = new("^naa.[A-Za-z0-9]{32}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The sources in upstream's order, with the path their validation reports under.</summary>
    private static readonly (string Name, string Path, Action<ValidationContext, Field, string>? Validate)[] Sources =
    [
        ("hostPath", "hostPath", (c, f, _) => HostPath(c, f)),
        ("gcePersistentDisk", "persistentDisk", (c, f, _) => GcePersistentDisk(c, f)),
        ("awsElasticBlockStore", "awsElasticBlockStore", (c, f, _) => AwsElasticBlockStore(c, f)),
        ("glusterfs", "glusterfs", (c, f, _) => Glusterfs(c, f)),
        ("flocker", "flocker", (c, f, _) => Flocker(c, f)),
        ("nfs", "nfs", (c, f, _) => Nfs(c, f)),
        ("rbd", "rbd", (c, f, _) => RequireAll(c, f, ("monitors", true), ("image", false))),
        ("quobyte", "quobyte", (c, f, _) => Quobyte(c, f)),
        ("cephfs", "cephfs", (c, f, _) => RequireAll(c, f, ("monitors", true))),
        ("iscsi", "iscsi", Iscsi),
        ("cinder", "cinder", (c, f, _) => Cinder(c, f)),
        ("fc", "fc", (c, f, _) => Fc(c, f)),
        ("flexVolume", "flexVolume", null),
        ("azureFile", "azureFile", (c, f, _) => AzureFile(c, f)),
        ("vsphereVolume", "vsphereVolume", (c, f, _) => RequireAll(c, f, ("volumePath", false))),
        ("photonPersistentDisk", "photonPersistentDisk", (c, f, _) => RequireAll(c, f, ("pdID", false))),
        ("portworxVolume", "portworxVolume", (c, f, _) => RequireAll(c, f, ("volumeID", false))),
        ("azureDisk", "azureDisk", (c, f, _) => AzureDisk(c, f)),
        ("scaleIO", "scaleIO", (c, f, _) => RequireAll(c, f, ("gateway", false), ("system", false), ("volumeName", false))),
        ("local", "local", (c, f, _) => Local(c, f)),
        ("storageos", "storageos", (c, f, _) => StorageOs(c, f)),
        ("csi", "csi", (c, f, _) => Csi(c, f)),
    ];

    /// <summary>Validates the sources of <paramref name="spec"/>; returns how many are set and whether one is local.</summary>
    public static (int Count, bool Local) Validate(ValidationContext context, Field spec, string pvName)
    {
        var count = 0;
        var local = false;
        foreach (var (name, path, validate) in Sources)
        {
            var source = spec.Child(name);
            if (!source.IsSet)
            {
                continue;
            }

            if (name == "flexVolume")
            {
                // Upstream counts flexVolume without checking it against the others.
                count++;
                FlexVolume(context, source);
                continue;
            }

            // Upstream names the source "cephFS" and "storageos" in this message.
            var forbiddenName = name == "cephfs" ? "cephFS" : name;
            if (count > 0)
            {
                context.Forbidden(source.WithPath(spec.Child(forbiddenName)), "may not specify more than 1 volume type");
                continue;
            }

            count++;
            local |= name == "local";
            validate!(context, source.WithPath(spec.Child(path)), pvName);
        }

        return (count, local);
    }

    private static void HostPath(ValidationContext context, Field source)
    {
        var path = source.Child("path");
        if (path.String is not { Length: > 0 } text)
        {
            context.Required(path);
            return;
        }

        NoBacksteps(context, path, text);
        var type = source.Child("type");
        if (type.String is { } typeText && Array.IndexOf(HostPathTypes, typeText) < 0)
        {
            context.NotSupported(type, typeText, HostPathTypes);
        }
    }

    private static void GcePersistentDisk(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("pdName", false));
        Partition(context, source.Child("partition"));
    }

    private static void AwsElasticBlockStore(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("volumeID", false));
        Partition(context, source.Child("partition"));
    }

    private static void Glusterfs(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("endpoints", false), ("path", false));
        var ns = source.Child("endpointsNamespace");
        if (ns.String is { } text)
        {
            if (text.Length == 0)
            {
                context.Invalid(ns, text, "if the endpointnamespace is set, it must be a valid namespace name");
            }
            else
            {
                context.Invalid(ns, text, NameFunctions.NameIsDnsLabel(text, false));
            }
        }
    }

    private static void Flocker(ValidationContext context, Field source)
    {
        var name = source.Child("datasetName").String ?? string.Empty;
        var uuid = source.Child("datasetUUID").String ?? string.Empty;
        if (name.Length == 0 && uuid.Length == 0)
        {
            context.Required(source, "one of datasetName and datasetUUID is required");
        }

        if (name.Length > 0 && uuid.Length > 0)
        {
            context.Invalid(source, "resource", "datasetName and datasetUUID can not be specified simultaneously");
        }

        if (name.Contains('/'))
        {
            context.Invalid(source.Child("datasetName"), name, "must not contain '/'");
        }
    }

    private static void Nfs(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("server", false), ("path", false));
        var path = source.Child("path");
        var text = path.String ?? string.Empty;
        if (!text.StartsWith("/", StringComparison.Ordinal))
        {
            context.Invalid(path, text, "must be an absolute path");
        }
    }

    private static void Quobyte(ValidationContext context, Field source)
    {
        var registry = source.Child("registry");
        var text = registry.String ?? string.Empty;
        if (text.Length == 0)
        {
            context.Required(registry, "must be a host:port pair or multiple pairs separated by commas");
        }
        else if ((source.Child("tenant").String ?? string.Empty).Length >= 65)
        {
            context.Required(source.Child("tenant"), "must be a UUID and may not exceed a length of 64 characters");
        }
        else if (text.Split(',').Any(pair => !IsHostPort(pair)))
        {
            context.Invalid(registry, text, "must be a host:port pair or multiple pairs separated by commas");
        }

        RequireAll(context, source, ("volume", false));
    }

    private static void Iscsi(ValidationContext context, Field source, string pvName)
    {
        var portal = source.Child("targetPortal");
        var portalText = portal.String ?? string.Empty;
        if (portalText.Length == 0)
        {
            context.Required(portal);
        }

        var initiator = source.Child("initiatorName");
        if (initiator.IsSet && (pvName + ":" + portalText).Length > 64)
        {
            context.Invalid(
                source.Child("targetportal"),
                portalText,
                "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.");
        }

        var iqn = source.Child("iqn");
        var iqnText = iqn.String ?? string.Empty;
        if (iqnText.Length == 0)
        {
            context.Required(iqn);
        }
        else if (!IsValidIscsiName(iqnText))
        {
            context.Invalid(iqn, iqnText, "must be valid format");
        }

        var lun = source.Child("lun");
        if (lun.Integer is { } value && (value < 0 || value > 255))
        {
            context.Invalid(lun, value, Syntax.InclusiveRangeError(0, 255));
        }

        var secretRef = source.Child("secretRef");
        if ((source.Child("chapAuthDiscovery").Boolean == true || source.Child("chapAuthSession").Boolean == true) && !secretRef.IsSet)
        {
            context.Required(secretRef);
        }

        if (secretRef.IsSet && (secretRef.Child("name").String ?? string.Empty).Length == 0)
        {
            context.Required(secretRef.Child("name"));
        }

        if (initiator.String is { } initiatorText)
        {
            // Upstream reports both the prefix and the format for a name without a known prefix.
            var path = source.Child("initiatorname");
            if (!initiatorText.StartsWith("iqn", StringComparison.Ordinal) && !initiatorText.StartsWith("eui", StringComparison.Ordinal) && !initiatorText.StartsWith("naa", StringComparison.Ordinal))
            {
                context.Report(path, FieldErrorType.Invalid, initiatorText, "must be valid format", at: initiator.Anchor);
            }
            else if (!IsValidIscsiName(initiatorText))
            {
                context.Report(path, FieldErrorType.Invalid, initiatorText, "must be valid format", at: initiator.Anchor);
            }
        }
    }

    private static bool IsValidIscsiName(string name)
    {
        if (name.StartsWith("iqn", StringComparison.Ordinal))
        {
            return Matches(IqnPattern, name);
        }

        if (name.StartsWith("eui", StringComparison.Ordinal))
        {
            return Matches(EuiPattern, name);
        }

        return name.StartsWith("naa", StringComparison.Ordinal) && Matches(NaaPattern, name);
    }

    private static void Cinder(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("volumeID", false));
        var secretRef = source.Child("secretRef");
        if (secretRef.IsSet)
        {
            RequireAll(context, secretRef, ("name", false), ("namespace", false));
        }
    }

    private static void Fc(ValidationContext context, Field source)
    {
        var wwns = source.Child("targetWWNs");
        var wwids = source.Child("wwids");
        if (wwns.Count < 1 && wwids.Count < 1)
        {
            context.Required(wwns, "must specify either targetWWNs or wwids, but not both");
        }

        if (wwns.Count != 0 && wwids.Count != 0)
        {
            context.Invalid(wwns, GoValue.Slice("string", wwns.Items().Select(i => i.String ?? string.Empty)), "targetWWNs and wwids can not be specified simultaneously");
        }

        if (wwns.Count == 0)
        {
            return;
        }

        var lun = source.Child("lun");
        if (!lun.IsSet)
        {
            context.Required(lun, "lun is required if targetWWNs is specified");
        }
        else if (lun.Integer is { } value && (value < 0 || value > 255))
        {
            context.Invalid(lun, value, Syntax.InclusiveRangeError(0, 255));
        }
    }

    /// <summary><c>validateFlexPersistentVolumeSource</c>: a driver, and options outside the reserved domains.</summary>
    private static void FlexVolume(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("driver", false));
        var options = source.Child("options");
        foreach (var (key, value) in options.Entries())
        {
            var slash = key.IndexOf('/');
            var normalized = "." + (slash < 0 ? key : key.Substring(0, slash)).ToLowerInvariant();
            if (normalized.EndsWith(".kubernetes.io", StringComparison.Ordinal) || normalized.EndsWith(".k8s.io", StringComparison.Ordinal))
            {
                context.Report(options.Key(key), FieldErrorType.Invalid, key, "kubernetes.io and k8s.io namespaces are reserved", at: value.KeyNode);
            }
        }
    }

    private static void AzureFile(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("secretName", false), ("shareName", false));
        var ns = source.Child("secretNamespace");
        if (ns.String is { Length: 0 })
        {
            context.Required(ns);
        }
    }

    private static void AzureDisk(ValidationContext context, Field source)
    {
        RequireAll(context, source, ("diskName", false), ("diskURI", false));
        var caching = source.Child("cachingMode");
        if (caching.String is { } mode && Array.IndexOf(CachingModes, mode) < 0)
        {
            context.NotSupported(caching, mode, CachingModes);
        }

        var kind = source.Child("kind");
        var uri = source.Child("diskURI");
        var uriText = uri.String ?? string.Empty;
        if (kind.String is not { } kindText)
        {
            return;
        }

        if (Array.IndexOf(DiskKinds, kindText) < 0)
        {
            context.NotSupported(kind, kindText, DiskKinds);
        }

        if (kindText == "Managed" && !uriText.StartsWith("/subscriptions/", StringComparison.Ordinal))
        {
            context.NotSupported(uri, uriText, ["/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"]);
        }

        if (kindText != "Managed" && !uriText.StartsWith("https://", StringComparison.Ordinal))
        {
            context.NotSupported(uri, uriText, ["https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"]);
        }
    }

    private static void Local(ValidationContext context, Field source)
    {
        var path = source.Child("path");
        if (path.String is not { Length: > 0 } text)
        {
            context.Required(path);
            return;
        }

        NoBacksteps(context, path, text);
    }

    private static void StorageOs(ValidationContext context, Field source)
    {
        var volumeName = source.Child("volumeName");
        if (volumeName.String is { Length: > 0 } name)
        {
            context.Invalid(volumeName, name, Syntax.IsDns1123Label(name));
        }
        else
        {
            context.Required(volumeName);
        }

        var volumeNamespace = source.Child("volumeNamespace");
        if (volumeNamespace.String is { Length: > 0 } ns)
        {
            context.Invalid(volumeNamespace, ns, Syntax.IsDns1123Label(ns));
        }

        var secretRef = source.Child("secretRef");
        if (secretRef.IsSet)
        {
            RequireAll(context, secretRef, ("name", false), ("namespace", false));
        }
    }

    /// <summary><c>validateCSIPersistentVolumeSource</c>.</summary>
    private static void Csi(ValidationContext context, Field source)
    {
        StorageParameters.ValidateCsiDriverName(context, source.Child("driver"));
        RequireAll(context, source, ("volumeHandle", false));
        foreach (var reference in new[] { "controllerPublishSecretRef", "controllerExpandSecretRef", "nodePublishSecretRef", "nodeExpandSecretRef" })
        {
            var secretRef = source.Child(reference);
            if (!secretRef.IsSet)
            {
                continue;
            }

            // validatePVSecretReference.
            var name = secretRef.Child("name");
            if (name.String is { Length: > 0 } nameText)
            {
                context.Invalid(name, nameText, Syntax.IsDns1123Subdomain(nameText));
            }
            else
            {
                context.Required(name);
            }

            var ns = secretRef.Child("namespace");
            if (ns.String is { Length: > 0 } nsText)
            {
                context.Invalid(ns, nsText, Syntax.IsDns1123Label(nsText));
            }
            else
            {
                context.Required(ns);
            }
        }
    }

    /// <summary>Each member must be a non-empty string (or, when marked, a non-empty list).</summary>
    private static void RequireAll(ValidationContext context, Field source, params (string Member, bool List)[] members)
    {
        foreach (var (member, list) in members)
        {
            var field = source.Child(member);
            if (list ? field.Count == 0 : (field.String ?? string.Empty).Length == 0)
            {
                context.Required(field);
            }
        }
    }

    private static void Partition(ValidationContext context, Field partition)
    {
        if (partition.Integer is { } value && (value < 0 || value > 255))
        {
            context.Invalid(partition, value, PartitionRange);
        }
    }

    /// <summary><c>validatePathNoBacksteps</c>.</summary>
    private static void NoBacksteps(ValidationContext context, Field field, string path)
    {
        if (path.Replace('\\', '/').Split('/').Contains(".."))
        {
            context.Invalid(field, path, "must not contain '..'");
        }
    }

    /// <summary>Go's <c>net.SplitHostPort</c> succeeding: a host, a colon and a port, brackets for IPv6.</summary>
    private static bool IsHostPort(string text)
    {
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            return close > 0 && close + 1 < text.Length && text[close + 1] == ':' && text.IndexOf(']', close + 1) < 0;
        }

        var colon = text.LastIndexOf(':');
        return colon >= 0 && text.IndexOf(':') == colon;
    }

    private static bool Matches(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
