using System.Globalization;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Admission;

/// <summary>
/// LimitRanger (plugin/pkg/admission/limitranger/admission.go): after its defaults, every container is held to
/// the Container items' min, max and maxLimitRequestRatio, the pod's sums to the Pod items', a claim's storage
/// request to the PersistentVolumeClaim items'; the errors are the server's (minConstraint, maxConstraint,
/// limitRequestRatioConstraint), aggregated as "[a, b]" when several. A defaulted limit below the container's
/// request makes the pod invalid, as pod validation then finds.
/// </summary>
internal sealed class LimitRanger(ClusterModel cluster) : IAdmissionPlugin
{
    public AdmissionVerdict? AdmitObject(KubeObject obj)
    {
        if (obj.Group.Length != 0 || !cluster.LimitRanges.TryGetValue(obj.EffectiveNamespace ?? "default", out var limits))
        {
            return null;
        }

        return obj.Kind switch
        {
            "Pod" when obj.Spec is { } spec => Check(spec, limits, "pods \"" + obj.Name + "\"", "Pod \"" + obj.Name + "\""),
            "PersistentVolumeClaim" => Claim(obj, limits),
            _ => null,
        };
    }

    public AdmissionVerdict? AdmitPod(Workload workload, SimPod pod, string name)
        => PodTemplate.Of(workload.Owner) is { } template && cluster.LimitRanges.TryGetValue(template.Namespace, out var limits)
            ? Check(template.Spec, limits, "pods \"" + pod.Name + "\"", "Pod \"" + pod.Name + "\"")
            : null;

    private static AdmissionVerdict? Check(YamlMapping spec, LimitRangeDefaults limits, string forbidden, string invalid)
    {
        if (InvalidDefault(spec, limits, invalid) is { } verdict)
        {
            return verdict;
        }

        var errors = new List<string>();
        YamlNode? node = null;
        foreach (var item in limits.Items)
        {
            if (item.Type == "Container")
            {
                foreach (var key in new[] { "containers", "initContainers" })
                {
                    foreach (var container in spec.GetSequence(key)?.Mappings ?? [])
                    {
                        var (requests, containerLimits, _) = EffectiveResources.Container(container, limits);
                        if (Constraints(item, "Container", requests, containerLimits, errors))
                        {
                            node ??= container.GetEntry("resources")?.Key ?? container;
                        }
                    }
                }
            }
            else if (item.Type == "Pod")
            {
                if (Constraints(item, "Pod", Sums(spec, limits, false), Sums(spec, limits, true), errors))
                {
                    node ??= spec;
                }
            }
        }

        return errors.Count == 0 ? null : AdmissionVerdict.Reject(forbidden + " is forbidden: " + Aggregate(errors), node);
    }

    private static Dictionary<string, Quantity> Sums(YamlMapping spec, LimitRangeDefaults limits, bool ofLimits)
        => EffectiveResources.Pod(spec, limits, ofLimits).ToDictionary(p => p.Key, p => Quantity.Parse(p.Value.ToString(CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    /// <summary>Pod validation after the defaults: a request above its (defaulted) limit.</summary>
    private static AdmissionVerdict? InvalidDefault(YamlMapping spec, LimitRangeDefaults limits, string invalid)
    {
        var index = 0;
        foreach (var container in spec.GetSequence("containers")?.Mappings ?? [])
        {
            var (requests, containerLimits, defaulted) = EffectiveResources.Container(container, limits);
            foreach (var key in defaulted.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (requests.TryGetValue(key, out var request) && request > containerLimits[key])
                {
                    return AdmissionVerdict.Reject(
                        invalid + " is invalid: spec.containers[" + index.ToString(CultureInfo.InvariantCulture) + "].resources.requests: Invalid value: \"" + request.Text + "\": must be less than or equal to " + key + " limit of " + containerLimits[key].Text,
                        container.GetPath("resources", "requests") ?? container);
                }
            }

            index++;
        }

        return null;
    }

    /// <summary>minConstraint, maxConstraint (maxRequestConstraint for claims, <paramref name="limits"/> null) and limitRequestRatioConstraint.</summary>
    private static bool Constraints(LimitRangeItem item, string type, Dictionary<string, Quantity> requests, Dictionary<string, Quantity>? limits, List<string> errors)
    {
        var before = errors.Count;
        foreach (var pair in item.Min.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var hasRequest = requests.TryGetValue(pair.Key, out var request);
            if (!hasRequest)
            {
                errors.Add("minimum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ".  No request is specified");
            }
            else if (request < pair.Value)
            {
                errors.Add("minimum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ", but request is " + Text(request));
            }
            else if (limits is not null && limits.TryGetValue(pair.Key, out var limit) && limit < pair.Value)
            {
                errors.Add("minimum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ", but limit is " + Text(limit));
            }
        }

        foreach (var pair in item.Max.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (limits is null)
            {
                if (!requests.TryGetValue(pair.Key, out var claimed))
                {
                    errors.Add("maximum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ".  No request is specified");
                }
                else if (claimed > pair.Value)
                {
                    errors.Add("maximum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ", but request is " + Text(claimed));
                }
            }
            else if (!limits.TryGetValue(pair.Key, out var limit))
            {
                errors.Add("maximum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ".  No limit is specified");
            }
            else if (limit > pair.Value)
            {
                errors.Add("maximum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ", but limit is " + Text(limit));
            }
            else if (requests.TryGetValue(pair.Key, out var request) && request > pair.Value)
            {
                errors.Add("maximum " + pair.Key + " usage per " + type + " is " + Text(pair.Value) + ", but request is " + Text(request));
            }
        }

        foreach (var pair in item.MaxLimitRequestRatio.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var ratio = Text(pair.Value);
            if (!requests.TryGetValue(pair.Key, out var request) || request.Value.IsZero)
            {
                errors.Add(pair.Key + " max limit to request ratio per " + type + " is " + ratio + ", but no request is specified or request is 0");
            }
            else if (limits is null || !limits.TryGetValue(pair.Key, out var limit) || limit.Value.IsZero)
            {
                errors.Add(pair.Key + " max limit to request ratio per " + type + " is " + ratio + ", but no limit is specified or limit is 0");
            }
            else if (Ratio(limit, request) is var observed && observed * 1000 > pair.Value.Value.ToInt64Ceiling(3))
            {
                // Go's %f: six decimals.
                errors.Add(pair.Key + " max limit to request ratio per " + type + " is " + ratio + ", but provided ratio is " + observed.ToString("F6", CultureInfo.InvariantCulture));
            }
        }

        return errors.Count > before;
    }

    /// <summary>PersistentVolumeClaimValidateLimitFunc: the storage request against min and max.</summary>
    private static AdmissionVerdict? Claim(KubeObject obj, LimitRangeDefaults limits)
    {
        var requests = LimitRangeItem.Read(obj.Spec?.GetPath("resources", "requests") as YamlMapping);
        var errors = new List<string>();
        foreach (var item in limits.Items.Where(i => i.Type == "PersistentVolumeClaim"))
        {
            Constraints(item with { MaxLimitRequestRatio = new Dictionary<string, Quantity>() }, "PersistentVolumeClaim", requests, null, errors);
        }

        return errors.Count == 0 ? null : AdmissionVerdict.Reject("persistentvolumeclaims \"" + obj.Name + "\" is forbidden: " + Aggregate(errors), obj.Spec?.GetEntry("resources")?.Key);
    }

    /// <summary>utilerrors.NewAggregate's message: the error alone, or "[a, b]".</summary>
    internal static string Aggregate(List<string> errors)
    {
        var distinct = errors.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
    }

    /// <summary>limitRequestRatioConstraint's observed ratio: float64 of the milli values.</summary>
    private static double Ratio(Quantity limit, Quantity request) => (double)limit.Value.ToInt64Ceiling(3) / request.Value.ToInt64Ceiling(3);

    private static string Text(Quantity quantity) => QuantityFormat.Format(EffectiveResources.Amount(quantity), quantity.IsBinarySuffix);
}
