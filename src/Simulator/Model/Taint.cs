using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>A node taint (key, value, effect).</summary>
public sealed record Taint(string Key, string Value, string Effect)
{
    public const string NoSchedule = "NoSchedule";
    public const string NoExecute = "NoExecute";
    public const string PreferNoSchedule = "PreferNoSchedule";

    public bool IsHard => Effect is NoSchedule or NoExecute;

    public static IReadOnlyList<Taint> ReadAll(YamlSequence? taints)
    {
        if (taints is null)
        {
            return [];
        }

        var result = new List<Taint>();
        foreach (var taint in taints.Mappings)
        {
            if (taint.GetString("key") is { } key)
            {
                result.Add(new Taint(key, taint.GetString("value") ?? string.Empty, taint.GetString("effect") ?? string.Empty));
            }
        }

        return result;
    }
}

/// <summary>A pod toleration with the matching rule of core/v1 Toleration.ToleratesTaint.</summary>
public sealed record Toleration(string Key, string Operator, string Value, string Effect)
{
    public bool Tolerates(Taint taint)
    {
        // An empty effect matches every effect; an empty key (with Exists) matches every key.
        if (Effect.Length > 0 && Effect != taint.Effect)
        {
            return false;
        }

        if (Key.Length > 0 && Key != taint.Key)
        {
            return false;
        }

        return Operator switch
        {
            "Exists" => true,
            "" or "Equal" => Value == taint.Value,
            _ => false,
        };
    }

    public static bool AnyTolerates(IReadOnlyList<Toleration> tolerations, Taint taint)
    {
        for (var i = 0; i < tolerations.Count; i++)
        {
            if (tolerations[i].Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }

    public static List<Toleration> ReadAll(YamlSequence? tolerations)
    {
        var result = new List<Toleration>();
        foreach (var toleration in tolerations?.Mappings ?? [])
        {
            result.Add(new Toleration(
                toleration.GetString("key") ?? string.Empty,
                toleration.GetString("operator") ?? string.Empty,
                toleration.GetString("value") ?? string.Empty,
                toleration.GetString("effect") ?? string.Empty));
        }

        return result;
    }
}
