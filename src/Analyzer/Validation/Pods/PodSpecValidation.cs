using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// <c>ValidatePodSpec</c> and <c>ValidatePodTemplateSpec</c> (pkg/apis/core/validation/validation.go), after
/// <c>SetDefaults_PodSpec</c> (restartPolicy Always, dnsPolicy ClusterFirst, terminationGracePeriodSeconds 30) and
/// with the fields of disabled feature gates dropped (<see cref="PodValidationOptions"/>). The pod defaults are
/// applied where each value is read (an absent or empty value, Go's zero, takes its default) rather than laid into
/// the view: a pod spec has dozens of defaulted members and no other validation reads them. The parts live beside it,
/// one file per upstream function group; this file holds the pod-level fields and the order upstream checks them in.
/// </summary>
internal static class PodSpecValidation
{
    private const long DefaultTerminationGracePeriod = 30;

    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] PreemptionPolicies = ["PreemptLowerPriority", "Never"];

    /// <summary>The pod's restart policy after defaulting.</summary>
    public static string RestartPolicy(Field spec) => spec.Child("restartPolicy").String is { Length: > 0 } policy ? policy : "Always";

    /// <summary>Every container as <c>VisitContainersWithPath</c> visits them: init containers, containers, ephemeral containers.</summary>
    public static IEnumerable<Field> AllContainers(Field spec)
        => spec.Child("initContainers").Items().Concat(spec.Child("containers").Items()).Concat(spec.Child("ephemeralContainers").Items());

    /// <summary>
    /// <c>ValidatePodTemplateSpec</c>: the template's annotations (named <c>template.annotations</c>, without
    /// "metadata", as upstream does), its spec, and the annotation and field consistency; labels are checked by
    /// schema validation. Options for a Pod validate the template as the pod a StatefulSet creates from it, named <paramref name="podName"/>.
    /// </summary>
    public static void ValidateTemplate(ValidationContext context, Field template, PodValidationOptions options, string podName = "", IEnumerable<string>? claimVolumes = null)
    {
        var annotations = TemplateAnnotations(template);
        var spec = template.Child("spec");
        if (!options.ResourceIsPod)
        {
            // A StatefulSet validates its template's annotations itself, on create; this validates its pods.
            ValidateTemplateAnnotations(context, template);
        }

        Validate(context, spec, podName, options, claimVolumes);
        PodAnnotationsValidation.ValidateFieldsMatch(context, annotations, spec, options);
        var ephemeral = spec.Child("ephemeralContainers");
        if (ephemeral.Count > 0)
        {
            context.Forbidden(ephemeral, options.ResourceIsPod ? "cannot be set on create" : "ephemeral containers not allowed in pod template");
        }

        if (options.ResourceIsPod)
        {
            ValidateOnlyForPod(context, spec);
        }
    }

    /// <summary>A template's annotations, named <c>template.annotations</c> as <c>ValidatePodTemplateSpec</c> names them.</summary>
    public static Field TemplateAnnotations(Field template) => template.Child("metadata", "annotations").WithPath(template.Child("annotations"));

    /// <summary><c>ValidateAnnotations</c> and <c>ValidatePodSpecificAnnotations</c> of a template.</summary>
    public static void ValidateTemplateAnnotations(ValidationContext context, Field template)
    {
        var annotations = TemplateAnnotations(template);
        ObjectMetaValidation.ValidateAnnotations(context, annotations);
        PodAnnotationsValidation.Validate(context, annotations, template.Child("spec"));
    }

    /// <summary>
    /// What <c>validatePodMetadataAndSpec</c> and <c>ValidatePodCreate</c> add for a Pod (and a pod a StatefulSet
    /// creates), and the RuntimeClass admission plugin's refusal of an overhead without a RuntimeClass
    /// (plugin/pkg/admission/runtimeclass), which templates escape.
    /// </summary>
    public static void ValidateOnlyForPod(ValidationContext context, Field spec)
    {
        var overhead = spec.Child("overhead");
        if (overhead.IsSet && !spec.Child("runtimeClassName").IsSet)
        {
            context.Forbidden(overhead, "pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead");
        }

        foreach (var container in spec.Child("containers").Items().Concat(spec.Child("initContainers").Items()))
        {
            ContainerValidation.ValidateOnlyForPod(context, container);
        }

        var nodeName = spec.Child("nodeName");
        if ((nodeName.String ?? string.Empty).Length > 0 && spec.Child("schedulingGates").Count != 0)
        {
            context.Forbidden(nodeName, "cannot be set until all schedulingGates have been cleared");
        }
    }

    /// <summary>
    /// <c>ValidatePodSpec</c>; <paramref name="podName"/> is empty for templates (ephemeral claim names are then
    /// unchecked). <paramref name="claimVolumes"/> are the claim volumes a StatefulSet's controller adds to its pods.
    /// </summary>
    public static void Validate(ValidationContext context, Field spec, string podName, PodValidationOptions options, IEnumerable<string>? claimVolumes = null)
    {
        long? gracePeriod = spec.Child("terminationGracePeriodSeconds").Integer ?? DefaultTerminationGracePeriod;
        var hostUsers = SecurityContextValidation.HostUsers(spec, options);
        var volumesField = spec.Child("volumes");
        var volumes = VolumeValidation.Validate(context, volumesField, podName, options);
        foreach (var claim in claimVolumes ?? [])
        {
            volumes[claim] = new VolumeValidation.Mountable(IsClaim: true, IsImage: false);
        }

        var dropped = new HashSet<string>(
            volumesField.Items().Where(v => VolumeValidation.IsDropped(v, options)).Select(v => v.Child("name").String ?? string.Empty),
            StringComparer.Ordinal);
        var claimNames = new HashSet<string>(StringComparer.Ordinal);
        if (options.ResourceClaims)
        {
            claimNames.UnionWith(spec.Child("resourceClaims").Items().Select(c => c.Child("name").String ?? string.Empty).Where(n => n.Length > 0));
            ValidateResourceClaims(context, spec.Child("resourceClaims"));
        }

        var restartPolicy = RestartPolicy(spec);
        var hostNetwork = spec.Child("hostNetwork").Boolean == true;
        var pod = new ContainerValidation.Pod(volumes, dropped, claimNames, gracePeriod, restartPolicy, hostUsers, hostNetwork, options);
        var containers = spec.Child("containers");
        var initContainers = spec.Child("initContainers");
        ContainerValidation.ValidateContainers(context, containers, pod);
        ContainerValidation.ValidateInitContainers(context, initContainers, containers, pod);
        ContainerValidation.ValidateEphemeralContainers(context, spec.Child("ephemeralContainers"), containers, initContainers, pod);
        if (options.PodLevelResources)
        {
            ResourceRequirementsValidation.ValidatePod(context, spec, claimNames, options);
        }

        ValidateHostNetworkPorts(context, spec, hostNetwork);
        if (Array.IndexOf(RestartPolicies, restartPolicy) < 0)
        {
            context.NotSupported(spec.Child("restartPolicy"), restartPolicy, RestartPolicies);
        }

        DnsValidation.Validate(context, spec, options);
        ValidateNodeSelector(context, spec.Child("nodeSelector"));
        SecurityContextValidation.ValidatePod(context, spec, options);
        SchedulingValidation.ValidateAffinity(context, spec.Child("affinity"), options);
        foreach (var gate in spec.Child("readinessGates").Items())
        {
            var conditionType = gate.Child("conditionType");
            context.Invalid(conditionType, conditionType.String ?? string.Empty, Syntax.IsQualifiedName(conditionType.String ?? string.Empty));
        }

        ValidateSchedulingGates(context, spec.Child("schedulingGates"));
        SchedulingValidation.ValidateTopologySpread(context, spec.Child("topologySpreadConstraints"));
        SecurityContextValidation.ValidateWindowsHostProcess(context, spec);
        SecurityContextValidation.ValidateHostUsers(context, spec, options);
        DnsSubdomain(context, spec.Child("serviceAccountName"));
        DnsSubdomain(context, spec.Child("nodeName"));
        var deadline = spec.Child("activeDeadlineSeconds");
        if (deadline.Integer is { } seconds && (seconds < 1 || seconds > int.MaxValue))
        {
            context.Invalid(deadline, seconds, Syntax.InclusiveRangeError(1, int.MaxValue));
        }

        foreach (var key in new[] { "hostname", "subdomain" })
        {
            var field = spec.Child(key);
            if (field.String is { Length: > 0 } label)
            {
                context.Invalid(field, label, Syntax.IsDns1123Label(label));
            }
        }

        SchedulingValidation.ValidateTolerations(context, spec.Child("tolerations"));
        DnsValidation.ValidateHostAliases(context, spec.Child("hostAliases"));
        DnsSubdomain(context, spec.Child("priorityClassName"));
        var runtimeClass = spec.Child("runtimeClassName");
        if (runtimeClass.String is { } runtimeClassName)
        {
            context.Invalid(runtimeClass, runtimeClassName, NameFunctions.NameIsDnsSubdomain(runtimeClassName, false));
        }

        var preemption = spec.Child("preemptionPolicy");
        if (preemption.String is { } preemptionPolicy)
        {
            if (preemptionPolicy.Length == 0)
            {
                context.Required(preemption);
            }
            else if (Array.IndexOf(PreemptionPolicies, preemptionPolicy) < 0)
            {
                context.NotSupported(preemption, preemptionPolicy, PreemptionPolicies);
            }
        }

        var overhead = spec.Child("overhead");
        if (overhead.IsSet)
        {
            ResourceRequirementsValidation.ValidateOverhead(context, overhead);
        }

        SecurityContextValidation.ValidateOs(context, spec, options);
    }

    /// <summary>
    /// <c>validatePodHostNetworkDeps</c>: on the host network a written host port must equal the container port. A
    /// Pod's unset host ports are defaulted to the container ports, a template's stay 0, so both reduce to this.
    /// </summary>
    private static void ValidateHostNetworkPorts(ValidationContext context, Field spec, bool hostNetwork)
    {
        if (!hostNetwork)
        {
            return;
        }

        foreach (var container in spec.Child("containers").Items())
        {
            foreach (var port in container.Child("ports").Items())
            {
                var hostPort = port.Child("hostPort");
                var host = GoRender.Int32(hostPort);
                if (host != 0 && host != GoRender.Int32(port.Child("containerPort")))
                {
                    context.Invalid(hostPort, host, "must match `containerPort` when `hostNetwork` is true");
                }
            }
        }
    }

    /// <summary><c>ValidateLabels</c> of spec.nodeSelector, reported at the map as upstream does.</summary>
    private static void ValidateNodeSelector(ValidationContext context, Field nodeSelector)
    {
        foreach (var (key, value) in nodeSelector.Entries())
        {
            foreach (var problem in Syntax.IsQualifiedName(key))
            {
                context.Report(nodeSelector, FieldErrorType.Invalid, key, problem, at: value.KeyNode);
            }

            if (value.IsString || value.Node is null)
            {
                foreach (var problem in Syntax.IsValidLabelValue(value.String ?? string.Empty))
                {
                    context.Report(nodeSelector, FieldErrorType.Invalid, value.String ?? string.Empty, problem, at: value.Anchor);
                }
            }
        }
    }

    /// <summary><c>validateSchedulingGates</c>: qualified names, reported at the item, without duplicates.</summary>
    private static void ValidateSchedulingGates(ValidationContext context, Field gates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gate in gates.Items())
        {
            var name = gate.Child("name").String ?? string.Empty;
            context.Invalid(gate.Child("name").WithPath(gate), name, Syntax.IsQualifiedName(name));
            if (!seen.Add(name))
            {
                context.Duplicate(gate.Child("name").WithPath(gate), name);
            }
        }
    }

    /// <summary><c>validatePodResourceClaims</c> (DynamicResourceAllocation, on from 1.34).</summary>
    private static void ValidateResourceClaims(ValidationContext context, Field claims)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in claims.Items())
        {
            var name = claim.Child("name");
            var nameText = name.String ?? string.Empty;
            if (nameText.Length == 0)
            {
                context.Required(name);
            }
            else if (!names.Add(nameText))
            {
                context.Duplicate(name, nameText);
            }
            else
            {
                context.Invalid(name, nameText, Syntax.IsDns1123Label(nameText));
            }

            var claimName = claim.Child("resourceClaimName");
            var templateName = claim.Child("resourceClaimTemplateName");
            var text = $"core.PodResourceClaim{{Name:{GoValue.Quote(nameText)}, ResourceClaimName:{GoRender.Pointer("string", claimName)}, ResourceClaimTemplateName:{GoRender.Pointer("string", templateName)}}}";
            if (claimName.IsSet && templateName.IsSet)
            {
                context.Invalid(claim, GoValue.Raw(text), "at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified");
            }

            if (!claimName.IsSet && !templateName.IsSet)
            {
                context.Invalid(claim, GoValue.Raw(text), "must specify one of: `resourceClaimName`, `resourceClaimTemplateName`");
            }

            foreach (var reference in new[] { claimName, templateName })
            {
                if (reference.String is { } referenced)
                {
                    context.Invalid(reference, referenced, NameFunctions.NameIsDnsSubdomain(referenced, false));
                }
            }
        }
    }

    private static void DnsSubdomain(ValidationContext context, Field field)
    {
        if (field.String is { Length: > 0 } name)
        {
            context.Invalid(field, name, NameFunctions.NameIsDnsSubdomain(name, false));
        }
    }
}
