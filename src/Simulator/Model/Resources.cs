using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>
/// A resource list in the scheduler's units: cpu in millicores, memory and ephemeral storage in bytes, extended
/// resources as integers. Quantities round up, as apimachinery's MilliValue/Value do.
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
        MilliCpu += other.MilliCpu;
        Memory += other.Memory;
        EphemeralStorage += other.EphemeralStorage;
        if (other.Extended is null)
        {
            return;
        }

        Extended ??= new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in other.Extended)
        {
            Extended[pair.Key] = (Extended.TryGetValue(pair.Key, out var v) ? v : 0) + pair.Value;
        }
    }

    public void Subtract(Resources other)
    {
        MilliCpu -= other.MilliCpu;
        Memory -= other.Memory;
        EphemeralStorage -= other.EphemeralStorage;
        if (other.Extended is null || Extended is null)
        {
            return;
        }

        foreach (var pair in other.Extended)
        {
            Extended[pair.Key] = (Extended.TryGetValue(pair.Key, out var v) ? v : 0) - pair.Value;
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
            if (entry.Value is not YamlScalar { IsNull: false } scalar || !Quantity.TryParse(scalar.Value, out var quantity, out _))
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

    public static long ToMilli(Quantity quantity) => Saturate(decimal.Ceiling(quantity.Value * 1000m));

    public static long ToUnits(Quantity quantity) => Saturate(decimal.Ceiling(quantity.Value));

    private static long Saturate(decimal value) => value > long.MaxValue ? long.MaxValue : value < 0 ? 0 : (long)value;
}
