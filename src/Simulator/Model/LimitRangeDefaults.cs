using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>
/// The LimitRanges of a namespace: the Container defaults the LimitRanger admission applies (after the LimitRange's
/// own defaulting, SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default ← min) and every item for
/// its min/max/ratio validation.
/// </summary>
public sealed class LimitRangeDefaults
{
    public Dictionary<string, Quantity> DefaultRequests { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Quantity> DefaultLimits { get; } = new(StringComparer.Ordinal);

    public List<LimitRangeItem> Items { get; } = [];
}

/// <summary>One spec.limits item of a LimitRange (Container, Pod or PersistentVolumeClaim).</summary>
public sealed record LimitRangeItem(KubeObject Source, YamlMapping Node, string Type, IReadOnlyDictionary<string, Quantity> Min, IReadOnlyDictionary<string, Quantity> Max, IReadOnlyDictionary<string, Quantity> MaxLimitRequestRatio)
{
    /// <summary>A resource list of the item, its unreadable quantities skipped (validation reports them).</summary>
    public static Dictionary<string, Quantity> Read(YamlMapping? map)
    {
        var result = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var entry in map?.Entries ?? [])
        {
            if (entry.Value is YamlScalar { IsNull: false } scalar && Quantity.TryRead(scalar, out var quantity, out _))
            {
                result[entry.KeyText] = quantity;
            }
        }

        return result;
    }
}
