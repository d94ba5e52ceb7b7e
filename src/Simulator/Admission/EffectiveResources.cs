using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Admission;

/// <summary>
/// A container's requests and limits as admission sees them: the API's defaulting (a limit without a request sets
/// the request) and then the LimitRanger's defaults for what is still missing; and the pod-level sums of
/// resource.PodRequests / PodLimits (app containers summed, init containers by the sidecar rule, overhead added).
/// </summary>
internal static class EffectiveResources
{
    /// <summary>Amounts saturate here, so sums over any number of pods stay within decimal's range.</summary>
    private const decimal Bound = 1e24m;

    /// <summary>A quantity as an amount admission sums and compares (exact below <see cref="Bound"/>).</summary>
    public static decimal Amount(Quantity quantity) => quantity.Value.ToDecimal(Bound);

    public static (Dictionary<string, Quantity> Requests, Dictionary<string, Quantity> Limits, HashSet<string> DefaultedLimits) Container(YamlMapping container, LimitRangeDefaults? limitRange)
    {
        var resources = container.GetMapping("resources");
        var requests = LimitRangeItem.Read(resources?.GetMapping("requests"));
        var limits = LimitRangeItem.Read(resources?.GetMapping("limits"));
        foreach (var pair in limits)
        {
            if (!requests.ContainsKey(pair.Key))
            {
                requests[pair.Key] = pair.Value;
            }
        }

        var defaulted = new HashSet<string>(StringComparer.Ordinal);
        if (limitRange is not null)
        {
            foreach (var pair in limitRange.DefaultLimits)
            {
                if (!limits.ContainsKey(pair.Key))
                {
                    limits[pair.Key] = pair.Value;
                    defaulted.Add(pair.Key);
                }
            }

            foreach (var pair in limitRange.DefaultRequests)
            {
                if (!requests.ContainsKey(pair.Key))
                {
                    requests[pair.Key] = pair.Value;
                }
            }
        }

        return (requests, limits, defaulted);
    }

    /// <summary>The pod's requests (or limits) summed as resource.PodRequests (PodLimits) does.</summary>
    public static Dictionary<string, decimal> Pod(YamlMapping spec, LimitRangeDefaults? limitRange, bool limits)
    {
        var apps = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var container in spec.GetSequence("containers")?.Mappings ?? [])
        {
            Add(apps, Of(container, limitRange, limits));
        }

        var initMax = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var sidecars = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var container in spec.GetSequence("initContainers")?.Mappings ?? [])
        {
            var own = Of(container, limitRange, limits);
            if (container.GetString("restartPolicy") == "Always")
            {
                Add(apps, own);
                Add(sidecars, own);
                Max(initMax, sidecars);
            }
            else
            {
                var need = new Dictionary<string, decimal>(own, StringComparer.Ordinal);
                Add(need, sidecars);
                Max(initMax, need);
            }
        }

        Max(apps, initMax);
        Add(apps, LimitRangeItem.Read(spec.GetMapping("overhead")).ToDictionary(p => p.Key, p => Amount(p.Value), StringComparer.Ordinal));
        return apps;
    }

    private static Dictionary<string, decimal> Of(YamlMapping container, LimitRangeDefaults? limitRange, bool limits)
    {
        var (requests, limitList, _) = Container(container, limitRange);
        return (limits ? limitList : requests).ToDictionary(p => p.Key, p => Amount(p.Value), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, decimal> target, Dictionary<string, decimal> source)
    {
        foreach (var pair in source)
        {
            target[pair.Key] = (target.TryGetValue(pair.Key, out var v) ? v : 0) + pair.Value;
        }
    }

    private static void Max(Dictionary<string, decimal> target, Dictionary<string, decimal> source)
    {
        foreach (var pair in source)
        {
            target[pair.Key] = Math.Max(target.TryGetValue(pair.Key, out var v) ? v : 0, pair.Value);
        }
    }
}
