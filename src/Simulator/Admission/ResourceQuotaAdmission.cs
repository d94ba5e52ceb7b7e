using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Admission;

/// <summary>
/// ResourceQuota (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go CheckRequest, with
/// the evaluators of pkg/quota/v1/evaluator/core): usage accumulates in apply order, and pods count when their
/// controller creates them. A quota counts what its hard list names: object counts (pods, services,
/// persistentvolumeclaims, configmaps, secrets, count/&lt;resource&gt;), pod requests and limits after the LimitRanger's
/// defaults, claim storage per class; pod quotas may be scoped (BestEffort, NotBestEffort, Terminating,
/// NotTerminating, PriorityClass). A pod whose containers lack a request or limit the quota needs ("must specify")
/// and an object that would push usage over hard ("exceeded quota") are rejected with the server's words. A quota
/// applied with the manifests counts from its place in the apply on, as if its controller had already computed
/// its status (the real API server rejects with "status unknown" for the first seconds).
/// </summary>
internal sealed class ResourceQuotaAdmission : IAdmissionPlugin
{
    private static readonly HashSet<string> ValidationSet = new(StringComparer.Ordinal) { "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory" };

    private readonly ClusterModel _cluster;
    private readonly Dictionary<string, List<Quota>> _quotas = new(StringComparer.Ordinal);

    public ResourceQuotaAdmission(ClusterModel cluster, IEnumerable<KubeObject> clusterObjects)
    {
        _cluster = cluster;
        foreach (var obj in clusterObjects.Where(IsQuota))
        {
            Register(obj, obj.Root.GetPath("status", "used") as YamlMapping);
        }
    }

    public AdmissionVerdict? AdmitObject(KubeObject obj)
    {
        if (obj.EffectiveNamespace is not { } ns)
        {
            return null;
        }

        var usage = obj.Group.Length == 0 && obj.Kind == "Pod" && obj.Spec is { } spec ? PodUsage(spec, ns) : ObjectUsage(obj);
        var verdict = Charge(ns, usage, obj.Group.Length == 0 && obj.Kind == "Pod" ? obj.Spec : null, Resource(obj) + " \"" + obj.Name + "\"", obj.Spec ?? obj.Root);
        if (verdict is null && IsQuota(obj))
        {
            Register(obj, null);
        }

        return verdict;
    }

    public AdmissionVerdict? AdmitPod(Workload workload, SimPod pod, string name)
        => PodTemplate.Of(workload.Owner) is { } template
            ? Charge(template.Namespace, PodUsage(template.Spec, template.Namespace), template.Spec, "pods \"" + pod.Name + "\"", template.Template?.GetEntry("spec")?.Key ?? template.Spec)
            : null;

    private static bool IsQuota(KubeObject obj) => obj.Group.Length == 0 && obj.Kind == "ResourceQuota";

    /// <summary>The resource an object is counted as: "pods", "deployments.apps" (count/&lt;resource&gt;).</summary>
    private static string Resource(KubeObject obj)
    {
        var plural = obj.Kind.ToLowerInvariant() switch
        {
            "endpoints" => "endpoints",
            var k when k.EndsWith("s", StringComparison.Ordinal) => k + "es",
            var k when k.EndsWith("y", StringComparison.Ordinal) && !k.EndsWith("ay", StringComparison.Ordinal) => k.Substring(0, k.Length - 1) + "ies",
            var k => k + "s",
        };
        return obj.Group.Length == 0 ? plural : plural + "." + obj.Group;
    }

    private void Register(KubeObject obj, YamlMapping? used)
    {
        var ns = obj.EffectiveNamespace ?? "default";
        if (!_quotas.TryGetValue(ns, out var list))
        {
            _quotas[ns] = list = [];
        }

        var quota = new Quota(obj.Name, LimitRangeItem.Read(obj.Spec?.GetMapping("hard")), obj);
        foreach (var pair in LimitRangeItem.Read(used))
        {
            quota.Used[pair.Key] = EffectiveResources.Amount(pair.Value);
        }

        list.Add(quota);
    }

    /// <summary>The count usage of an object, and a claim's storage.</summary>
    private static Dictionary<string, decimal> ObjectUsage(KubeObject obj)
    {
        var resource = Resource(obj);
        var usage = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["count/" + resource] = 1 };
        if (obj.Group.Length != 0)
        {
            return usage;
        }

        switch (obj.Kind)
        {
            case "Service":
                usage["services"] = 1;
                var type = obj.Spec?.GetString("type");
                var ports = obj.Spec?.GetSequence("ports")?.Items.Count ?? 0;
                if (type == "LoadBalancer")
                {
                    usage["services.loadbalancers"] = 1;
                }

                if (type is "NodePort" or "LoadBalancer" && !(type == "LoadBalancer" && obj.Spec?.GetScalar("allocateLoadBalancerNodePorts") is { } allocate && allocate.TryGetBool(out var yes) && !yes))
                {
                    usage["services.nodeports"] = ports;
                }

                break;
            case "PersistentVolumeClaim":
                usage["persistentvolumeclaims"] = 1;
                var storage = LimitRangeItem.Read(obj.Spec?.GetPath("resources", "requests") as YamlMapping).TryGetValue("storage", out var s) ? EffectiveResources.Amount(s) : 0;
                usage["requests.storage"] = storage;
                if (obj.Spec?.GetString("storageClassName") is { Length: > 0 } className)
                {
                    usage[className + ".storageclass.storage.k8s.io/requests.storage"] = storage;
                    usage[className + ".storageclass.storage.k8s.io/persistentvolumeclaims"] = 1;
                }

                break;
            case "ConfigMap" or "Secret" or "ReplicationController" or "ResourceQuota":
                usage[resource] = 1;
                break;
            default:
                break;
        }

        return usage;
    }

    /// <summary>podComputeUsageHelper over the pod's requests and limits (PodRequests / PodLimits).</summary>
    private Dictionary<string, decimal> PodUsage(YamlMapping spec, string ns)
    {
        _cluster.LimitRanges.TryGetValue(ns, out var limits);
        var usage = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["pods"] = 1, ["count/pods"] = 1 };
        foreach (var pair in EffectiveResources.Pod(spec, limits, limits: false))
        {
            if (pair.Key is "cpu" or "memory" or "ephemeral-storage")
            {
                usage[pair.Key] = pair.Value;
                usage["requests." + pair.Key] = pair.Value;
            }
            else if (pair.Key.StartsWith("hugepages-", StringComparison.Ordinal))
            {
                usage[pair.Key] = pair.Value;
                usage["requests." + pair.Key] = pair.Value;
            }
            else if (pair.Key.IndexOf('/') >= 0)
            {
                usage["requests." + pair.Key] = pair.Value;
            }
        }

        foreach (var pair in EffectiveResources.Pod(spec, limits, limits: true))
        {
            if (pair.Key is "cpu" or "memory" or "ephemeral-storage")
            {
                usage["limits." + pair.Key] = pair.Value;
            }
        }

        return usage;
    }

    private AdmissionVerdict? Charge(string ns, Dictionary<string, decimal> usage, YamlMapping? podSpec, string name, YamlNode node)
    {
        if (!_quotas.TryGetValue(ns, out var quotas))
        {
            return null;
        }

        var matching = quotas.Where(q => Matches(q, podSpec, ns)).ToList();
        if (podSpec is not null)
        {
            foreach (var quota in matching)
            {
                if (MissingResources(quota, podSpec, ns) is { } missing)
                {
                    return AdmissionVerdict.Reject(name + " is forbidden: failed quota: " + quota.Name + ": must specify " + missing, node);
                }
            }
        }

        foreach (var quota in matching)
        {
            var exceeded = quota.Hard.Keys.Where(k => usage.TryGetValue(k, out var requested) && requested != 0 && Used(quota, k) + requested > EffectiveResources.Amount(quota.Hard[k])).OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (exceeded.Count > 0)
            {
                return AdmissionVerdict.Reject(
                    name + " is forbidden: exceeded quota: " + quota.Name
                    + ", requested: " + Print(exceeded, k => usage[k], quota) + ", used: " + Print(exceeded, k => Used(quota, k), quota) + ", limited: " + Print(exceeded, k => EffectiveResources.Amount(quota.Hard[k]), quota),
                    node);
            }
        }

        foreach (var quota in matching)
        {
            foreach (var key in quota.Hard.Keys)
            {
                if (usage.TryGetValue(key, out var requested))
                {
                    quota.Used[key] = Used(quota, key) + requested;
                }
            }
        }

        return null;
    }

    private static decimal Used(Quota quota, string key) => quota.Used.TryGetValue(key, out var used) ? used : 0;

    /// <summary>prettyPrint: "key=value" pairs in key order, joined by commas.</summary>
    private static string Print(List<string> keys, Func<string, decimal> value, Quota quota)
        => string.Join(",", keys.Select(k => k + "=" + QuantityFormat.Format(value(k), quota.Hard[k].IsBinarySuffix)));

    /// <summary>podEvaluator.Constraints: each container must request (or limit) the cpu and memory the quota tracks.</summary>
    private string? MissingResources(Quota quota, YamlMapping spec, string ns)
    {
        var required = quota.Hard.Keys.Where(ValidationSet.Contains).ToList();
        if (required.Count == 0)
        {
            return null;
        }

        _cluster.LimitRanges.TryGetValue(ns, out var limits);
        var missing = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var key in new[] { "containers", "initContainers" })
        {
            foreach (var container in spec.GetSequence(key)?.Mappings ?? [])
            {
                var (requests, containerLimits, _) = EffectiveResources.Container(container, limits);
                foreach (var resource in required)
                {
                    var has = resource.StartsWith("limits.", StringComparison.Ordinal) ? containerLimits.ContainsKey(resource.Substring(7))
                        : requests.ContainsKey(resource.StartsWith("requests.", StringComparison.Ordinal) ? resource.Substring(9) : resource);
                    if (!has)
                    {
                        if (!missing.TryGetValue(resource, out var names))
                        {
                            missing[resource] = names = new SortedSet<string>(StringComparer.Ordinal);
                        }

                        names.Add(container.GetString("name") ?? string.Empty);
                    }
                }
            }
        }

        return missing.Count == 0 ? null : string.Join("; ", missing.Select(p => p.Key + " for: " + string.Join(",", p.Value)));
    }

    /// <summary>Matches with the quota's scopes (pods only; a scoped quota counts no other object).</summary>
    private bool Matches(Quota quota, YamlMapping? podSpec, string ns)
    {
        var spec = quota.Object.Spec;
        var scopes = (spec?.GetSequence("scopes")?.Items.OfType<YamlScalar>().Select(s => (s.Value, "Exists", Array.Empty<string>())) ?? [])
            .Concat((spec?.GetPath("scopeSelector", "matchExpressions") as YamlSequence)?.Mappings.Select(m => (m.GetString("scopeName") ?? string.Empty, m.GetString("operator") ?? string.Empty, m.GetSequence("values")?.Items.OfType<YamlScalar>().Select(v => v.Value).ToArray() ?? [])) ?? [])
            .ToList();
        if (scopes.Count == 0)
        {
            return true;
        }

        if (podSpec is null)
        {
            return false;
        }

        foreach (var (scope, op, values) in scopes)
        {
            var matches = scope switch
            {
                "Terminating" => PodView(podSpec, "activeDeadlineSeconds") is >= 0,
                "NotTerminating" => PodView(podSpec, "activeDeadlineSeconds") is not >= 0,
                "BestEffort" => IsBestEffort(podSpec, ns),
                "NotBestEffort" => !IsBestEffort(podSpec, ns),
                "PriorityClass" => PriorityMatches(podSpec.GetString("priorityClassName") ?? string.Empty, op, values),
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    private static long? PodView(YamlMapping spec, string key) => spec.GetScalar(key) is { } s && s.TryGetInt64(out var value) ? value : null;

    private static bool PriorityMatches(string className, string op, string[] values) => op switch
    {
        "Exists" => className.Length > 0,
        "DoesNotExist" => className.Length == 0,
        "In" => Array.IndexOf(values, className) >= 0,
        "NotIn" => Array.IndexOf(values, className) < 0,
        _ => false,
    };

    /// <summary>QoS BestEffort: no container requests or limits cpu or memory (after the LimitRanger's defaults).</summary>
    private bool IsBestEffort(YamlMapping spec, string ns)
    {
        _cluster.LimitRanges.TryGetValue(ns, out var limits);
        foreach (var key in new[] { "containers", "initContainers" })
        {
            foreach (var container in spec.GetSequence(key)?.Mappings ?? [])
            {
                var (requests, containerLimits, _) = EffectiveResources.Container(container, limits);
                if (requests.ContainsKey("cpu") || requests.ContainsKey("memory") || containerLimits.ContainsKey("cpu") || containerLimits.ContainsKey("memory"))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed class Quota(string name, Dictionary<string, Quantity> hard, KubeObject obj)
    {
        public string Name { get; } = name;

        public Dictionary<string, Quantity> Hard { get; } = hard;

        public KubeObject Object { get; } = obj;

        public Dictionary<string, decimal> Used { get; } = new(StringComparer.Ordinal);
    }
}
