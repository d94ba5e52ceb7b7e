using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Networking;

/// <summary>
/// <c>ValidateNetworkPolicySpec</c>, <c>ValidateNetworkPolicyPort</c>, <c>ValidateNetworkPolicyPeer</c> and
/// <c>ValidateIPBlock</c> (pkg/apis/networking/validation/validation.go) after <c>SetDefaults_NetworkPolicyPort</c>
/// (pkg/apis/networking/v1/defaults.go). The pod selector is a struct, not a pointer: an absent one is empty and
/// selects every pod of the namespace, although the OpenAPI documents of 1.30-1.33 mark it required.
/// </summary>
public sealed class NetworkPolicyValidation : ObjectValidation
{
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] PolicyTypes = ["Ingress", "Egress"];

    public override string Area => ValidationAreas.Networking;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("networking.k8s.io", "NetworkPolicy")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        var spec = view.Root.Child("spec");
        foreach (var rule in spec.Child("ingress").Items().Concat(spec.Child("egress").Items()))
        {
            foreach (var port in rule.Child("ports").Items())
            {
                view.Default(port, "protocol", "TCP");
            }
        }
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        LabelSelectorValidation.Validate(context, spec.Child("podSelector"));
        foreach (var (rules, peers) in new[] { ("ingress", "from"), ("egress", "to") })
        {
            foreach (var rule in spec.Child(rules).Items())
            {
                foreach (var port in rule.Child("ports").Items())
                {
                    ValidatePort(context, port);
                }

                foreach (var peer in rule.Child(peers).Items())
                {
                    ValidatePeer(context, peer);
                }
            }
        }

        var policyTypes = spec.Child("policyTypes");
        if (policyTypes.Count > PolicyTypes.Length)
        {
            context.Invalid(policyTypes, GoValue.Slice("networking.PolicyType", policyTypes.Items().Select(t => t.String ?? string.Empty)), "may not specify more than two policyTypes");
            return;
        }

        foreach (var type in policyTypes.Items())
        {
            if (type.String is { } value && Array.IndexOf(PolicyTypes, value) < 0)
            {
                context.NotSupported(type, value, PolicyTypes);
            }
        }
    }

    /// <summary><c>ValidateNetworkPolicyPort</c>.</summary>
    private static void ValidatePort(ValidationContext context, Field port)
    {
        var protocol = port.Child("protocol");
        if (protocol.String is { } protocolText && Array.IndexOf(Protocols, protocolText) < 0)
        {
            context.NotSupported(protocol, protocolText, Protocols);
        }

        var number = port.Child("port");
        var endPort = port.Child("endPort");
        if (!number.IsSet)
        {
            if (endPort.Integer is { } orphan)
            {
                context.Invalid(endPort, orphan, "may not be specified when `port` is not specified");
            }

            return;
        }

        if (number.IsString)
        {
            if (endPort.Integer is { } named)
            {
                context.Invalid(endPort, named, "may not be specified when `port` is non-numeric");
            }

            var name = number.String!;
            context.Invalid(number, name, Syntax.IsValidPortName(name));
            return;
        }

        if (number.Integer is not { } value)
        {
            return;
        }

        context.Invalid(number, value, Syntax.IsValidPortNum(value));
        if (endPort.Integer is { } end)
        {
            // Upstream prints the port, not the end port, with this message.
            if (end < value)
            {
                context.Invalid(endPort, value, "must be greater than or equal to `port`");
            }

            context.Invalid(endPort, end, Syntax.IsValidPortNum(end));
        }
    }

    /// <summary><c>ValidateNetworkPolicyPeer</c>: exactly one kind of peer, or selectors without an ipBlock.</summary>
    private static void ValidatePeer(ValidationContext context, Field peer)
    {
        var peers = 0;
        var podSelector = peer.Child("podSelector");
        if (podSelector.IsSet)
        {
            peers++;
            LabelSelectorValidation.Validate(context, podSelector);
        }

        var namespaceSelector = peer.Child("namespaceSelector");
        if (namespaceSelector.IsSet)
        {
            peers++;
            LabelSelectorValidation.Validate(context, namespaceSelector);
        }

        var ipBlock = peer.Child("ipBlock");
        if (ipBlock.IsSet)
        {
            peers++;
            ValidateIpBlock(context, ipBlock);
        }

        if (peers == 0)
        {
            context.Required(peer, "must specify a peer");
        }
        else if (peers > 1 && ipBlock.IsSet)
        {
            context.Forbidden(peer, "may not specify both ipBlock and another peer");
        }
    }

    /// <summary><c>ValidateIPBlock</c>: a CIDR, and exceptions strictly inside it.</summary>
    private static void ValidateIpBlock(ValidationContext context, Field ipBlock)
    {
        var cidr = ipBlock.Child("cidr");
        if (cidr.String is not { Length: > 0 } text)
        {
            context.Required(cidr);
            return;
        }

        if (!IpValidation.ValidateCidr(context, cidr, text) || IpAddress.ParseCidr(text) is not { } network)
        {
            return;
        }

        foreach (var except in ipBlock.Child("except").Items())
        {
            if (except.String is not { } exceptText || !IpValidation.ValidateCidr(context, except, exceptText) || IpAddress.ParseCidr(exceptText) is not { } excluded)
            {
                continue;
            }

            if (!Contains(network, excluded.Address) || network.PrefixLength >= excluded.PrefixLength)
            {
                context.Invalid(except, exceptText, "must be a strict subset of `cidr`");
            }
        }
    }

    /// <summary>Go's <c>IPNet.Contains</c> of an address (same family, same masked prefix).</summary>
    private static bool Contains((IpAddress Address, int PrefixLength) network, IpAddress address)
    {
        var a = network.Address.Bytes;
        var b = address.Bytes;
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var bit = 0; bit < network.PrefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
