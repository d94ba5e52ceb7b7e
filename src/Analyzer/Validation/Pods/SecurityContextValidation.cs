using System.Text.RegularExpressions;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// Security contexts of pkg/apis/core/validation/validation.go: <c>validatePodSpecSecurityContext</c>,
/// <c>validateSysctls</c>, <c>ValidateHostSysctl</c>, <c>ValidateSecurityContext</c>, <c>validateSeccompProfileField</c>,
/// <c>ValidateAppArmorProfileField</c>, <c>validateWindowsSecurityContextOptions</c>, <c>validateHostUsers</c>,
/// <c>validateWindowsHostProcessPod</c>, and the OS-specific <c>validateOS</c>, <c>validateLinux</c> and
/// <c>validateWindows</c>. The internal API keeps hostNetwork, hostPID, hostIPC and shareProcessNamespace in the pod
/// security context, so some messages name <c>securityContext.shareProcessNamespace</c> for a field written on the
/// spec. Privileged containers are taken to be allowed (<c>--allow-privileged=true</c>, as every distribution sets).
/// </summary>
internal static class SecurityContextValidation
{
    private const string SysctlPattern = @"^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
    private const string WindowsPod = "cannot be set for a windows pod";

    private static readonly Regex Sysctl = new(SysctlPattern.Replace("$", @"\z"), RegexOptions.CultureInvariant);
    private static readonly Regex NetBiosDomain = new(@"^[^\\/:\*\?""<>|\.][^\\/:\*\?""<>|]{0,14}\z", RegexOptions.CultureInvariant);
    private static readonly Regex DnsDomain = new(@"^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\z", RegexOptions.CultureInvariant);
    private static readonly Regex UserNameChars = new(@"[""/\\:;|=,\+\*\?<>@\[\]]", RegexOptions.CultureInvariant);
    private static readonly Regex DotsOrSpaces = new(@"^[\. ]+\z", RegexOptions.CultureInvariant);
    private static readonly string[] SeccompTypes = ["Localhost", "RuntimeDefault", "Unconfined"];
    private static readonly string[] FsGroupChangePolicies = ["Always", "OnRootMismatch"];
    private static readonly string[] SupplementalGroupsPolicies = ["Merge", "Strict"];
    private static readonly string[] ProcMounts = ["Default", "Unmasked"];
    private static readonly string[] OperatingSystems = ["linux", "windows"];

    /// <summary>Whether the pod shares the host's user namespace: hostUsers is true unless set to false (and kept by its gate).</summary>
    public static bool HostUsers(Field spec, PodValidationOptions options)
        => !options.HostUsers || spec.Child("hostUsers").Boolean != false;

    /// <summary><c>validatePodSpecSecurityContext</c>.</summary>
    public static void ValidatePod(ValidationContext context, Field spec, PodValidationOptions options)
    {
        var sc = spec.Child("securityContext");
        GroupId(context, sc.Child("fsGroup"));
        UserId(context, sc.Child("runAsUser"));
        GroupId(context, sc.Child("runAsGroup"));
        foreach (var group in sc.Child("supplementalGroups").Items())
        {
            GroupId(context, group);
        }

        var share = spec.Child("shareProcessNamespace");
        if (share.Boolean == true && spec.Child("hostPID").Boolean == true)
        {
            context.Invalid(share.WithPath(sc.Child("shareProcessNamespace")), true, "ShareProcessNamespace and HostPID cannot both be enabled");
        }

        ValidateSysctls(context, spec, sc.Child("sysctls"));
        var fsGroupChangePolicy = sc.Child("fsGroupChangePolicy");
        if (fsGroupChangePolicy.String is { } changePolicy && Array.IndexOf(FsGroupChangePolicies, changePolicy) < 0)
        {
            context.NotSupported(fsGroupChangePolicy, changePolicy, FsGroupChangePolicies);
        }

        Seccomp(context, sc.Child("seccompProfile"));
        WindowsOptions(context, sc.Child("windowsOptions"));
        if (options.AppArmorFields)
        {
            AppArmor(context, sc.Child("appArmorProfile"));
        }

        var supplementalPolicy = sc.Child("supplementalGroupsPolicy");
        if (options.SupplementalGroupsPolicy && supplementalPolicy.String is { } groupsPolicy && Array.IndexOf(SupplementalGroupsPolicies, groupsPolicy) < 0)
        {
            context.NotSupported(supplementalPolicy, groupsPolicy, SupplementalGroupsPolicies);
        }

        var seLinuxChangePolicy = sc.Child("seLinuxChangePolicy");
        if (options.SeLinuxChangePolicy && seLinuxChangePolicy.String is { } seLinuxPolicy)
        {
            string[] allowed = options.AllowOnlyRecursiveSeLinuxChangePolicy ? ["Recursive"] : ["MountOption", "Recursive"];
            if (Array.IndexOf(allowed, seLinuxPolicy) < 0)
            {
                context.NotSupported(seLinuxChangePolicy, seLinuxPolicy, allowed);
            }
        }
    }

    /// <summary><c>ValidateSecurityContext</c> of one container.</summary>
    public static void ValidateContainer(ValidationContext context, Field sc, bool hostUsers, PodValidationOptions options)
    {
        if (!sc.IsSet)
        {
            return;
        }

        UserId(context, sc.Child("runAsUser"));
        GroupId(context, sc.Child("runAsGroup"));
        var procMount = sc.Child("procMount");

        // dropDisabledProcMountField: while ProcMountType is off a written procMount is reset to Default.
        if (options.ProcMountType && procMount.String is { } mount)
        {
            if (Array.IndexOf(ProcMounts, mount) < 0)
            {
                context.NotSupported(procMount, mount, ProcMounts);
            }

            if (hostUsers && mount == "Unmasked")
            {
                context.Invalid(procMount, mount, "`hostUsers` must be false to use `Unmasked`");
            }
        }

        Seccomp(context, sc.Child("seccompProfile"));
        if (sc.Child("allowPrivilegeEscalation").Boolean == false)
        {
            if (sc.Child("privileged").Boolean == true)
            {
                context.Invalid(sc, GoValue.Raw(SecurityContextText(sc)), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
            }

            foreach (var capability in sc.Child("capabilities", "add").Items())
            {
                if (capability.String == "CAP_SYS_ADMIN")
                {
                    context.Invalid(sc, GoValue.Raw(SecurityContextText(sc)), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
                }
            }
        }

        WindowsOptions(context, sc.Child("windowsOptions"));
        if (options.AppArmorFields)
        {
            AppArmor(context, sc.Child("appArmorProfile"));
        }
    }

    /// <summary><c>validateHostUsers</c>: a pod in its own user namespace may not share the host's network, PID or IPC namespace.</summary>
    public static void ValidateHostUsers(ValidationContext context, Field spec, PodValidationOptions options)
    {
        if (HostUsers(spec, options))
        {
            return;
        }

        // Upstream names HostPID and HostIPC with capitals here.
        foreach (var (key, path) in new[] { ("hostNetwork", "hostNetwork"), ("hostPID", "HostPID"), ("hostIPC", "HostIPC") })
        {
            if (spec.Child(key).Boolean == true)
            {
                context.Forbidden(spec.Child(key).WithPath(spec.Child(path)), "when `pod.Spec.HostUsers` is false");
            }
        }
    }

    /// <summary><c>validateWindowsHostProcessPod</c>: all containers or none are host processes, on the host network.</summary>
    public static void ValidateWindowsHostProcess(ValidationContext context, Field spec)
    {
        var podHostProcess = spec.Child("securityContext", "windowsOptions", "hostProcess").Boolean;
        var containers = 0;
        var hostProcess = 0;
        foreach (var container in PodSpecValidation.AllContainers(spec))
        {
            containers++;
            var field = container.Child("securityContext", "windowsOptions", "hostProcess");
            var own = field.Boolean;
            if (podHostProcess is { } pod && own is { } value && pod != value)
            {
                context.Invalid(field, value, $"pod hostProcess value must be identical if both are specified, was {(pod ? "true" : "false")}");
            }

            if (own == true || (own is null && podHostProcess == true))
            {
                hostProcess++;
            }
        }

        if (hostProcess == 0)
        {
            return;
        }

        if (hostProcess != containers)
        {
            context.Invalid(spec, string.Empty, "If pod contains any hostProcess containers then all containers must be HostProcess containers");
        }

        var hostNetwork = spec.Child("hostNetwork");
        if (hostNetwork.Boolean != true)
        {
            context.Invalid(hostNetwork, false, "hostNetwork must be true if pod contains any hostProcess containers");
        }
    }

    /// <summary><c>validateOS</c>, then <c>validateLinux</c> or <c>validateWindows</c> for a valid name.</summary>
    public static void ValidateOs(ValidationContext context, Field spec, PodValidationOptions options)
    {
        var os = spec.Child("os");
        if (!os.IsSet)
        {
            return;
        }

        var name = os.Child("name").String ?? string.Empty;
        if (name.Length == 0)
        {
            context.Required(os.Child("name"), "cannot be empty");
            return;
        }

        if (Array.IndexOf(OperatingSystems, name) < 0)
        {
            context.NotSupported(os.Child("name").WithPath(os), name, OperatingSystems);
        }
        else if (name == "linux")
        {
            ValidateLinux(context, spec);
        }
        else
        {
            ValidateWindows(context, spec, options);
        }
    }

    private static void ValidateLinux(ValidationContext context, Field spec)
    {
        const string Message = "windows options cannot be set for a linux pod";
        var options = spec.Child("securityContext", "windowsOptions");
        if (options.IsSet)
        {
            context.Forbidden(options, Message);
        }

        foreach (var container in PodSpecValidation.AllContainers(spec))
        {
            var containerOptions = container.Child("securityContext", "windowsOptions");
            if (containerOptions.IsSet)
            {
                context.Forbidden(containerOptions, Message);
            }
        }
    }

    private static void ValidateWindows(ValidationContext context, Field spec, PodValidationOptions options)
    {
        // SetDefaults_PodSpec always creates the pod security context, which holds the host namespace fields.
        var sc = spec.Child("securityContext");
        ForbidSet(context, sc, "appArmorProfile", "seLinuxOptions");
        if (options.HostUsers && spec.Child("hostUsers").IsSet)
        {
            context.Forbidden(spec.Child("hostUsers"), WindowsPod);
        }

        foreach (var key in new[] { "hostPID", "hostIPC" })
        {
            if (spec.Child(key).Boolean == true)
            {
                context.Forbidden(spec.Child(key), WindowsPod);
            }
        }

        ForbidSet(context, sc, "seccompProfile", "fsGroup", "fsGroupChangePolicy");
        if (sc.Child("sysctls").Count > 0)
        {
            context.Forbidden(sc.Child("sysctls"), WindowsPod);
        }

        if (spec.Child("shareProcessNamespace").IsSet)
        {
            context.Forbidden(spec.Child("shareProcessNamespace"), WindowsPod);
        }

        ForbidSet(context, sc, "runAsUser", "runAsGroup", "supplementalGroups");
        if (options.SupplementalGroupsPolicy)
        {
            ForbidSet(context, sc, "supplementalGroupsPolicy");
        }

        if (options.SeLinuxChangePolicy)
        {
            ForbidSet(context, sc, "seLinuxChangePolicy");
        }

        foreach (var container in PodSpecValidation.AllContainers(spec))
        {
            var containerSc = container.Child("securityContext");
            if (!containerSc.IsSet)
            {
                continue;
            }

            ForbidSet(context, containerSc, "appArmorProfile", "seLinuxOptions", "seccompProfile", "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation");
            if (options.ProcMountType)
            {
                ForbidSet(context, containerSc, "procMount");
            }

            ForbidSet(context, containerSc, "runAsUser", "runAsGroup");
        }
    }

    private static void ForbidSet(ValidationContext context, Field sc, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (sc.Child(key).IsSet)
            {
                context.Forbidden(sc.Child(key), WindowsPod);
            }
        }
    }

    private static void UserId(ValidationContext context, Field id)
    {
        if (id.Integer is { } value)
        {
            context.Invalid(id, value, Syntax.IsValidUserId(value));
        }
    }

    private static void GroupId(ValidationContext context, Field id)
    {
        if (id.Integer is { } value)
        {
            context.Invalid(id, value, Syntax.IsValidGroupId(value));
        }
    }

    /// <summary><c>validateSysctls</c> with <c>ValidateHostSysctl</c>.</summary>
    private static void ValidateSysctls(ValidationContext context, Field spec, Field sysctls)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sysctl in sysctls.Items())
        {
            var name = sysctl.Child("name");
            var text = name.String ?? string.Empty;
            if (text.Length == 0)
            {
                context.Required(name);
            }
            else if (text.Length > 253 || !Sysctl.IsMatch(text))
            {
                context.Invalid(name, text, $"must have at most 253 characters and match regex {SysctlPattern}");
            }
            else if (names.Contains(text))
            {
                context.Duplicate(name, text);
            }

            var ns = SysctlNamespace(text);
            if (spec.Child("hostNetwork").Boolean == true && ns == "net")
            {
                context.Invalid(name, text, "may not be specified when 'hostNetwork' is true");
            }
            else if (spec.Child("hostIPC").Boolean == true && ns == "ipc")
            {
                context.Invalid(name, text, "may not be specified when 'hostIPC' is true");
            }

            names.Add(text);
        }
    }

    /// <summary>pkg/kubelet sysctl's <c>GetNamespace</c>: "net" for net.*, "ipc" for the System V IPC and mqueue sysctls.</summary>
    private static string SysctlNamespace(string sysctl)
    {
        var normalized = sysctl;
        var firstSeparator = sysctl.IndexOfAny(['.', '/']);
        if (firstSeparator >= 0 && sysctl[firstSeparator] == '/')
        {
            normalized = new string(sysctl.Select(c => c == '/' ? '.' : c == '.' ? '/' : c).ToArray());
        }

        if (normalized == "kernel.sem" || normalized.StartsWith("kernel.shm", StringComparison.Ordinal)
            || normalized.StartsWith("kernel.msg", StringComparison.Ordinal) || normalized.StartsWith("fs.mqueue.", StringComparison.Ordinal))
        {
            return "ipc";
        }

        return normalized.StartsWith("net.", StringComparison.Ordinal) ? "net" : string.Empty;
    }

    /// <summary><c>validateSeccompProfileField</c>.</summary>
    private static void Seccomp(ValidationContext context, Field profile)
    {
        if (!profile.IsSet)
        {
            return;
        }

        var type = profile.Child("type");
        var typeText = type.String ?? string.Empty;
        if (typeText.Length == 0)
        {
            context.Required(type, "type is required when seccompProfile is set");
        }
        else if (Array.IndexOf(SeccompTypes, typeText) < 0)
        {
            context.NotSupported(type, typeText, SeccompTypes);
        }

        var localhost = profile.Child("localhostProfile");
        if (typeText == "Localhost")
        {
            if (localhost.String is not { } path)
            {
                context.Required(localhost, "must be set when seccomp type is Localhost");
            }
            else
            {
                PathValidation.LocalDescending(context, localhost, path);
            }
        }
        else if (localhost.IsSet)
        {
            var text = $"core.SeccompProfile{{Type:{GoValue.Quote(typeText)}, LocalhostProfile:{GoRender.Pointer("string", localhost)}}}";
            context.Invalid(localhost, GoValue.Raw(text), "can only be set when seccomp type is Localhost");
        }
    }

    /// <summary><c>ValidateAppArmorProfileField</c>.</summary>
    private static void AppArmor(ValidationContext context, Field profile)
    {
        if (!profile.IsSet)
        {
            return;
        }

        var type = profile.Child("type");
        var localhost = profile.Child("localhostProfile");
        switch (type.String ?? string.Empty)
        {
            case "Localhost":
                if (localhost.String is not { } path)
                {
                    context.Required(localhost, "must be set when AppArmor type is Localhost");
                }
                else
                {
                    if (path.Trim() != path)
                    {
                        context.Invalid(localhost, path, "must not be padded with whitespace");
                    }
                    else if (path.Length == 0)
                    {
                        context.Required(localhost, "must be set when AppArmor type is Localhost");
                    }

                    if (System.Text.Encoding.UTF8.GetByteCount(path) > 4095)
                    {
                        context.TooLong(localhost, 4095);
                    }
                }

                break;
            case "RuntimeDefault" or "Unconfined":
                if (localhost.String is { } set)
                {
                    context.Invalid(localhost, set, "can only be set when AppArmor type is Localhost");
                }

                break;
            case "":
                context.Required(type, "type is required when appArmorProfile is set");
                break;
            default:
                context.NotSupported(type, type.String!, SeccompTypes);
                break;
        }
    }

    /// <summary><c>validateWindowsSecurityContextOptions</c>.</summary>
    private static void WindowsOptions(ValidationContext context, Field options)
    {
        if (!options.IsSet)
        {
            return;
        }

        var specName = options.Child("gmsaCredentialSpecName");
        if (specName.String is { } name)
        {
            context.Invalid(specName, name, Syntax.IsDns1123Subdomain(name));
        }

        var spec = options.Child("gmsaCredentialSpec");
        if (spec.String is { } credential)
        {
            if (credential.Length == 0)
            {
                context.Invalid(spec, credential, "gmsaCredentialSpec cannot be an empty string");
            }
            else if (System.Text.Encoding.UTF8.GetByteCount(credential) > 64 * 1024)
            {
                context.Invalid(spec, credential, "gmsaCredentialSpec size must be under 64 KiB");
            }
        }

        var userName = options.Child("runAsUserName");
        if (userName.String is { } user)
        {
            foreach (var problem in RunAsUserNameProblems(user))
            {
                context.Invalid(userName, user, problem);
            }
        }
    }

    private static IEnumerable<string> RunAsUserNameProblems(string name)
    {
        if (name.Length == 0)
        {
            yield return "runAsUserName cannot be an empty string";
            yield break;
        }

        if (name.Any(char.IsControl))
        {
            yield return "runAsUserName cannot contain control characters";
            yield break;
        }

        var parts = name.Split('\\');
        if (parts.Length > 2)
        {
            yield return "runAsUserName cannot contain more than one backslash";
            yield break;
        }

        var hasDomain = parts.Length == 2;
        var domain = hasDomain ? parts[0] : string.Empty;
        var user = hasDomain ? parts[1] : parts[0];
        if (domain.Length >= 256)
        {
            yield return "runAsUserName's Domain length must be under 256 characters";
        }

        if (hasDomain && !(NetBiosDomain.IsMatch(domain) || DnsDomain.IsMatch(domain)))
        {
            yield return "runAsUserName's Domain doesn't match the NetBios nor the DNS format";
        }

        if (user.Length == 0)
        {
            yield return "runAsUserName's User cannot be empty";
        }
        else if (user.Length > 104)
        {
            yield return "runAsUserName's User length must not be longer than 104 characters";
        }

        if (DotsOrSpaces.IsMatch(user))
        {
            yield return "runAsUserName's User cannot contain only periods or spaces";
        }

        if (UserNameChars.IsMatch(user))
        {
            yield return "runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]";
        }
    }

    /// <summary>The <c>%#v</c> of a container security context; its set pointers print as <c>(...)</c>.</summary>
    private static string SecurityContextText(Field sc)
        => "core.SecurityContext{"
            + $"Capabilities:{GoRender.Pointer("core.Capabilities", sc.Child("capabilities"))}, "
            + $"Privileged:{GoRender.Pointer("bool", sc.Child("privileged"))}, "
            + $"SELinuxOptions:{GoRender.Pointer("core.SELinuxOptions", sc.Child("seLinuxOptions"))}, "
            + $"WindowsOptions:{GoRender.Pointer("core.WindowsSecurityContextOptions", sc.Child("windowsOptions"))}, "
            + $"RunAsUser:{GoRender.Pointer("int64", sc.Child("runAsUser"))}, "
            + $"RunAsGroup:{GoRender.Pointer("int64", sc.Child("runAsGroup"))}, "
            + $"RunAsNonRoot:{GoRender.Pointer("bool", sc.Child("runAsNonRoot"))}, "
            + $"ReadOnlyRootFilesystem:{GoRender.Pointer("bool", sc.Child("readOnlyRootFilesystem"))}, "
            + $"AllowPrivilegeEscalation:{GoRender.Pointer("bool", sc.Child("allowPrivilegeEscalation"))}, "
            + $"ProcMount:{GoRender.Pointer("core.ProcMountType", sc.Child("procMount"))}, "
            + $"SeccompProfile:{GoRender.Pointer("core.SeccompProfile", sc.Child("seccompProfile"))}, "
            + $"AppArmorProfile:{GoRender.Pointer("core.AppArmorProfile", sc.Child("appArmorProfile"))}}}";
}
