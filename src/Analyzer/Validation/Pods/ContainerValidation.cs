using System.Globalization;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// The container lists of a pod spec (pkg/apis/core/validation/validation.go): <c>validateContainers</c>,
/// <c>validateInitContainers</c>, <c>validateEphemeralContainers</c>, <c>validateContainerCommon</c>,
/// <c>validateContainerPorts</c>, <c>checkHostPortConflicts</c>, <c>validatePullPolicy</c>, <c>validateResizePolicy</c>
/// and the pod-only <c>validateContainerOnlyForPod</c>. <c>SetDefaults_Container</c> runs first: an empty
/// imagePullPolicy, terminationMessagePolicy or port protocol takes its default, so none is ever required.
/// </summary>
internal static class ContainerValidation
{
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] TerminationMessagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];
    private static readonly string[] ResizeResources = ["cpu", "memory"];
    private static readonly string[] ResizePolicies = ["NotRequired", "RestartContainer"];

    /// <summary>The fields <c>allowedEphemeralContainerFields</c> refuses, in EphemeralContainerCommon's field order.</summary>
    private static readonly string[] EphemeralForbidden = ["ports", "resources", "resizePolicy", "restartPolicy", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle"];

    /// <summary>What every container check needs from its pod spec.</summary>
    internal sealed record Pod(
        Dictionary<string, VolumeValidation.Mountable> Volumes,
        HashSet<string> DroppedVolumes,
        HashSet<string> ClaimNames,
        long? GracePeriod,
        string RestartPolicy,
        bool HostUsers,
        bool HostNetwork,
        PodValidationOptions Options);

    /// <summary><c>validateContainers</c>.</summary>
    public static void ValidateContainers(ValidationContext context, Field containers, Pod pod)
    {
        if (containers.Count == 0)
        {
            context.Required(containers);
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers.Items())
        {
            ValidateCommon(context, container, pod);
            var name = container.Child("name");
            if (!names.Add(name.String ?? string.Empty))
            {
                context.Duplicate(name, name.String ?? string.Empty);
            }

            ProbeValidation.ValidateProbesAndLifecycle(context, container, pod.GracePeriod, pod.Options);
            if (container.Child("restartPolicy").IsSet)
            {
                context.Forbidden(container.Child("restartPolicy"), "may not be set for non-init containers");
            }
        }

        CheckHostPortConflicts(context, containers.Items(), pod);
    }

    /// <summary><c>validateInitContainers</c>: names unique across init and regular containers, sidecars may have probes.</summary>
    public static void ValidateInitContainers(ValidationContext context, Field initContainers, Field containers, Pod pod)
    {
        var names = new HashSet<string>(containers.Items().Select(c => c.Child("name").String ?? string.Empty), StringComparer.Ordinal);
        foreach (var container in initContainers.Items())
        {
            ValidateCommon(context, container, pod);
            var restartPolicy = container.Child("restartPolicy");
            var restartAlways = false;
            if (pod.Options.SidecarContainers && restartPolicy.String is { } policy)
            {
                if (policy != "Always")
                {
                    context.NotSupported(restartPolicy, policy, ["Always"]);
                }

                restartAlways = policy == "Always";
            }

            var name = container.Child("name");
            var nameText = name.String ?? string.Empty;
            if (names.Contains(nameText))
            {
                context.Duplicate(name, nameText);
            }
            else if (nameText.Length > 0)
            {
                names.Add(nameText);
            }

            // Init containers run one by one, so each is checked for host port conflicts on its own.
            CheckHostPortConflicts(context, [container], pod, initContainers);
            if (restartAlways)
            {
                ProbeValidation.ValidateProbesAndLifecycle(context, container, pod.GracePeriod, pod.Options);
            }
            else
            {
                foreach (var key in new[] { "lifecycle", "livenessProbe", "readinessProbe", "startupProbe" })
                {
                    if (container.Child(key).IsSet)
                    {
                        context.Forbidden(container.Child(key), "may not be set for init containers without restartPolicy=Always");
                    }
                }
            }

            var resizePolicy = container.Child("resizePolicy");
            if (pod.Options.ResizePolicy && resizePolicy.Count > 0)
            {
                context.Invalid(resizePolicy, GoValue.Raw(ResizePolicyText(resizePolicy)), "must not be set for init containers");
            }
        }
    }

    /// <summary><c>validateEphemeralContainers</c>.</summary>
    public static void ValidateEphemeralContainers(ValidationContext context, Field ephemeralContainers, Field containers, Field initContainers, Pod pod)
    {
        if (ephemeralContainers.Count == 0)
        {
            return;
        }

        var others = new HashSet<string>(
            containers.Items().Concat(initContainers.Items()).Select(c => c.Child("name").String ?? string.Empty),
            StringComparer.Ordinal);
        var all = new HashSet<string>(others, StringComparer.Ordinal);
        foreach (var container in ephemeralContainers.Items())
        {
            ValidateCommon(context, container, pod);
            ValidateOnlyForPod(context, container);
            var name = container.Child("name");
            if (!all.Add(name.String ?? string.Empty))
            {
                context.Duplicate(name, name.String ?? string.Empty);
            }

            var target = container.Child("targetContainerName");
            if (target.String is { Length: > 0 } targetName && !others.Contains(targetName))
            {
                context.NotFound(target, targetName);
            }

            foreach (var key in EphemeralForbidden)
            {
                // resources is a struct (an empty one is Go's zero value); the others are pointers and lists.
                if (key == "resources" ? IsNonZero(container.Child(key)) : container.Child(key).IsSet)
                {
                    context.Forbidden(container.Child(key), "cannot be set for an Ephemeral Container");
                }
            }

            foreach (var mount in container.Child("volumeMounts").Items())
            {
                foreach (var key in new[] { "subPath", "subPathExpr" })
                {
                    if (mount.Child(key).String is { Length: > 0 })
                    {
                        context.Forbidden(mount.Child(key), "cannot be set for an Ephemeral Container");
                    }
                }
            }
        }
    }

    /// <summary><c>validateContainerOnlyForPod</c>: what a Pod's containers must meet beyond a template's.</summary>
    public static void ValidateOnlyForPod(ValidationContext context, Field container)
    {
        var image = container.Child("image");
        if (image.String is { } text && text.Length != text.Trim().Length)
        {
            context.Invalid(image, text, "must not have leading or trailing whitespace");
        }
    }

    /// <summary><c>validatePullPolicy</c> for a written policy (an empty one is defaulted).</summary>
    public static void PullPolicy(ValidationContext context, Field field, string policy)
    {
        if (Array.IndexOf(PullPolicies, policy) < 0)
        {
            context.NotSupported(field, policy, PullPolicies);
        }
    }

    /// <summary><c>validateContainerCommon</c>.</summary>
    private static void ValidateCommon(ValidationContext context, Field container, Pod pod)
    {
        var name = container.Child("name");
        var nameText = name.String ?? string.Empty;
        if (nameText.Length == 0)
        {
            context.Required(name);
        }
        else
        {
            context.Invalid(name, nameText, Syntax.IsDns1123Label(nameText));
        }

        if ((container.Child("image").String ?? string.Empty).Length == 0)
        {
            context.Required(container.Child("image"));
        }

        var messagePolicy = container.Child("terminationMessagePolicy");
        if (messagePolicy.String is { Length: > 0 } policy && Array.IndexOf(TerminationMessagePolicies, policy) < 0)
        {
            context.NotSupported(messagePolicy, policy, TerminationMessagePolicies);
        }

        ValidatePorts(context, container.Child("ports"));
        EnvValidation.ValidateEnv(context, container.Child("env"), pod.Options);
        EnvValidation.ValidateEnvFrom(context, container.Child("envFrom"), pod.Options);
        VolumeMountValidation.Validate(context, container, pod.Volumes, pod.DroppedVolumes, pod.Options);
        var pullPolicy = container.Child("imagePullPolicy");
        if (pullPolicy.String is { Length: > 0 } pull)
        {
            PullPolicy(context, pullPolicy, pull);
        }

        ResourceRequirementsValidation.ValidateContainer(context, container.Child("resources"), pod.ClaimNames, pod.Options);
        if (pod.Options.ResizePolicy)
        {
            ValidateResizePolicy(context, container.Child("resizePolicy"), pod.RestartPolicy);
        }

        SecurityContextValidation.ValidateContainer(context, container.Child("securityContext"), pod.HostUsers, pod.Options);
    }

    /// <summary><c>validateContainerPorts</c>.</summary>
    private static void ValidatePorts(ValidationContext context, Field ports)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in ports.Items())
        {
            var name = port.Child("name");
            if (name.String is { Length: > 0 } nameText)
            {
                var problems = Syntax.IsValidPortName(nameText);
                if (problems.Count > 0)
                {
                    context.Invalid(name, nameText, problems);
                }
                else if (!names.Add(nameText))
                {
                    context.Duplicate(name, nameText);
                }
            }

            var containerPort = port.Child("containerPort");
            var number = GoRender.Int32(containerPort);
            if (number == 0)
            {
                context.Required(containerPort);
            }
            else
            {
                context.Invalid(containerPort, number, Syntax.IsValidPortNum(number));
            }

            var hostPort = port.Child("hostPort");
            if (GoRender.Int32(hostPort) is var host && host != 0)
            {
                context.Invalid(hostPort, host, Syntax.IsValidPortNum(host));
            }

            var protocol = port.Child("protocol");
            if (protocol.String is { Length: > 0 } protocolText && Array.IndexOf(Protocols, protocolText) < 0)
            {
                context.NotSupported(protocol, protocolText, Protocols);
            }
        }
    }

    /// <summary>
    /// <c>checkHostPortConflicts</c>: the same protocol, host IP and host port twice. A Pod on the host network has
    /// its unset host ports defaulted to the container ports first (<c>SetDefaults_Pod</c>).
    /// </summary>
    private static void CheckHostPortConflicts(ValidationContext context, IEnumerable<Field> containers, Pod pod, Field? list = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            var index = 0;
            foreach (var port in container.Child("ports").Items())
            {
                var portIndex = index++;
                var hostPort = GoRender.Int32(port.Child("hostPort"));
                if (hostPort == 0 && pod.HostNetwork && pod.Options.ResourceIsPod)
                {
                    hostPort = GoRender.Int32(port.Child("containerPort"));
                }

                if (hostPort == 0)
                {
                    continue;
                }

                var protocol = port.Child("protocol").String is { Length: > 0 } written ? written : "TCP";
                var key = protocol + "/" + (port.Child("hostIP").String ?? string.Empty) + "/" + hostPort.ToString(CultureInfo.InvariantCulture);
                if (!seen.Add(key))
                {
                    // Init containers are checked one at a time, each as a list of one, so upstream reports them
                    // all as initContainers[0].
                    var reported = port.Child("hostPort");
                    context.Duplicate(list is null ? reported : reported.WithPath(list.Item(0).Child("ports").Item(portIndex).Child("hostPort")), key);
                }
            }
        }
    }

    /// <summary><c>validateResizePolicy</c>: its errors name the list, except duplicates.</summary>
    private static void ValidateResizePolicy(ValidationContext context, Field policies, string podRestartPolicy)
    {
        var resources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies.Items())
        {
            var resource = policy.Child("resourceName").String ?? string.Empty;
            if (!resources.Add(resource))
            {
                context.Duplicate(policy, GoValue.Raw(resource));
            }

            if (resource.Length == 0)
            {
                context.Report(policies, FieldErrorType.Required, GoValue.Omit, string.Empty, at: policy.Anchor);
            }
            else if (Array.IndexOf(ResizeResources, resource) < 0)
            {
                context.Report(policies, FieldErrorType.NotSupported, GoValue.Raw(resource), SupportedValues(ResizeResources), at: policy.Child("resourceName").Anchor);
            }

            var restart = policy.Child("restartPolicy").String ?? string.Empty;
            if (restart.Length == 0)
            {
                context.Report(policies, FieldErrorType.Required, GoValue.Omit, string.Empty, at: policy.Anchor);
            }
            else if (Array.IndexOf(ResizePolicies, restart) < 0)
            {
                context.Report(policies, FieldErrorType.NotSupported, restart, SupportedValues(ResizePolicies), at: policy.Child("restartPolicy").Anchor);
            }

            if (podRestartPolicy == "Never" && restart != "NotRequired")
            {
                context.Report(policies, FieldErrorType.Invalid, restart, "must be 'NotRequired' when `restartPolicy` is 'Never'", at: policy.Child("restartPolicy").Anchor);
            }
        }
    }

    private static string SupportedValues(IEnumerable<string> values) => "supported values: " + string.Join(", ", values.Select(GoValue.Quote));

    private static string ResizePolicyText(Field policies)
        => "[]core.ContainerResizePolicy{" + string.Join(", ", policies.Items().Select(p =>
            $"core.ContainerResizePolicy{{ResourceName:{GoValue.Quote(p.Child("resourceName").String ?? string.Empty)}, RestartPolicy:{GoValue.Quote(p.Child("restartPolicy").String ?? string.Empty)}}}")) + "}";

    /// <summary>Whether a field differs from Go's zero value: a set pointer or list, a struct with some member set.</summary>
    private static bool IsNonZero(Field field)
        => field.Node switch
        {
            null => false,
            Yaml.YamlMapping => field.Entries().Any(e => e.Value.IsSet && (e.Value.Mapping is null || e.Value.Count > 0)),
            _ => true,
        };
}
