namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// <c>ValidateVolumeMounts</c>, <c>ValidateVolumeDevices</c>, <c>validateMountPropagation</c> and
/// <c>validateMountRecursiveReadOnly</c> (pkg/apis/core/validation/validation.go). Several of these report under
/// the list's path rather than the mount's (<c>volumeMounts.subPath</c>), as upstream passes the list's path.
/// </summary>
internal static class VolumeMountValidation
{
    private static readonly string[] Propagations = ["Bidirectional", "HostToContainer", "None"];
    private static readonly string[] RecursiveReadOnlyModes = ["Disabled", "Enabled", "IfPossible"];

    /// <summary>The mounts and devices of one container against the pod's valid volumes.</summary>
    public static void Validate(ValidationContext context, Field container, Dictionary<string, VolumeValidation.Mountable> volumes, ISet<string> dropped, PodValidationOptions options)
    {
        var mounts = container.Child("volumeMounts");
        var devices = container.Child("volumeDevices");
        var mountPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mount in mounts.Items())
        {
            mountPaths[mount.Child("name").String ?? string.Empty] = mount.Child("mountPath").String ?? string.Empty;
        }

        var devicePaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in devices.Items())
        {
            devicePaths[device.Child("name").String ?? string.Empty] = device.Child("devicePath").String ?? string.Empty;
        }

        ValidateMounts(context, container, mounts, devicePaths, volumes, dropped, options);
        ValidateDevices(context, devices, mountPaths, volumes);
    }

    private static void ValidateMounts(
        ValidationContext context, Field container, Field mounts, Dictionary<string, string> devicePaths, Dictionary<string, VolumeValidation.Mountable> volumes, ISet<string> dropped, PodValidationOptions options)
    {
        var mountPoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in mounts.Items())
        {
            var name = mount.Child("name");
            var nameText = name.String ?? string.Empty;
            if (dropped.Contains(nameText))
            {
                // Mounts of image volumes are dropped with them while ImageVolume is off.
                continue;
            }

            if (nameText.Length == 0)
            {
                context.Required(name);
            }

            if (!volumes.ContainsKey(nameText))
            {
                context.NotFound(name, nameText);
            }

            var mountPath = mount.Child("mountPath");
            var pathText = mountPath.String ?? string.Empty;
            if (pathText.Length == 0)
            {
                context.Required(mountPath);
            }

            if (!mountPoints.Add(pathText))
            {
                context.Invalid(mountPath, pathText, "must be unique");
            }

            if (devicePaths.ContainsKey(nameText))
            {
                context.Invalid(name, nameText, "must not already exist in volumeDevices");
            }

            if (devicePaths.ContainsValue(pathText))
            {
                context.Invalid(mountPath, pathText, "must not already exist as a path in volumeDevices");
            }

            var subPath = mount.Child("subPath");
            var subPathExpr = mount.Child("subPathExpr");
            var subPathText = subPath.String ?? string.Empty;
            var subPathExprText = subPathExpr.String ?? string.Empty;
            if (volumes.TryGetValue(nameText, out var volume) && volume.IsImage)
            {
                if (subPathText.Length != 0)
                {
                    context.Invalid(subPath, subPathText, "not allowed in image volume sources");
                }

                if (subPathExprText.Length != 0)
                {
                    context.Invalid(subPathExpr, subPathExprText, "not allowed in image volume sources");
                }
            }

            if (subPathText.Length > 0)
            {
                PathValidation.LocalDescending(context, subPath.WithPath(mounts.Child("subPath")), subPathText);
            }

            if (subPathExprText.Length > 0)
            {
                if (subPathText.Length > 0)
                {
                    context.Invalid(subPathExpr, subPathExprText, "subPathExpr and subPath are mutually exclusive");
                }

                PathValidation.LocalDescending(context, subPathExpr.WithPath(mounts.Child("subPathExpr")), subPathExprText);
            }

            var propagation = mount.Child("mountPropagation");
            if (propagation.String is { } mode)
            {
                ValidatePropagation(context, propagation.WithPath(mounts.Child("mountPropagation")), mode, container);
            }

            if (options.RecursiveReadOnlyMounts)
            {
                ValidateRecursiveReadOnly(context, mount, mounts);
            }
        }
    }

    private static void ValidatePropagation(ValidationContext context, Field propagation, string mode, Field container)
    {
        if (Array.IndexOf(Propagations, mode) < 0)
        {
            context.NotSupported(propagation, mode, Propagations);
        }

        if (mode == "Bidirectional" && container.Child("securityContext", "privileged").Boolean != true)
        {
            context.Forbidden(propagation, "Bidirectional mount propagation is available only to privileged containers");
        }
    }

    private static void ValidateRecursiveReadOnly(ValidationContext context, Field mount, Field mounts)
    {
        var field = mount.Child("recursiveReadOnly");
        if (field.String is not { } mode)
        {
            return;
        }

        var reported = field.WithPath(mounts.Child("recursiveReadOnly"));
        switch (mode)
        {
            case "Disabled":
                break;
            case "Enabled" or "IfPossible":
                if (mount.Child("readOnly").Boolean != true)
                {
                    context.Forbidden(reported, "may only be specified when readOnly is true");
                }

                if (mount.Child("mountPropagation").String is { } propagation && propagation != "None")
                {
                    context.Forbidden(reported, "may only be specified when mountPropagation is None or not specified");
                }

                break;
            default:
                context.NotSupported(reported, mode, RecursiveReadOnlyModes);
                break;
        }
    }

    private static void ValidateDevices(ValidationContext context, Field devices, Dictionary<string, string> mountPaths, Dictionary<string, VolumeValidation.Mountable> volumes)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in devices.Items())
        {
            var name = device.Child("name");
            var nameText = name.String ?? string.Empty;
            var path = device.Child("devicePath");
            var pathText = path.String ?? string.Empty;
            var matched = volumes.TryGetValue(nameText, out var volume);
            if (nameText.Length == 0)
            {
                context.Required(name);
            }

            if (names.Contains(nameText))
            {
                context.Invalid(name, nameText, "must be unique");
            }

            if (matched && !volume!.IsClaim)
            {
                context.Invalid(name, nameText, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
            }

            if (!matched)
            {
                context.NotFound(name, nameText);
            }

            if (pathText.Length == 0)
            {
                context.Required(path);
            }

            if (paths.Contains(pathText))
            {
                context.Invalid(path, pathText, "must be unique");
            }

            if (pathText.Length > 0 && PathValidation.HasBacksteps(pathText))
            {
                context.Invalid(path, pathText, "can not contain backsteps ('..')");
            }
            else
            {
                paths.Add(pathText);
            }

            if (mountPaths.ContainsKey(nameText))
            {
                context.Invalid(name, nameText, "must not already exist in volumeMounts");
            }

            if (mountPaths.ContainsValue(pathText))
            {
                context.Invalid(path, pathText, "must not already exist as a path in volumeMounts");
            }

            if (nameText.Length > 0)
            {
                names.Add(nameText);
            }
        }
    }
}
