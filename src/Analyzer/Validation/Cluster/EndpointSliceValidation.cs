namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateEndpointSlice</c>, <c>validateEndpoints</c>, <c>validatePorts</c>, <c>validateAddressType</c> and
/// <c>validateHints</c> (pkg/apis/discovery/validation/validation.go) after pkg/apis/discovery/v1/defaults.go (a
/// port's name is "" and its protocol TCP). Upstream names the fields without a <c>spec.</c> prefix.
/// </summary>
public sealed class EndpointSliceValidation : ObjectValidation
{
    private const int MaxTopologyLabels = 16;
    private const int MaxAddresses = 100;
    private const int MaxPorts = 20000;
    private const int MaxEndpoints = 1000;
    private const int MaxZoneHints = 8;

    private static readonly string[] AddressTypes = ["FQDN", "IPv4", "IPv6"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("discovery.k8s.io", "EndpointSlice")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        foreach (var port in view.Root.Child("ports").Items())
        {
            view.Default(port, "name", string.Empty);
            view.Default(port, "protocol", "TCP");
        }
    }

    public override void Validate(ValidationContext context)
    {
        var addressTypeField = context.Root.Child("addressType");
        var addressType = addressTypeField.String ?? string.Empty;
        if (addressType.Length == 0)
        {
            context.Required(addressTypeField);
        }
        else if (Array.IndexOf(AddressTypes, addressType) < 0)
        {
            context.NotSupported(addressTypeField, addressType, AddressTypes);
        }

        ValidateEndpoints(context, context.Root.Child("endpoints"), addressType);
        ValidatePorts(context, context.Root.Child("ports"));
    }

    private static void ValidateEndpoints(ValidationContext context, Field endpoints, string addressType)
    {
        if (endpoints.Count > MaxEndpoints)
        {
            context.TooMany(endpoints, endpoints.Count, MaxEndpoints);
            return;
        }

        foreach (var endpoint in endpoints.Items())
        {
            var addresses = endpoint.Child("addresses");
            if (addresses.Count == 0)
            {
                context.Required(addresses, "must contain at least 1 address");
            }
            else if (addresses.Count > MaxAddresses)
            {
                context.TooMany(addresses, addresses.Count, MaxAddresses);
            }

            foreach (var address in addresses.Items())
            {
                ValidateAddress(context, address, address.String ?? string.Empty, addressType);
            }

            var nodeName = endpoint.Child("nodeName");
            if (nodeName.String is { } node)
            {
                context.Invalid(nodeName, node, Syntax.IsDns1123Subdomain(node));
            }

            var topology = endpoint.Child("deprecatedTopology");
            if (topology.Count > MaxTopologyLabels)
            {
                context.TooMany(topology, topology.Count, MaxTopologyLabels);
            }

            var hostname = endpoint.Child("hostname");
            if (hostname.String is { } host)
            {
                context.Invalid(hostname, host, Syntax.IsDns1123Label(host));
            }

            ValidateHints(context, endpoint.Child("hints"));
        }
    }

    private static void ValidateAddress(ValidationContext context, Field address, string text, string addressType)
    {
        switch (addressType)
        {
            case "IPv4":
                if (IpAddress.Parse(text) is not { IsIPv4: true })
                {
                    context.Invalid(address, text, "must be a valid IPv4 address");
                }

                IpValidation.ValidateNonSpecialIp(context, address, text);
                break;
            case "IPv6":
                if (IpAddress.Parse(text) is not { IsIPv4: false })
                {
                    context.Invalid(address, text, "must be a valid IPv6 address");
                }

                IpValidation.ValidateNonSpecialIp(context, address, text);
                break;
            case "FQDN":
                ValidateFullyQualifiedDomainName(context, address, text);
                break;
            default:
                break;
        }
    }

    /// <summary><c>validation.IsFullyQualifiedDomainName</c> (apimachinery): a subdomain of at least two labels.</summary>
    private static void ValidateFullyQualifiedDomainName(ValidationContext context, Field field, string name)
    {
        if (name.Length == 0)
        {
            context.Required(field);
            return;
        }

        name = name.EndsWith(".", StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
        if (Syntax.IsDns1123Subdomain(name) is { Count: > 0 } problems)
        {
            context.Invalid(field, name, string.Join(",", problems));
            return;
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            context.Invalid(field, name, "should be a domain with at least two segments separated by dots");
            return;
        }

        foreach (var label in labels)
        {
            if (Syntax.IsDns1123Label(label) is { Count: > 0 } labelProblems)
            {
                context.Invalid(field, label, string.Join(",", labelProblems));
                return;
            }
        }
    }

    private static void ValidatePorts(ValidationContext context, Field ports)
    {
        if (ports.Count > MaxPorts)
        {
            context.TooMany(ports, ports.Count, MaxPorts);
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in ports.Items())
        {
            var name = port.Child("name");
            var nameText = name.String ?? string.Empty;
            if (nameText.Length > 0)
            {
                context.Invalid(name, nameText, Syntax.IsDns1123Label(nameText));
            }

            if (!names.Add(nameText))
            {
                context.Duplicate(name, nameText);
            }

            var protocol = port.Child("protocol");
            if (protocol.String is { } protocolText && Array.IndexOf(Protocols, protocolText) < 0)
            {
                context.NotSupported(protocol, protocolText, Protocols);
            }

            var appProtocol = port.Child("appProtocol");
            if (appProtocol.String is { } appProtocolText)
            {
                context.Invalid(appProtocol, appProtocolText, Syntax.IsQualifiedName(appProtocolText));
            }
        }
    }

    /// <summary><c>validateHints</c>: at most eight zones, each once, each a label value.</summary>
    private static void ValidateHints(ValidationContext context, Field hints)
    {
        var zones = hints.Child("forZones");
        if (zones.Count > MaxZoneHints)
        {
            context.TooMany(zones, zones.Count, MaxZoneHints);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zone in zones.Items())
        {
            var name = zone.Child("name");
            var text = name.String ?? string.Empty;
            if (!seen.Add(text))
            {
                context.Duplicate(name, text);
            }

            context.Invalid(name, text, Syntax.IsValidLabelValue(text));
        }
    }
}
