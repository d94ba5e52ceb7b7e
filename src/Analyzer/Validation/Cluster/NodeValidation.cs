namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateNode</c>, <c>validateNodeTaints</c> and <c>ValidateNodeResources</c> (pkg/apis/core/validation/validation.go)
/// on create, where the strategy drops <c>spec.configSource</c> and keeps the status. Upstream reports taints under
/// <c>metadata.taints</c> and status quantities as <c>status.capacity.&lt;name&gt;</c>; so does this.
/// </summary>
public sealed class NodeValidation : ObjectValidation
{
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "Node")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        ValidateTaints(context, spec.Child("taints"), context.Root.Child("metadata").Child("taints"));
        var status = context.Root.Child("status");
        foreach (var section in new[] { "capacity", "allocatable" })
        {
            var resources = status.Child(section);
            foreach (var (name, value) in resources.Entries())
            {
                QuantityValidation.ValidateResourceQuantityValue(context, value.WithPath(resources.Child(name)), name);
            }
        }

        ValidatePodCidrs(context, spec.Child("podCIDRs"), spec.Child("podCIDR"));
    }

    /// <summary><c>validateNodeTaints</c>: keys, values and effects, unique by key and effect.</summary>
    private static void ValidateTaints(ValidationContext context, Field taints, Field path)
    {
        var seen = new HashSet<(string, string)>();
        var index = 0;
        foreach (var taint in taints.Items())
        {
            var item = taint.WithPath(path.Item(index++));
            var key = item.Child("key");
            var keyText = key.String ?? string.Empty;
            context.Invalid(key, keyText, Syntax.IsQualifiedName(keyText));
            var value = item.Child("value");
            var valueText = value.String ?? string.Empty;
            if (Syntax.IsValidLabelValue(valueText) is { Count: > 0 } problems)
            {
                context.Invalid(value, valueText, string.Join(";", problems));
            }

            var effect = item.Child("effect");
            var effectText = effect.String ?? string.Empty;
            if (effectText.Length == 0)
            {
                context.Required(effect);
            }
            else if (Array.IndexOf(TaintEffects, effectText) < 0)
            {
                context.NotSupported(effect, effectText, TaintEffects);
            }

            if (!seen.Add((effectText, keyText)))
            {
                var rendered = $"core.Taint{{Key:{GoValue.Quote(keyText)}, Value:{GoValue.Quote(valueText)}, Effect:{GoValue.Quote(effectText)}, TimeAdded:{(item.Child("timeAdded").IsSet ? "..." : "<nil>")}}}";
                context.Report(item, FieldErrorType.Duplicate, GoValue.Raw(rendered), "taints must be unique by key and effect pair");
            }
        }
    }

    /// <summary>
    /// Valid CIDRs, at most one per IP family, none twice. The v1 conversion (<c>Convert_v1_NodeSpec_To_core_NodeSpec</c>)
    /// makes a written <c>podCIDR</c> the only pod CIDR when the list is empty or starts with another one.
    /// </summary>
    private static void ValidatePodCidrs(ValidationContext context, Field cidrs, Field single)
    {
        if (single.String is { Length: > 0 } only && cidrs.Item(0).String != only)
        {
            IpValidation.ValidateCidr(context, single.WithPath(cidrs.Item(0)), only);
            return;
        }

        var values = new List<string>();
        foreach (var cidr in cidrs.Items())
        {
            var text = cidr.String ?? string.Empty;
            values.Add(text);
            IpValidation.ValidateCidr(context, cidr, text);
        }

        if (values.Count < 2)
        {
            return;
        }

        var parsed = values.Select(IpAddress.ParseCidr).ToList();
        if (parsed.All(p => p is not null))
        {
            var v4 = parsed.Count(p => p!.Value.Address.IsIPv4);
            if (values.Count > 2 || v4 != 1)
            {
                context.Invalid(cidrs, GoValue.Slice("string", values), "may specify no more than one CIDR for each IP family");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var cidr in cidrs.Items())
        {
            if (!seen.Add(values[index++]))
            {
                context.Duplicate(cidr, cidr.String ?? string.Empty);
            }
        }
    }
}
