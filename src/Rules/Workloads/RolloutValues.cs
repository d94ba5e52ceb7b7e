using System.Globalization;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Workloads;

/// <summary>
/// The int-or-string fields of rollout strategies (maxSurge, maxUnavailable) as pkg/apis/apps/validation reads them:
/// <c>getIntOrPercentValue</c>, <c>ValidatePositiveIntOrPercent</c>, <c>IsNotMoreThan100Percent</c>, and their
/// rendering in field errors (<c>intstr.IntOrString{...}</c>).
/// </summary>
internal static class RolloutValues
{
    /// <summary>
    /// <c>getIntOrPercentValue</c>: a valid percent's number, an int's value, or for any other string
    /// <c>strconv.Atoi</c> of it, which is 0 when it fails; an absent value is <paramref name="fallback"/> (the default).
    /// </summary>
    public static int Value(YamlNode? node, int fallback)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return fallback;
            case YamlScalar { Kind: ScalarKind.String } text:
                if (Percent(text.Value) is { } percent)
                {
                    return percent;
                }

                return int.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            case YamlScalar scalar when scalar.TryGetInt64(out var number):
                return unchecked((int)number);
            default:
                return 0;
        }
    }

    /// <summary>The value as a field error prints it: <c>intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}</c>.</summary>
    public static string Render(YamlNode? node, string fallbackPercent)
        => node switch
        {
            null or YamlScalar { IsNull: true } => GoRender.IntOrString(fallbackPercent, 0),
            YamlScalar { Kind: ScalarKind.String } text => GoRender.IntOrString(text.Value, 0),
            _ => GoRender.IntOrString(null, Value(node, 0)),
        };

    /// <summary><c>ValidatePositiveIntOrPercent</c> and, for <paramref name="limitTo100Percent"/>, <c>IsNotMoreThan100Percent</c>: the problems after the path.</summary>
    public static IEnumerable<string> Problems(YamlNode node, bool limitTo100Percent)
    {
        if (node is YamlScalar { Kind: ScalarKind.String } text)
        {
            foreach (var problem in Syntax.IsValidPercent(text.Value))
            {
                yield return $"Invalid value: {Render(node, string.Empty)}: {problem}";
            }

            if (limitTo100Percent && Percent(text.Value) is > 100)
            {
                yield return $"Invalid value: {Render(node, string.Empty)}: must not be greater than 100%";
            }
        }
        else if (node is YamlScalar scalar && scalar.TryGetInt64(out var number) && unchecked((int)number) < 0)
        {
            yield return $"Invalid value: {unchecked((int)number).ToString(CultureInfo.InvariantCulture)}: must be greater than or equal to 0";
        }
    }

    /// <summary>The number of a valid percent string ("25%"), or null.</summary>
    private static int? Percent(string text)
        => Syntax.IsValidPercent(text).Count == 0 && int.TryParse(text.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
