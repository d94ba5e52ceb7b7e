using System.Globalization;
using System.Text;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// Go's <c>%#v</c> of the API types that field errors print whole, as the server prints them when the bad value is a
/// struct, slice or map (<c>field.Error.ErrorBody</c> falls back to <c>%#v</c> for values that are not Stringers):
/// <c>[]string{"a", "b"}</c>, <c>map[string]string{"k":"v"}</c> (keys sorted, as fmt sorts maps),
/// <c>intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}</c>, <c>v1.LabelSelector{...}</c>. Pointers inside structs
/// print as addresses upstream; those are unknowable offline and print as <c>(*T)(...)</c> when set.
/// </summary>
public static class GoRender
{
    /// <summary><c>[]string{...}</c> of the scalar items of a sequence; <c>[]string(nil)</c> when absent.</summary>
    public static string StringSlice(Field field) => StringSlice(field.Sequence);

    public static string StringSlice(YamlSequence? sequence)
        => sequence is null ? "[]string(nil)" : StringSlice(sequence.Items.Select(i => (i as YamlScalar)?.Value ?? string.Empty));

    public static string StringSlice(IEnumerable<string> values)
        => "[]string{" + string.Join(", ", values.Select(GoValue.Quote)) + "}";

    /// <summary><c>map[string]string{"a":"1", "b":"2"}</c>, keys in byte order; <c>map[string]string(nil)</c> when absent.</summary>
    public static string StringMap(Field field) => StringMap(field.Mapping);

    public static string StringMap(YamlMapping? mapping)
    {
        if (mapping is null)
        {
            return "map[string]string(nil)";
        }

        var pairs = mapping.Entries
            .Select(e => (e.KeyText, Value: (e.Value as YamlScalar)?.Value ?? string.Empty))
            .OrderBy(p => p.KeyText, StringComparer.Ordinal)
            .Select(p => GoValue.Quote(p.KeyText) + ":" + GoValue.Quote(p.Value));
        return "map[string]string{" + string.Join(", ", pairs) + "}";
    }

    /// <summary>
    /// <c>core.ResourceList{"cpu":resource.Quantity{...}, ...}</c>, keys in byte order, each quantity as decoded and
    /// rounded by <c>SetDefaults_ResourceList</c>; <c>core.ResourceList(nil)</c> when empty.
    /// </summary>
    public static string ResourceList(Field list)
    {
        if (list.Count == 0)
        {
            return "core.ResourceList(nil)";
        }

        var pairs = list.Entries()
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => GoValue.Quote(e.Key) + ":" + (DecodedQuantity.TryReadListEntry(e.Value, out var quantity) ? quantity.GoSyntax : "resource.Quantity{...}"));
        return "core.ResourceList{" + string.Join(", ", pairs) + "}";
    }

    /// <summary><c>intstr.IntOrString{Type:0, IntVal:5, StrVal:""}</c> or <c>{Type:1, IntVal:0, StrVal:"25%"}</c>.</summary>
    public static string IntOrString(Field field)
        => field.IsString
            ? $"intstr.IntOrString{{Type:1, IntVal:0, StrVal:{GoValue.Quote(field.String ?? string.Empty)}}}"
            : $"intstr.IntOrString{{Type:0, IntVal:{Int32(field).ToString(CultureInfo.InvariantCulture)}, StrVal:\"\"}}";

    /// <summary>A default int-or-string (25%, 1, 0) as <see cref="IntOrString(Field)"/> prints it.</summary>
    public static string IntOrString(string? percent, int value)
        => percent is not null
            ? $"intstr.IntOrString{{Type:1, IntVal:0, StrVal:{GoValue.Quote(percent)}}}"
            : $"intstr.IntOrString{{Type:0, IntVal:{value.ToString(CultureInfo.InvariantCulture)}, StrVal:\"\"}}";

    /// <summary><c>v1.LabelSelector{MatchLabels:..., MatchExpressions:...}</c>.</summary>
    public static string LabelSelector(Field selector) => LabelSelector(selector.Mapping);

    public static string LabelSelector(YamlMapping? selector)
    {
        var text = new StringBuilder("v1.LabelSelector{MatchLabels:").Append(StringMap(selector?.GetMapping("matchLabels"))).Append(", MatchExpressions:");
        if (selector?.GetSequence("matchExpressions") is not { } expressions)
        {
            text.Append("[]v1.LabelSelectorRequirement(nil)");
        }
        else
        {
            text.Append("[]v1.LabelSelectorRequirement{");
            var first = true;
            foreach (var expression in expressions.Mappings)
            {
                text.Append(first ? string.Empty : ", ")
                    .Append("v1.LabelSelectorRequirement{Key:").Append(GoValue.Quote(expression.GetString("key") ?? string.Empty))
                    .Append(", Operator:").Append(GoValue.Quote(expression.GetString("operator") ?? string.Empty))
                    .Append(", Values:").Append(StringSlice(expression.GetSequence("values"))).Append('}');
                first = false;
            }

            text.Append('}');
        }

        return text.Append('}').ToString();
    }

    /// <summary>A pointer field of a struct: <c>(*T)(nil)</c>, or <c>(*T)(...)</c> for a set pointer whose address is unknowable.</summary>
    public static string Pointer(string type, Field field) => field.IsSet ? $"(*{type})(...)" : $"(*{type})(nil)";

    /// <summary>Go's <c>int32(v)</c> of a decoded integer: the API server decodes int32 fields by truncation, so 2147483648 reads as -2147483648.</summary>
    public static int Int32(Field field) => field.Integer is long value ? unchecked((int)value) : 0;

    /// <summary>Whether the field holds a whole number (an int, or a float Go writes without a fraction).</summary>
    public static bool IsNumber(Field field) => field.Node is YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } && field.Integer is not null;
}
