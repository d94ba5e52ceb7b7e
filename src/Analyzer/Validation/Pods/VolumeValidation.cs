using System.Text.RegularExpressions;
using KubeLint.Analyzer.Validation.Metadata;
using KubeLint.Analyzer.Validation.Storage;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// <c>ValidateVolumes</c> and <c>validateVolumeSource</c> with every source's validation
/// (pkg/apis/core/validation/validation.go), after <c>SetDefaults_Volume</c> (a volume without a source is an
/// emptyDir) and the ImageVolume gate (image volumes are dropped while it is off).
/// </summary>
internal static class VolumeValidation
{
    /// <summary>What mounts need to know of a valid volume: whether it is a claim (block devices need one) or an image.</summary>
    internal sealed record Mountable(bool IsClaim, bool IsImage);

    private const string FileModeError = "must be a number between 0 and 0777 (octal), both inclusive";
    private const string OneType = "may not specify more than 1 volume type";

    // The regexes of iscsiInitiator*Regex, with RE2's [[:alnum:]] and \s spelled out and '$' as end of text.
    private static readonly Regex IqnPattern = new(@"iqn\.[0-9]{4}-[0-9]{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\t\n\f\r ]+)\z", RegexOptions.CultureInvariant);
    private static readonly Regex EuiPattern = new(@"^eui.[A-Za-z0-9]{16}\z", RegexOptions.CultureInvariant);
    private static readonly Regex NaaPattern = new(@"^naa.[A-Za-z0-9]{32}\z", RegexOptions.CultureInvariant);

    private static readonly string[] HostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];
    private static readonly string[] AzureCachingModes = ["None", "ReadOnly", "ReadWrite"];
    private static readonly string[] AzureDiskKinds = ["Dedicated", "Managed", "Shared"];
    private static readonly HashSet<string> VolumeFieldPaths = new(StringComparer.Ordinal) { "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid" };

    /// <summary>The volume sources in <c>validateVolumeSource</c>'s order: JSON key, the name its "more than 1" error uses, its check.</summary>
    private static readonly (string Key, string ForbiddenName, Action<ValidationContext, Field, PodValidationOptions> Validate)[] Sources =
    [
        ("emptyDir", "emptyDir", (c, f, _) => EmptyDir(c, f)),
        ("hostPath", "hostPath", (c, f, _) => HostPath(c, f)),
        ("gitRepo", "gitRepo", (c, f, _) => GitRepo(c, f)),
        ("gcePersistentDisk", "gcePersistentDisk", (c, f, _) => PersistentDisk(c, f, "pdName", f.WithPath(f.Parent!.Child("persistentDisk")))),
        ("awsElasticBlockStore", "awsElasticBlockStore", (c, f, _) => PersistentDisk(c, f, "volumeID", f)),
        ("secret", "secret", (c, f, _) => KeyedSource(c, f, "secretName")),
        ("nfs", "nfs", (c, f, _) => Nfs(c, f)),
        ("iscsi", "iscsi", (c, f, _) => Iscsi(c, f)),
        ("glusterfs", "glusterfs", (c, f, _) => RequiredAll(c, f, "endpoints", "path")),
        ("flocker", "flocker", (c, f, _) => Flocker(c, f)),
        ("persistentVolumeClaim", "persistentVolumeClaim", (c, f, _) => RequiredAll(c, f, "claimName")),
        ("rbd", "rbd", (c, f, _) => RequiredAll(c, f, "monitors", "image")),
        ("cinder", "cinder", (c, f, _) => SecretRefName(c, f, "volumeID")),
        ("cephfs", "cephFS", (c, f, _) => RequiredAll(c, f, "monitors")),
        ("quobyte", "quobyte", (c, f, _) => Quobyte(c, f)),
        ("downwardAPI", "downwarAPI", (c, f, _) => DownwardApi(c, f)),
        ("fc", "fc", (c, f, _) => FibreChannel(c, f)),
        ("flexVolume", "flexVolume", (c, f, _) => FlexVolume(c, f)),
        ("configMap", "configMap", (c, f, _) => KeyedSource(c, f, "name")),
        ("azureFile", "azureFile", (c, f, _) => RequiredAll(c, f, "secretName", "shareName")),
        ("vsphereVolume", "vsphereVolume", (c, f, _) => RequiredAll(c, f, "volumePath")),
        ("photonPersistentDisk", "photonPersistentDisk", (c, f, _) => RequiredAll(c, f, "pdID")),
        ("portworxVolume", "portworxVolume", (c, f, _) => RequiredAll(c, f, "volumeID")),
        ("azureDisk", "azureDisk", (c, f, _) => AzureDisk(c, f)),
        ("storageos", "storageos", (c, f, _) => StorageOs(c, f)),
        ("projected", "projected", Projected),
        ("scaleIO", "scaleIO", (c, f, _) => RequiredAll(c, f, "gateway", "system", "volumeName")),
        ("csi", "csi", (c, f, _) => Csi(c, f)),
        ("ephemeral", "ephemeral", (c, f, _) => Ephemeral(c, f)),
        ("image", "image", (c, f, o) => Image(c, f, o)),
    ];

    /// <summary>
    /// <c>ValidateVolumes</c>: returns the volumes that validated without error, by name, as the mounts see them.
    /// <paramref name="podName"/> is the Pod's name (empty for templates), for the claims of ephemeral volumes.
    /// </summary>
    public static Dictionary<string, Mountable> Validate(ValidationContext context, Field volumes, string podName, PodValidationOptions options)
    {
        var valid = new Dictionary<string, Mountable>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var createdClaims = new HashSet<string>(StringComparer.Ordinal);
        if (podName.Length > 0)
        {
            foreach (var volume in volumes.Items())
            {
                if (volume.Child("ephemeral").IsSet)
                {
                    createdClaims.Add(podName + "-" + (volume.Child("name").String ?? string.Empty));
                }
            }
        }

        foreach (var volume in volumes.Items())
        {
            if (IsDropped(volume, options))
            {
                continue;
            }

            var before = context.Errors;
            var name = volume.Child("name");
            var volumeName = name.String ?? string.Empty;
            ValidateSource(context, volume, volumeName, podName, options);
            if (volumeName.Length == 0)
            {
                context.Required(name);
            }
            else
            {
                context.Invalid(name, volumeName, Syntax.IsDns1123Label(volumeName));
            }

            if (names.Contains(volumeName))
            {
                context.Duplicate(name, volumeName);
            }

            if (context.Errors == before)
            {
                names.Add(volumeName);
                valid[volumeName] = new Mountable(IsClaim(volume), volume.Child("image").IsSet);
            }

            var claimName = volume.Child("persistentVolumeClaim", "claimName");
            if (claimName.String is { } claim && createdClaims.Contains(claim))
            {
                context.Invalid(claimName, claim, "must not reference a PVC that gets created for an ephemeral volume");
            }
        }

        return valid;
    }

    /// <summary>Image volumes are dropped, with the mounts of them, while ImageVolume is off (<c>dropImageVolumes</c>).</summary>
    public static bool IsDropped(Field volume, PodValidationOptions options) => !options.ImageVolume && volume.Child("image").IsSet;

    /// <summary>Whether a volume is a claim (a PersistentVolumeClaim or a generic ephemeral volume), which block devices need.</summary>
    private static bool IsClaim(Field volume) => volume.Child("persistentVolumeClaim").IsSet || volume.Child("ephemeral").IsSet;

    private static void ValidateSource(ValidationContext context, Field volume, string volumeName, string podName, PodValidationOptions options)
    {
        var count = 0;
        foreach (var (key, forbiddenName, validate) in Sources)
        {
            var source = volume.Child(key);
            if (!source.IsSet)
            {
                continue;
            }

            if (count > 0)
            {
                context.Forbidden(source.WithPath(volume.Child(forbiddenName)), OneType);
                continue;
            }

            count++;
            validate(context, source, options);
            if (key == "ephemeral" && podName.Length > 0 && volumeName.Length > 0)
            {
                var claimName = podName + "-" + volumeName;
                foreach (var problem in NameFunctions.NameIsDnsSubdomain(claimName, false))
                {
                    context.Invalid(volume.Child("name"), volumeName, $"PVC name {GoValue.Quote(claimName)}: {problem}");
                }
            }

            if (key == "iscsi" && source.Child("initiatorName").IsSet && (volumeName + ":" + (source.Child("targetPortal").String ?? string.Empty)).Length > 64)
            {
                context.Invalid(volume.Child("name"), volumeName, "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.");
            }
        }

        // SetDefaults_Volume makes a volume without any source an emptyDir, so "must specify a volume type" is never
        // reached from a manifest.
    }

    private static void EmptyDir(ValidationContext context, Field source)
    {
        var sizeLimit = source.Child("sizeLimit");
        if (sizeLimit.IsSet && DecodedQuantity.TryRead(sizeLimit, out var size) && size.IsNegative)
        {
            context.Forbidden(sizeLimit, "SizeLimit field must be a valid resource quantity");
        }
    }

    private static void HostPath(ValidationContext context, Field source)
    {
        var path = source.Child("path");
        if ((path.String ?? string.Empty).Length == 0)
        {
            context.Required(path);
            return;
        }

        PathValidation.NoBacksteps(context, path, path.String!);
        var type = source.Child("type");
        if (type.String is { } typeText && Array.IndexOf(HostPathTypes, typeText) < 0)
        {
            context.NotSupported(type, typeText, HostPathTypes);
        }
    }

    private static void GitRepo(ValidationContext context, Field source)
    {
        RequiredAll(context, source, "repository");
        var directory = source.Child("directory");
        PathValidation.LocalDescending(context, directory, directory.String ?? string.Empty);
    }

    private static void PersistentDisk(ValidationContext context, Field source, string idKey, Field paths)
    {
        if ((source.Child(idKey).String ?? string.Empty).Length == 0)
        {
            context.Required(paths.Child(idKey));
        }

        var partition = source.Child("partition");
        if (partition.Integer is { } value && (value < 0 || value > 255))
        {
            context.Invalid(paths.Child("partition"), GoRender.Int32(partition), Syntax.InclusiveRangeError(1, 255));
        }
    }

    /// <summary><c>validateSecretVolumeSource</c> and <c>validateConfigMapVolumeSource</c>.</summary>
    private static void KeyedSource(ValidationContext context, Field source, string nameKey)
    {
        if ((source.Child(nameKey).String ?? string.Empty).Length == 0)
        {
            context.Required(source.Child(nameKey));
        }

        FileMode(context, source.Child("defaultMode"));
        foreach (var item in source.Child("items").Items())
        {
            KeyToPath(context, item);
        }
    }

    private static void FileMode(ValidationContext context, Field mode)
    {
        if (mode.Integer is not null && GoRender.Int32(mode) is var value && (value > 511 || value < 0))
        {
            context.Invalid(mode, value, FileModeError);
        }
    }

    private static void KeyToPath(ValidationContext context, Field item)
    {
        if ((item.Child("key").String ?? string.Empty).Length == 0)
        {
            context.Required(item.Child("key"));
        }

        var path = item.Child("path");
        if ((path.String ?? string.Empty).Length == 0)
        {
            context.Required(path);
        }

        PathValidation.LocalNonReserved(context, path, path.String ?? string.Empty);
        FileMode(context, item.Child("mode"));
    }

    private static void Nfs(ValidationContext context, Field source)
    {
        RequiredAll(context, source, "server", "path");
        var path = source.Child("path");
        if (!(path.String ?? string.Empty).StartsWith("/", StringComparison.Ordinal))
        {
            context.Invalid(path, path.String ?? string.Empty, "must be an absolute path");
        }
    }

    private static void Iscsi(ValidationContext context, Field source)
    {
        RequiredAll(context, source, "targetPortal");
        var iqn = source.Child("iqn");
        var iqnText = iqn.String ?? string.Empty;
        if (iqnText.Length == 0)
        {
            context.Required(iqn);
        }
        else if (!HasIscsiPrefix(iqnText))
        {
            context.Invalid(iqn, iqnText, "must be valid format starting with iqn, eui, or naa");
        }
        else if (!IsIscsiName(iqnText))
        {
            context.Invalid(iqn, iqnText, "must be valid format");
        }

        var lun = source.Child("lun");
        if (lun.Integer is { } value && (value < 0 || value > 255))
        {
            context.Invalid(lun, GoRender.Int32(lun), Syntax.InclusiveRangeError(0, 255));
        }

        if ((source.Child("chapAuthDiscovery").Boolean == true || source.Child("chapAuthSession").Boolean == true) && !source.Child("secretRef").IsSet)
        {
            context.Required(source.Child("secretRef"));
        }

        var initiator = source.Child("initiatorName");
        if (initiator.String is { } initiatorName)
        {
            var path = initiator.WithPath(source.Child("initiatorname"));
            if (!HasIscsiPrefix(initiatorName))
            {
                context.Invalid(path, initiatorName, "must be valid format starting with iqn, eui, or naa");
            }
            else if (!IsIscsiName(initiatorName))
            {
                context.Invalid(path, initiatorName, "must be valid format");
            }
        }
    }

    private static bool HasIscsiPrefix(string name)
        => name.StartsWith("iqn", StringComparison.Ordinal) || name.StartsWith("eui", StringComparison.Ordinal) || name.StartsWith("naa", StringComparison.Ordinal);

    private static bool IsIscsiName(string name)
        => name.StartsWith("iqn", StringComparison.Ordinal) ? IqnPattern.IsMatch(name)
            : name.StartsWith("eui", StringComparison.Ordinal) ? EuiPattern.IsMatch(name)
            : NaaPattern.IsMatch(name);

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

        if (name.IndexOf('/') >= 0)
        {
            context.Invalid(source.Child("datasetName"), name, "must not contain '/'");
        }
    }

    private static void SecretRefName(ValidationContext context, Field source, string idKey)
    {
        RequiredAll(context, source, idKey);
        var secretRef = source.Child("secretRef");
        if (secretRef.IsSet && (secretRef.Child("name").String ?? string.Empty).Length == 0)
        {
            context.Required(secretRef.Child("name"));
        }
    }

    private static void Quobyte(ValidationContext context, Field source)
    {
        var registry = source.Child("registry");
        var registryText = registry.String ?? string.Empty;
        if (registryText.Length == 0)
        {
            context.Required(registry, "must be a host:port pair or multiple pairs separated by commas");
        }
        else if ((source.Child("tenant").String ?? string.Empty).Length >= 65)
        {
            context.Required(source.Child("tenant"), "must be a UUID and may not exceed a length of 64 characters");
        }
        else
        {
            foreach (var pair in registryText.Split(','))
            {
                if (!IsHostPort(pair))
                {
                    context.Invalid(registry, registryText, "must be a host:port pair or multiple pairs separated by commas");
                }
            }
        }

        RequiredAll(context, source, "volume");
    }

    /// <summary>Go's <c>net.SplitHostPort</c> succeeds: "host:port" or "[v6]:port", one unbracketed colon.</summary>
    private static bool IsHostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var host = text.Substring(0, colon);
        if (host.StartsWith("[", StringComparison.Ordinal))
        {
            return host.EndsWith("]", StringComparison.Ordinal) && host.IndexOf(']') == host.Length - 1;
        }

        return host.IndexOf(':') < 0 && host.IndexOf('[') < 0 && host.IndexOf(']') < 0;
    }

    private static void DownwardApi(ValidationContext context, Field source)
    {
        FileMode(context, source.Child("defaultMode"));
        foreach (var item in source.Child("items").Items())
        {
            // Upstream passes the source's path, not the item's, to validateDownwardAPIVolumeFile.
            DownwardApiFile(context, item, source);
        }
    }

    /// <summary><c>validateDownwardAPIVolumeFile</c>, reporting under <paramref name="paths"/> as upstream does.</summary>
    private static void DownwardApiFile(ValidationContext context, Field file, Field paths)
    {
        var path = file.Child("path");
        var pathText = path.String ?? string.Empty;
        if (pathText.Length == 0)
        {
            context.Required(path.WithPath(paths.Child("path")));
        }

        PathValidation.LocalNonReserved(context, path.WithPath(paths.Child("path")), pathText);
        var fieldRef = file.Child("fieldRef");
        var resourceFieldRef = file.Child("resourceFieldRef");
        if (fieldRef.IsSet)
        {
            EnvValidation.ObjectFieldSelector(context, fieldRef, VolumeFieldPaths, fieldRef.WithPath(paths.Child("fieldRef")));
            if (resourceFieldRef.IsSet)
            {
                context.Invalid(file.WithPath(paths), "resource", "fieldRef and resourceFieldRef can not be specified simultaneously");
            }
        }
        else if (resourceFieldRef.IsSet)
        {
            EnvValidation.ResourceFieldSelector(context, resourceFieldRef, resourceFieldRef.WithPath(paths.Child("resourceFieldRef")), volume: true);
        }
        else
        {
            context.Required(file.WithPath(paths), "one of fieldRef and resourceFieldRef is required");
        }

        FileMode(context, file.Child("mode").WithPath(paths.Child("mode")));
    }

    private static void FibreChannel(ValidationContext context, Field source)
    {
        var wwns = source.Child("targetWWNs");
        var wwids = source.Child("wwids");
        if (wwns.Count < 1 && wwids.Count < 1)
        {
            context.Required(wwns, "must specify either targetWWNs or wwids, but not both");
        }

        if (wwns.Count != 0 && wwids.Count != 0)
        {
            context.Invalid(wwns, GoValue.Raw(GoRender.StringSlice(wwns)), "targetWWNs and wwids can not be specified simultaneously");
        }

        if (wwns.Count != 0)
        {
            var lun = source.Child("lun");
            if (!lun.IsSet)
            {
                context.Required(lun, "lun is required if targetWWNs is specified");
            }
            else if (lun.Integer is { } value && (value < 0 || value > 255))
            {
                context.Invalid(lun, GoRender.Int32(lun), Syntax.InclusiveRangeError(0, 255));
            }
        }
    }

    private static void FlexVolume(ValidationContext context, Field source)
    {
        RequiredAll(context, source, "driver");
        var options = source.Child("options");
        foreach (var (key, _) in options.Entries())
        {
            var slash = key.IndexOf('/');
            var ns = slash < 0 ? key : key.Substring(0, slash);
            var normalized = "." + ns.ToLowerInvariant();
            if (normalized.EndsWith(".kubernetes.io", StringComparison.Ordinal) || normalized.EndsWith(".k8s.io", StringComparison.Ordinal))
            {
                context.Invalid(options.Key(key), key, "kubernetes.io and k8s.io namespaces are reserved");
            }
        }
    }

    private static void AzureDisk(ValidationContext context, Field source)
    {
        RequiredAll(context, source, "diskName", "diskURI");

        // The AzureDisk defaults: cachingMode ReadWrite, kind Shared.
        var caching = source.Child("cachingMode");
        if (caching.String is { } mode && Array.IndexOf(AzureCachingModes, mode) < 0)
        {
            context.NotSupported(caching, mode, AzureCachingModes);
        }

        var kindField = source.Child("kind");
        var kind = kindField.String ?? "Shared";
        if (Array.IndexOf(AzureDiskKinds, kind) < 0)
        {
            context.NotSupported(kindField, kind, AzureDiskKinds);
        }

        var uri = source.Child("diskURI");
        var uriText = uri.String ?? string.Empty;
        if (kind == "Managed" && !uriText.StartsWith("/subscriptions/", StringComparison.Ordinal))
        {
            context.NotSupported(uri, uriText, ["/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"]);
        }

        if (kind != "Managed" && !uriText.StartsWith("https://", StringComparison.Ordinal))
        {
            context.NotSupported(uri, uriText, ["https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"]);
        }
    }

    private static void StorageOs(ValidationContext context, Field source)
    {
        var name = source.Child("volumeName");
        if ((name.String ?? string.Empty).Length == 0)
        {
            context.Required(name);
        }
        else
        {
            context.Invalid(name, name.String!, Syntax.IsDns1123Label(name.String!));
        }

        var ns = source.Child("volumeNamespace");
        if (ns.String is { Length: > 0 } namespaceName)
        {
            context.Invalid(ns, namespaceName, Syntax.IsDns1123Label(namespaceName));
        }

        var secretRef = source.Child("secretRef");
        if (secretRef.IsSet && (secretRef.Child("name").String ?? string.Empty).Length == 0)
        {
            context.Required(secretRef.Child("name"));
        }
    }

    /// <summary><c>validateProjectedVolumeSource</c> and <c>validateProjectionSources</c>.</summary>
    private static void Projected(ValidationContext context, Field source, PodValidationOptions options)
    {
        FileMode(context, source.Child("defaultMode"));
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var projection in source.Child("sources").Items())
        {
            var count = 0;
            foreach (var key in new[] { "secret", "configMap" })
            {
                var item = projection.Child(key);
                if (!item.IsSet)
                {
                    continue;
                }

                count++;
                var name = item.Child("name").String ?? string.Empty;
                if (name.Length == 0)
                {
                    context.Required(item.Child("name"));
                }

                foreach (var keyToPath in item.Child("items").Items())
                {
                    KeyToPath(context, keyToPath);
                    if (keyToPath.Child("path").String is { Length: > 0 } path && !paths.Add(path))
                    {
                        context.Invalid(source, name, "conflicting duplicate paths");
                    }
                }
            }

            var downwardApi = projection.Child("downwardAPI");
            if (downwardApi.IsSet)
            {
                count++;
                foreach (var file in downwardApi.Child("items").Items())
                {
                    DownwardApiFile(context, file, downwardApi);
                    if (file.Child("path").String is { Length: > 0 } path && !paths.Add(path))
                    {
                        context.Invalid(source, path, "conflicting duplicate paths");
                    }
                }
            }

            var token = projection.Child("serviceAccountToken");
            if (token.IsSet)
            {
                count++;

                // SetDefaults_ServiceAccountTokenProjection: an hour.
                var expiration = token.Child("expirationSeconds");
                var seconds = expiration.Integer ?? 3600;
                if (seconds < 600)
                {
                    context.Invalid(expiration, seconds, "may not specify a duration less than 10 minutes");
                }

                if (seconds > 1L << 32)
                {
                    context.Invalid(expiration, seconds, "may not specify a duration larger than 2^32 seconds");
                }

                var path = token.Child("path");
                if ((path.String ?? string.Empty).Length == 0)
                {
                    context.Required(path.WithPath(source.Child("path")));
                }
                else
                {
                    PathValidation.LocalNonReserved(context, path.WithPath(source.Child("path")), path.String!);
                }
            }

            var bundle = projection.Child("clusterTrustBundle");
            if (bundle.IsSet && options.ClusterTrustBundleProjection)
            {
                count++;
                ClusterTrustBundle(context, bundle, source, paths);
            }

            if (count > 1)
            {
                context.Forbidden(projection, "may not specify more than 1 volume type per source");
            }
        }
    }

    private static void ClusterTrustBundle(ValidationContext context, Field bundle, Field source, HashSet<string> paths)
    {
        var name = bundle.Child("name");
        var signerName = bundle.Child("signerName");
        if (name.IsSet && signerName.IsSet)
        {
            context.Invalid(bundle, GoValue.Raw("core.ClusterTrustBundleProjection{...}"), "only one of name and signerName may be used");
        }
        else if (name.IsSet)
        {
            if ((name.String ?? string.Empty).Length == 0)
            {
                context.Required(name, "must be a valid object name");
            }

            if (bundle.Child("labelSelector").IsSet)
            {
                context.Invalid(bundle.Child("labelSelector"), GoValue.Raw(GoRender.LabelSelector(bundle.Child("labelSelector"))), "labelSelector must be unset if name is specified");
            }
        }
        else if (signerName.IsSet)
        {
            if ((signerName.String ?? string.Empty).Length == 0)
            {
                context.Required(signerName, "must be a valid signer name");
            }

            LabelSelectorValidation.Validate(context, bundle.Child("labelSelector"));
        }
        else
        {
            context.Required(bundle, "either name or signerName must be specified");
        }

        var path = bundle.Child("path");
        var pathText = path.String ?? string.Empty;
        if (pathText.Length == 0)
        {
            context.Required(path);
        }

        PathValidation.LocalNonReserved(context, path, pathText);
        if (!paths.Add(pathText))
        {
            context.Invalid(source, pathText, "conflicting duplicate paths");
        }
    }

    private static void Csi(ValidationContext context, Field source)
    {
        var driver = source.Child("driver");
        var driverName = driver.String ?? string.Empty;
        if (driverName.Length == 0)
        {
            context.Required(driver);
        }

        if (driverName.Length > 63)
        {
            context.TooLong(driver, 63);
        }

        context.Invalid(driver, driverName, Syntax.IsDns1123Subdomain(driverName.ToLowerInvariant()));
        var secretRef = source.Child("nodePublishSecretRef");
        if (secretRef.IsSet)
        {
            var secretName = secretRef.Child("name").String ?? string.Empty;
            if (secretName.Length == 0)
            {
                context.Required(secretRef.Child("name"));
            }
            else
            {
                // Upstream reports a bad secret name under csi.name.
                context.Invalid(secretRef.Child("name").WithPath(source.Child("name")), secretName, NameFunctions.NameIsDnsSubdomain(secretName, false));
            }
        }
    }

    private static void Ephemeral(ValidationContext context, Field source)
    {
        var template = source.Child("volumeClaimTemplate");
        if (!template.IsSet)
        {
            context.Required(template);
            return;
        }

        PersistentVolumeClaimSpecValidation.ValidateTemplate(context, template);
    }

    private static void Image(ValidationContext context, Field source, PodValidationOptions options)
    {
        var reference = source.Child("reference");
        if (options.ResourceIsPod && (reference.String ?? string.Empty).Length == 0)
        {
            context.Required(reference);
        }

        // SetDefaults_Volume defaults pullPolicy from the reference's tag, so it is never empty.
        var pullPolicy = source.Child("pullPolicy");
        if (pullPolicy.String is { Length: > 0 } policy)
        {
            ContainerValidation.PullPolicy(context, pullPolicy, policy);
        }
    }

    private static void RequiredAll(ValidationContext context, Field source, params string[] keys)
    {
        foreach (var key in keys)
        {
            var value = source.Child(key);
            if (value.Sequence is { Count: 0 } || (value.Sequence is null && (value.String ?? string.Empty).Length == 0))
            {
                context.Required(value);
            }
        }
    }
}
