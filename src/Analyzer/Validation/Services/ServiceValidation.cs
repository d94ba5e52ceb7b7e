namespace KubeLint.Analyzer.Validation.Services;

/// <summary>
/// A Service on create: <c>SetDefaults_Service</c> (pkg/apis/core/v1/defaults.go), the REST storage's checks before
/// validation (<see cref="ServiceAllocation"/>), then <c>ValidateService</c>, <c>validateServicePort</c> and
/// <c>ValidateServiceClusterIPsRelatedFields</c> (pkg/apis/core/validation/validation.go) and the strategy's
/// <c>dropServiceDisabledFields</c> (pkg/registry/core/service/strategy.go).
/// </summary>
public sealed class ServiceValidation : ObjectValidation
{
    public const string ClusterIp = "ClusterIP";
    public const string NodePort = "NodePort";
    public const string LoadBalancer = "LoadBalancer";
    public const string ExternalName = "ExternalName";

    /// <summary><c>ports.KubeletPort</c>, which a LoadBalancer may not expose.</summary>
    private const long KubeletPort = 10250;

    /// <summary><c>core.MaxClientIPServiceAffinitySeconds</c> and <c>DefaultClientIPServiceAffinitySeconds</c>.</summary>
    private const long MaxAffinitySeconds = 86400;
    private const long DefaultAffinitySeconds = 10800;

    private const string TopologyAwareHintsAnnotation = "service.kubernetes.io/topology-aware-hints";
    private const string TopologyModeAnnotation = "service.kubernetes.io/topology-mode";
    private const string SourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges";

    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];
    private static readonly string[] IpFamilies = ["IPv4", "IPv6"];
    private static readonly string[] IpFamilyPolicies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
    private static readonly string[] SessionAffinities = ["ClientIP", "None"];
    private static readonly string[] Types = [ClusterIp, ExternalName, LoadBalancer, NodePort];
    private static readonly string[] TrafficPolicies = ["Cluster", "Local"];

    public override string Area => ValidationAreas.Services;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "Service")];

    public override bool ReportsRequiredAndSupportedValues => true;

    /// <summary><c>SetDefaults_Service</c>.</summary>
    public override void Default(ObjectView view)
    {
        var spec = view.Ensure(view.Root.Child("spec"));
        view.DefaultEmpty(spec, "sessionAffinity", "None");
        view.DefaultEmpty(spec, "type", ClusterIp);
        spec = view.Reread(spec);
        if (spec.Child("sessionAffinity").String == "ClientIP")
        {
            // A config without a timeout is replaced by one with the default timeout.
            view.Default(view.Ensure(spec.Child("sessionAffinityConfig").Child("clientIP")), "timeoutSeconds", DefaultAffinitySeconds);
        }

        foreach (var port in view.Reread(spec).Child("ports").Items())
        {
            view.DefaultEmpty(port, "protocol", "TCP");
        }

        spec = view.Reread(spec);
        var type = spec.Child("type").String;
        if (IsExternallyAccessible(type, spec) && spec.Child("externalTrafficPolicy").String is null)
        {
            view.Default(spec, "externalTrafficPolicy", "Cluster");
        }

        if (type is NodePort or LoadBalancer or ClusterIp)
        {
            view.Default(spec, "internalTrafficPolicy", "Cluster");
        }

        if (type == LoadBalancer)
        {
            view.Default(spec, "allocateLoadBalancerNodePorts", true);
        }
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var type = spec.Child("type").String ?? string.Empty;
        var clusterIps = ServiceClusterIps.Read(spec);
        // The REST storage validates the IP fields, then allocates, before the strategy's validation runs; the
        // allocator stops at the first error, so nothing after it (node port duplicates) is reported twice.
        var ipFieldsValid = ValidateClusterIpsRelatedFields(context, spec, type, clusterIps);
        var allocatorRejected = ipFieldsValid && ServiceAllocation.Check(context, spec, type, clusterIps);

        ValidateTopologyAnnotations(context);
        var ports = spec.Child("ports");
        if (ports.Count == 0 && !clusterIps.IsHeadless && type != ExternalName)
        {
            context.Required(ports);
        }

        ValidateTypeSpecificFields(context, spec, type, clusterIps);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in ports.Items())
        {
            ValidatePort(context, port, ports.Count > 1, names);
        }

        // The selector's labels are checked by schema validation (ValidateLabels, as for every label map).
        ValidateSessionAffinity(context, spec);

        foreach (var ip in spec.Child("externalIPs").Items())
        {
            if (ip.String is { } text && IpValidation.ValidateIp(context, ip, text))
            {
                IpValidation.ValidateNonSpecialIp(context, ip, text);
            }
        }

        ValidateType(context, spec.Child("type"), type);
        ValidateNodePorts(context, ports, type, checkDuplicates: !allocatorRejected);

        // Duplicate (port, protocol) pairs are reported by schema validation: spec.ports is a keyed list, which
        // server-side apply rejects before validation runs.
        ValidateSourceRanges(context, spec, type);
        var allocate = spec.Child("allocateLoadBalancerNodePorts");
        if (allocate.IsSet && !allocate.IsDefaulted && type != LoadBalancer)
        {
            context.Forbidden(allocate, "may only be used when `type` is 'LoadBalancer'");
        }

        ValidateLoadBalancerClass(context, spec.Child("loadBalancerClass"), type);
        ValidateExternalTrafficPolicy(context, spec, type);
        ValidateInternalTrafficPolicy(context, spec.Child("internalTrafficPolicy"), type);
        ServiceTrafficDistribution.Validate(context, spec.Child("trafficDistribution"));
    }

    /// <summary><c>apiservice.ExternallyAccessible</c>.</summary>
    internal static bool IsExternallyAccessible(string? type, Field spec)
        => type is LoadBalancer or NodePort || (type == ClusterIp && spec.Child("externalIPs").Count > 0);

    /// <summary><c>apiservice.NeedsHealthCheck</c>: a LoadBalancer with the Local external traffic policy.</summary>
    internal static bool NeedsHealthCheck(string type, Field spec)
        => type == LoadBalancer && spec.Child("externalTrafficPolicy").String == "Local";

    private static void ValidateTopologyAnnotations(ValidationContext context)
    {
        var annotations = context.Root.Child("metadata").Child("annotations");
        var hints = annotations.Key(TopologyAwareHintsAnnotation);
        var mode = annotations.Key(TopologyModeAnnotation);
        if (hints.String is { } hintsValue && mode.String is { } modeValue && hintsValue != modeValue)
        {
            context.Invalid(mode, modeValue, $"must match annotations[{TopologyAwareHintsAnnotation}] when both are specified");
        }
    }

    private static void ValidateTypeSpecificFields(ValidationContext context, Field spec, string type, ServiceClusterIps clusterIps)
    {
        switch (type)
        {
            case LoadBalancer:
                foreach (var port in spec.Child("ports").Items())
                {
                    if (port.Child("port").Integer == KubeletPort)
                    {
                        context.Invalid(port, KubeletPort, $"may not expose port {KubeletPort} externally since it is used by kubelet");
                    }
                }

                if (clusterIps.IsHeadless)
                {
                    context.Invalid(clusterIps.Items[0].Item, ServiceClusterIps.None, "may not be set to 'None' for LoadBalancer services");
                }

                break;
            case NodePort:
                if (clusterIps.IsHeadless)
                {
                    context.Invalid(clusterIps.Items[0].Item, ServiceClusterIps.None, "may not be set to 'None' for NodePort services");
                }

                break;
            case ExternalName:
                if (clusterIps.Count > 0)
                {
                    context.Forbidden(clusterIps.List, "may not be set for ExternalName services");
                }

                if (spec.Child("ipFamilies").Count > 0)
                {
                    context.Forbidden(spec.Child("ipFamilies"), "may not be set for ExternalName services");
                }

                if (spec.Child("ipFamilyPolicy").IsSet)
                {
                    context.Forbidden(spec.Child("ipFamilyPolicy"), "may not be set for ExternalName services");
                }

                // The name (a CNAME) may end with a dot to mark it fully qualified.
                var externalName = spec.Child("externalName");
                var cname = externalName.String ?? string.Empty;
                cname = cname.EndsWith(".", StringComparison.Ordinal) ? cname.Substring(0, cname.Length - 1) : cname;
                if (cname.Length > 0)
                {
                    context.Invalid(externalName, cname, Syntax.IsDns1123Subdomain(cname));
                }
                else
                {
                    context.Required(externalName);
                }

                break;
            default:
                break;
        }
    }

    /// <summary><c>validateServicePort</c>.</summary>
    private static void ValidatePort(ValidationContext context, Field port, bool requireName, HashSet<string> names)
    {
        var name = port.Child("name");
        var nameText = name.String ?? string.Empty;
        if (requireName && nameText.Length == 0)
        {
            context.Required(name);
        }
        else if (nameText.Length > 0)
        {
            context.Invalid(name, nameText, Syntax.IsDns1123Label(nameText));
            if (!names.Add(nameText))
            {
                context.Duplicate(name, nameText);
            }
        }

        var number = port.Child("port");
        var value = number.Integer ?? 0;
        context.Invalid(number, value, Syntax.IsValidPortNum(value));

        var protocol = port.Child("protocol");
        if (protocol.String is { } protocolText && Array.IndexOf(Protocols, protocolText) < 0)
        {
            context.NotSupported(protocol, protocolText, Protocols);
        }

        ValidateTargetPort(context, port.Child("targetPort"), value);
        var appProtocol = port.Child("appProtocol");
        if (appProtocol.String is { } appProtocolText)
        {
            context.Invalid(appProtocol, appProtocolText, Syntax.IsQualifiedName(appProtocolText));
        }
    }

    /// <summary>
    /// <c>ValidatePortNumOrName</c> of the target port, which defaulting sets to the port when it is absent, 0 or "".
    /// </summary>
    private static void ValidateTargetPort(ValidationContext context, Field targetPort, long port)
    {
        if (targetPort.IsString && targetPort.String is { Length: > 0 } name)
        {
            context.Invalid(targetPort, name, Syntax.IsValidPortName(name));
            return;
        }

        var number = targetPort.Integer is { } written && written != 0 ? written : port;
        context.Invalid(targetPort, number, Syntax.IsValidPortNum(number));
    }

    private static void ValidateSessionAffinity(ValidationContext context, Field spec)
    {
        var affinity = spec.Child("sessionAffinity");
        var value = affinity.String ?? string.Empty;
        if (Array.IndexOf(SessionAffinities, value) < 0)
        {
            context.NotSupported(affinity, value, SessionAffinities);
        }

        // With affinity None, defaulting drops any sessionAffinityConfig, so the Forbidden check never fires.
        if (value != "ClientIP")
        {
            return;
        }

        // validateClientIPAffinityConfig: defaulting supplies the config and its timeout when either is missing.
        var timeout = spec.Child("sessionAffinityConfig", "clientIP", "timeoutSeconds");
        if (timeout.Integer is { } seconds && (seconds <= 0 || seconds > MaxAffinitySeconds))
        {
            context.Invalid(timeout, seconds, $"must be greater than 0 and less than {MaxAffinitySeconds}");
        }
    }

    /// <summary><c>ValidateServiceClusterIPsRelatedFields</c>; false when it reported an error.</summary>
    private static bool ValidateClusterIpsRelatedFields(ValidationContext context, Field spec, string type, ServiceClusterIps clusterIps)
    {
        // ExternalName Services were checked for unset IP fields by the type-specific validation.
        if (type == ExternalName)
        {
            return true;
        }

        var valid = true;
        var clusterIp = clusterIps.ClusterIp.String ?? string.Empty;
        if (clusterIp.Length > 0)
        {
            if (clusterIps.Count == 0)
            {
                valid = false;
                context.Required(clusterIps.List);
            }
            else if (clusterIps.Items[0].Value != clusterIp)
            {
                valid = false;
                context.Invalid(clusterIps.List, clusterIps.Rendered, "first value must match `clusterIP`");
            }
        }
        else if (clusterIps.Count > 0)
        {
            valid = false;
            context.Invalid(clusterIps.List, clusterIps.Rendered, "must be empty when `clusterIP` is not specified");
        }

        var families = spec.Child("ipFamilies");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var familyValues = new List<string>();
        foreach (var family in families.Items())
        {
            var text = family.String ?? string.Empty;
            familyValues.Add(text);
            if (Array.IndexOf(IpFamilies, text) < 0)
            {
                valid = false;
                context.NotSupported(family, text, IpFamilies);
            }

            if (!seen.Add(text))
            {
                valid = false;
                context.Duplicate(family, text);
            }
        }

        var policy = spec.Child("ipFamilyPolicy");
        if (policy.String is { } policyText && Array.IndexOf(IpFamilyPolicies, policyText) < 0)
        {
            valid = false;
            context.NotSupported(policy, policyText, IpFamilyPolicies);
        }

        var invalid = false;
        for (var i = 0; i < clusterIps.Count; i++)
        {
            var (ip, item) = clusterIps.Items[i];
            if (i == 0 && ip == ServiceClusterIps.None)
            {
                if (clusterIps.Count > 1)
                {
                    invalid = true;
                    valid = false;
                    context.Invalid(clusterIps.List, clusterIps.Rendered, "'None' must be the first and only value");
                }

                continue;
            }

            invalid |= !IpValidation.ValidateIp(context, item, ip);
        }

        if (clusterIps.Count > 2)
        {
            valid = false;
            context.Invalid(clusterIps.List, clusterIps.Rendered, "may only hold up to 2 values");
        }

        // Further checks would only restate a bad address.
        if (invalid)
        {
            return false;
        }

        if (clusterIps.Count > 1 && !IsDualStack(clusterIps))
        {
            valid = false;
            context.Invalid(clusterIps.List, clusterIps.Rendered, "may specify no more than one IP for each IP family");
        }

        if (clusterIps.IsHeadless || familyValues.Count == 0)
        {
            return valid;
        }

        for (var i = 0; i < clusterIps.Count && i < familyValues.Count; i++)
        {
            var (ip, item) = clusterIps.Items[i];
            var isIpv6 = IpAddress.Parse(ip) is { IsIPv4: false };
            if (familyValues[i] == "IPv4" && isIpv6)
            {
                valid = false;
                context.Invalid(item, ip, $"expected an IPv4 value as indicated by `ipFamilies[{i}]`");
            }

            if (familyValues[i] == "IPv6" && !isIpv6)
            {
                valid = false;
                context.Invalid(item, ip, $"expected an IPv6 value as indicated by `ipFamilies[{i}]`");
            }
        }

        return valid;
    }

    /// <summary><c>netutils.IsDualStackIPStrings</c>: exactly one IPv4 and one IPv6 address.</summary>
    private static bool IsDualStack(ServiceClusterIps clusterIps)
    {
        var v4 = clusterIps.Items.Count(i => IpAddress.Parse(i.Value) is { IsIPv4: true });
        return clusterIps.Count == 2 && v4 == 1;
    }

    private static void ValidateType(ValidationContext context, Field field, string type)
    {
        if (type.Length == 0)
        {
            context.Required(field);
        }
        else if (Array.IndexOf(Types, type) < 0)
        {
            context.NotSupported(field, type, Types);
        }
    }

    /// <summary>
    /// Node ports on a ClusterIP Service, and the same node port twice for one protocol (which the allocator reports
    /// first for NodePort and LoadBalancer Services).
    /// </summary>
    private static void ValidateNodePorts(ValidationContext context, Field ports, string type, bool checkDuplicates)
    {
        if (type == ClusterIp)
        {
            foreach (var port in ports.Items())
            {
                var nodePort = port.Child("nodePort");
                if (nodePort.Integer is { } value && value != 0)
                {
                    context.Forbidden(nodePort, "may not be used when `type` is 'ClusterIP'");
                }
            }
        }

        if (!checkDuplicates)
        {
            return;
        }

        var seen = new HashSet<(string, long)>();
        foreach (var port in ports.Items())
        {
            var nodePort = port.Child("nodePort");
            if (nodePort.Integer is { } value && value != 0 && !seen.Add((port.Child("protocol").String ?? string.Empty, value)))
            {
                context.Duplicate(nodePort, value);
            }
        }
    }

    private static void ValidateSourceRanges(ValidationContext context, Field spec, string type)
    {
        var written = spec.Child("loadBalancerSourceRanges");

        // Upstream names the field with a capital L here.
        var ranges = written.WithPath(spec.Child("LoadBalancerSourceRanges"));
        if (ranges.Count > 0)
        {
            if (type != LoadBalancer)
            {
                context.Forbidden(ranges, "may only be used when `type` is 'LoadBalancer'");
            }

            foreach (var range in ranges.Items())
            {
                // Historically these may be padded with spaces, as the annotation's values were.
                if (range.String is { } text)
                {
                    IpValidation.ValidateCidr(context, range, text.Trim());
                }
            }

            return;
        }

        var annotation = context.Root.Child("metadata").Child("annotations").Key(SourceRangesAnnotation);
        if (annotation.String is not { } value)
        {
            return;
        }

        if (type != LoadBalancer)
        {
            context.Forbidden(annotation, "may only be used when `type` is 'LoadBalancer'");
        }

        value = value.Trim();
        if (value.Length > 0)
        {
            foreach (var cidr in value.Split(','))
            {
                IpValidation.ValidateCidr(context, annotation, cidr.Trim());
            }
        }
    }

    /// <summary><c>validateLoadBalancerClassField</c> on create.</summary>
    private static void ValidateLoadBalancerClass(ValidationContext context, Field loadBalancerClass, string type)
    {
        if (loadBalancerClass.String is not { } value)
        {
            return;
        }

        if (type == LoadBalancer)
        {
            context.Invalid(loadBalancerClass, value, Syntax.IsQualifiedName(value));
        }
        else
        {
            context.Forbidden(loadBalancerClass, "may only be used when `type` is 'LoadBalancer'");
        }
    }

    /// <summary><c>validateServiceExternalTrafficPolicy</c>.</summary>
    private static void ValidateExternalTrafficPolicy(ValidationContext context, Field spec, string type)
    {
        var policy = spec.Child("externalTrafficPolicy");
        var value = policy.String ?? string.Empty;
        if (!IsExternallyAccessible(type, spec))
        {
            if (value.Length > 0)
            {
                context.Invalid(policy, value, "may only be set for externally-accessible services");
            }
        }
        else if (value.Length == 0)
        {
            context.Required(policy);
        }
        else if (Array.IndexOf(TrafficPolicies, value) < 0)
        {
            context.NotSupported(policy, value, TrafficPolicies);
        }

        var healthCheck = spec.Child("healthCheckNodePort");
        var port = healthCheck.Integer ?? 0;
        if (!NeedsHealthCheck(type, spec))
        {
            if (port != 0)
            {
                context.Invalid(healthCheck, port, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
            }
        }
        else if (port != 0)
        {
            // A missing port is allocated before validation runs.
            context.Invalid(healthCheck, port, Syntax.IsValidPortNum(port));
        }
    }

    /// <summary><c>validateServiceInternalTrafficFieldsValue</c>.</summary>
    private static void ValidateInternalTrafficPolicy(ValidationContext context, Field policy, string type)
    {
        if (!policy.IsSet)
        {
            if (type is NodePort or LoadBalancer or ClusterIp)
            {
                context.Required(policy);
            }

            return;
        }

        if (policy.String is { } value && Array.IndexOf(TrafficPolicies, value) < 0)
        {
            context.NotSupported(policy, value, TrafficPolicies);
        }
    }
}
