namespace KubeLint.Analyzer.Validation.Services;

/// <summary>
/// <c>ValidateEndpoints</c>, <c>validateEndpointSubsets</c>, <c>validateEndpointAddress</c> and
/// <c>validateEndpointPort</c> (pkg/apis/core/validation/validation.go) after <c>SetDefaults_Endpoints</c>
/// (pkg/apis/core/v1/defaults.go: a port's protocol is TCP). Upstream names the subsets without a <c>spec.</c> prefix.
/// </summary>
public sealed class EndpointsValidation : ObjectValidation
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public override string Area => ValidationAreas.Services;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "Endpoints")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        foreach (var subset in view.Root.Child("subsets").Items())
        {
            foreach (var port in subset.Child("ports").Items())
            {
                view.DefaultEmpty(port, "protocol", "TCP");
            }
        }
    }

    public override void Validate(ValidationContext context)
    {
        foreach (var subset in context.Root.Child("subsets").Items())
        {
            var addresses = subset.Child("addresses");
            var notReady = subset.Child("notReadyAddresses");
            if (addresses.Count == 0 && notReady.Count == 0)
            {
                context.Required(subset, "must specify `addresses` or `notReadyAddresses`");
            }

            foreach (var address in addresses.Items().Concat(notReady.Items()))
            {
                ValidateAddress(context, address);
            }

            var ports = subset.Child("ports");
            foreach (var port in ports.Items())
            {
                ValidatePort(context, port, ports.Count > 1);
            }
        }
    }

    private static void ValidateAddress(ValidationContext context, Field address)
    {
        var ip = address.Child("ip");
        var text = ip.String ?? string.Empty;
        IpValidation.ValidateIp(context, ip, text);
        var hostname = address.Child("hostname");
        if (hostname.String is { Length: > 0 } host)
        {
            context.Invalid(hostname, host, Syntax.IsDns1123Label(host));
        }

        var nodeName = address.Child("nodeName");
        if (nodeName.String is { } node)
        {
            context.Invalid(nodeName, node, Syntax.IsDns1123Subdomain(node));
        }

        IpValidation.ValidateNonSpecialIp(context, ip, text);
    }

    private static void ValidatePort(ValidationContext context, Field port, bool requireName)
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
        }

        var number = port.Child("port");
        var value = number.Integer ?? 0;
        context.Invalid(number, value, Syntax.IsValidPortNum(value));
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
