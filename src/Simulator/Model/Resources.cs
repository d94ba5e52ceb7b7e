using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>
/// A resource list in the scheduler's units: cpu in millicores, memory and ephemeral storage in bytes, extended
/// resources as integers. Quantities round up, as apimachinery's MilliValue/Value do, and saturate at long's range
/// where the scheduler's int64 arithmetic would overflow.
/// </summary>
public sealed class Resources
{
    public long MilliCpu { get; set; }

    public long Memory { get; set; }

    public long EphemeralStorage { get; set; }

    /// <summary>Extended resources (nvidia.com/gpu, ...); null when none, which keeps the common case allocation-free.</summary>
    public SortedDictionary<string, long>? Extended { get; set; }

    public bool IsZero => MilliCpu == 0 && Memory == 0 && EphemeralStorage == 0 && (Extended is null || Extended.Values.All(v => v == 0));

    public Resources Clone() => new()
    {
        MilliCpu = MilliCpu,
        Memory = Memory,
        EphemeralStorage = EphemeralStorage,
        Extended = Extended is null ? null : new SortedDictionary<string, long>(Extended, StringComparer.Ordinal),
    };

    public void Add(Resources other)
    {
        MilliCpu = SaturatingAdd(MilliCpu, other.MilliCpu);
        Memory = SaturatingAdd(Memory, other.Memory);
        EphemeralStorage = SaturatingAdd(EphemeralStorage, other.EphemeralStorage);
        if (other.Extended is null)
        {
            return;
        }

        Extended ??= new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in other.Extended)
        {
            Extended[pair.Key] = SaturatingAdd(Extended.TryGetValue(pair.Key, out var v) ? v : 0, pair.Value);
        }
    }

    public void Subtract(Resources other)
    {
        MilliCpu = SaturatingAdd(MilliCpu, -other.MilliCpu);
        Memory = SaturatingAdd(Memory, -other.Memory);
        EphemeralStorage = SaturatingAdd(EphemeralStorage, -other.EphemeralStorage);
        if (other.Extended is null || Extended is null)
        {
            return;
        }

        foreach (var pair in other.Extended)
        {
            Extended[pair.Key] = SaturatingAdd(Extended.TryGetValue(pair.Key, out var v) ? v : 0, -pair.Value);
        }
    }

    /// <summary>Per resource maximum, for the init-container rule of resource.PodRequests.</summary>
    public void MaxWith(Resources other)
    {
        MilliCpu = Math.Max(MilliCpu, other.MilliCpu);
        Memory = Math.Max(Memory, other.Memory);
        EphemeralStorage = Math.Max(EphemeralStorage, other.EphemeralStorage);
        if (other.Extended is null)
        {
            return;
        }

        Extended ??= new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in other.Extended)
        {
            Extended[pair.Key] = Math.Max(Extended.TryGetValue(pair.Key, out var v) ? v : 0, pair.Value);
        }
    }

    public long ExtendedValue(string name) => Extended is not null && Extended.TryGetValue(name, out var v) ? v : 0;

    /// <summary>Reads a resources map (requests, limits, allocatable, overhead); unparsable quantities are skipped.</summary>
    public static Resources Read(YamlMapping? map, out HashSet<string> present)
    {
        var result = new Resources();
        present = new HashSet<string>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Value is not YamlScalar { IsNull: false } scalar || !Quantity.TryRead(scalar, out var quantity, out _))
            {
                continue;
            }

            present.Add(entry.KeyText);
            switch (entry.KeyText)
            {
                case "cpu":
                    result.MilliCpu = ToMilli(quantity);
                    break;
                case "memory":
                    result.Memory = ToUnits(quantity);
                    break;
                case "ephemeral-storage":
                    result.EphemeralStorage = ToUnits(quantity);
                    break;
                case "pods":
                    break;
                default:
                    // hugepages-* and extended resources are integers in their own unit.
                    result.Extended ??= new SortedDictionary<string, long>(StringComparer.Ordinal);
                    result.Extended[entry.KeyText] = ToUnits(quantity);
                    break;
            }
        }

        return result;
    }

    public static long ToMilli(Quantity quantity) => Math.Max(0, quantity.Value.ToInt64Ceiling(3));

    public static long ToUnits(Quantity quantity) => Math.Max(0, quantity.Value.ToInt64Ceiling());

    /// <summary>Sums saturate: quantities are capped at long's range instead of wrapping to negative amounts.</summary>
    private static long SaturatingAdd(long a, long b)
    {
        var sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }
}
