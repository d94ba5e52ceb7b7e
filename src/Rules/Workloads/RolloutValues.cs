using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Workloads;

/// <summary>Reads the int-or-percent fields of rollout strategies (maxSurge, maxUnavailable) and their validation texts.</summary>
internal static class RolloutValues
{
    /// <summary>The value, or null when the node is absent or not a valid int or percent string.</summary>
    public static IntOrPercent? Read(YamlNode? node) => IntOrPercent.TryRead(node, out var value) ? value : null;

    /// <summary>True when the value is literally zero ("0" or "0%"), which the API server's both-zero check looks at.</summary>
    public static bool IsZero(IntOrPercent? value) => value is { Value: 0 };

    /// <summary>The API server's complaint about a maxSurge/maxUnavailable value, or null when it is valid.</summary>
    public static string? Validate(YamlNode node, bool limitTo100Percent)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is YamlScalar { Kind: ScalarKind.String } text && !IntOrPercent.TryParsePercent(text.Value, out _))
        {
            return $"Invalid value: \"{text.Value}\": {IntOrPercent.PercentError}";
        }

        if (!IntOrPercent.TryRead(node, out var value))
        {
            return null;
        }

        if (value.Value < 0)
        {
            return $"Invalid value: {value}: must be greater than or equal to 0";
        }

        return limitTo100Percent && value.IsPercent && value.Value > 100
            ? $"Invalid value: \"{value}\": must not be greater than 100%"
            : null;
    }
}
