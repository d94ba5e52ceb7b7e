using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>Reads a pod spec into a <see cref="SimPod"/> template: requests, tolerations, affinity, ports, claims.</summary>
public static class PodSpecReader
{
    /// <summary>The scoring defaults for a container without a request (scheduler util DefaultMilliCPURequest / DefaultMemoryRequest).</summary>
    public const long DefaultMilliCpuRequest = 100;

    public const long DefaultMemoryRequest = 200L * 1024 * 1024;

    public static SimPod Read(PodTemplate template, string name, string workload, ClusterModel cluster, YamlNode? reportNode)
        => Read(template.Spec, template.Labels, template.Namespace, name, workload, template.Owner, cluster, reportNode);

    public static SimPod Read(YamlMapping spec, IReadOnlyDictionary<string, string> labels, string ns, string name, string workload, KubeObject? owner, ClusterModel cluster, YamlNode? reportNode)
    {
        cluster.LimitRanges.TryGetValue(ns, out var limitRange);
        var (requests, nonZero) = PodRequests(spec, limitRange, cluster.Version.PodLevelResources);

        // Priority admission: the class's value and preemptionPolicy are copied into the pod (a pod naming another
        // policy than its class is rejected, see PodAdmission); without a class, the global default class applies.
        var priorityClass = spec.GetString("priorityClassName") is { } className
            ? cluster.PriorityClasses.TryGetValue(className, out var named) ? named : null
            : cluster.DefaultPriorityClass;
        var priority = priorityClass?.Value ?? 0;
        var neverPreempts = priorityClass?.NeverPreempts ?? spec.GetString("preemptionPolicy") == "Never";
        var labelsForKeys = cluster.Version.MatchLabelKeysInPodAffinity ? labels : null;

        var affinity = spec.GetMapping("affinity");
        var nodeAffinity = affinity?.GetMapping("nodeAffinity");
        List<NodeSelectorTerm>? required = null;
        if (nodeAffinity?.GetPath("requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms") is YamlSequence terms)
        {
            required = terms.Mappings.Select(NodeSelectorTerm.Read).ToList();
        }

        var preferred = new List<(int, NodeSelectorTerm)>();
        foreach (var term in nodeAffinity?.GetSequence("preferredDuringSchedulingIgnoredDuringExecution")?.Mappings ?? [])
        {
            if (Int(term, "weight") is > 0 and var weight && term.GetMapping("preference") is { } preference)
            {
                preferred.Add((weight, NodeSelectorTerm.Read(preference)));
            }
        }

        return new SimPod
        {
            Namespace = ns,
            Name = name,
            Workload = workload,
            Owner = owner,
            Labels = labels,
            Priority = priority,
            NeverPreempts = neverPreempts,
            Requests = requests,
            NonZeroMilliCpu = nonZero.MilliCpu,
            NonZeroMemory = nonZero.Memory,
            Tolerations = Toleration.ReadAll(spec.GetSequence("tolerations")),
            NodeSelector = KubeObject.ReadStringMap(spec.GetMapping("nodeSelector")),
            RequiredNodeTerms = required,
            PreferredNodeTerms = preferred,
            HostPorts = HostPorts(spec),
            SpreadConstraints = Spread(spec, labels),
            RequiredAffinity = Terms(affinity?.GetMapping("podAffinity"), ns, cluster.NamespaceLabels, labelsForKeys),
            RequiredAntiAffinity = Terms(affinity?.GetMapping("podAntiAffinity"), ns, cluster.NamespaceLabels, labelsForKeys),
            PreferredPodTerms = PreferredTerms(affinity?.GetMapping("podAffinity"), ns, 1, cluster.NamespaceLabels, labelsForKeys)
                .Concat(PreferredTerms(affinity?.GetMapping("podAntiAffinity"), ns, -1, cluster.NamespaceLabels, labelsForKeys)).ToList(),
            Claims = Claims(spec),
            NodeName = spec.GetString("nodeName") is { Length: > 0 } nodeName ? nodeName : null,
            SchedulingGated = spec.GetSequence("schedulingGates")?.Items.Count > 0,
            ReportNode = reportNode,
        };
    }

    /// <summary>
    /// resource.PodRequests: app containers summed; init containers walked in order, a sidecar (restartPolicy
    /// Always) adding to the app sum and to the running sidecar total, a regular init container needing its own
    /// request plus the sidecars before it; pod = max(app sum, init max) + overhead; pod-level resources replace
    /// cpu/memory where PodLevelResources is on (1.34+; before, the API server drops spec.resources). The second
    /// result applies the scoring defaults to containers without a cpu/memory request.
    /// </summary>
    public static (Resources Requests, Resources NonZero) PodRequests(YamlMapping spec, LimitRangeDefaults? limitRange, bool podLevelResources = true)
    {
        var apps = new Resources();
        var appsNonZero = new Resources();
        foreach (var container in spec.GetSequence("containers")?.Mappings ?? [])
        {
            var (actual, nonZero) = ContainerRequests(container, limitRange);
            apps.Add(actual);
            appsNonZero.Add(nonZero);
        }

        var initMax = new Resources();
        var initMaxNonZero = new Resources();
        var sidecars = new Resources();
        var sidecarsNonZero = new Resources();
        foreach (var container in spec.GetSequence("initContainers")?.Mappings ?? [])
        {
            var (actual, nonZero) = ContainerRequests(container, limitRange);
            if (container.GetString("restartPolicy") == "Always")
            {
                apps.Add(actual);
                appsNonZero.Add(nonZero);
                sidecars.Add(actual);
                sidecarsNonZero.Add(nonZero);
                initMax.MaxWith(sidecars);
                initMaxNonZero.MaxWith(sidecarsNonZero);
            }
            else
            {
                var need = actual.Clone();
                need.Add(sidecars);
                var needNonZero = nonZero.Clone();
                needNonZero.Add(sidecarsNonZero);
                initMax.MaxWith(need);
                initMaxNonZero.MaxWith(needNonZero);
            }
        }

        apps.MaxWith(initMax);
        appsNonZero.MaxWith(initMaxNonZero);
        var overhead = Resources.Read(spec.GetMapping("overhead"), out _);
        apps.Add(overhead);
        appsNonZero.Add(overhead);
        if (!podLevelResources)
        {
            return (apps, appsNonZero);
        }

        var podLevel = Resources.Read(spec.GetPath("resources", "requests") as YamlMapping, out var podLevelKeys);
        if (podLevelKeys.Contains("cpu"))
        {
            apps.MilliCpu = appsNonZero.MilliCpu = podLevel.MilliCpu;
        }

        if (podLevelKeys.Contains("memory"))
        {
            apps.Memory = appsNonZero.Memory = podLevel.Memory;
        }

        return (apps, appsNonZero);
    }

    private static (Resources Actual, Resources NonZero) ContainerRequests(YamlMapping container, LimitRangeDefaults? limitRange)
    {
        var resources = container.GetMapping("resources");
        var requests = Resources.Read(resources?.GetMapping("requests"), out var requestKeys);

        // API defaulting: a limit without a request makes the request equal to the limit.
        var limits = Resources.Read(resources?.GetMapping("limits"), out var limitKeys);
        CopyMissing(requests, requestKeys, limits, limitKeys);

        // LimitRanger admission: the namespace's default request for keys still missing.
        if (limitRange is not null && limitRange.DefaultRequests.Count > 0)
        {
            var defaults = new Resources();
            var defaultKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in limitRange.DefaultRequests)
            {
                defaultKeys.Add(pair.Key);
                Apply(defaults, pair.Key, pair.Value);
            }

            CopyMissing(requests, requestKeys, defaults, defaultKeys);
        }

        var nonZero = requests.Clone();
        if (!requestKeys.Contains("cpu"))
        {
            nonZero.MilliCpu = DefaultMilliCpuRequest;
        }

        if (!requestKeys.Contains("memory"))
        {
            nonZero.Memory = DefaultMemoryRequest;
        }

        return (requests, nonZero);
    }

    private static void CopyMissing(Resources target, HashSet<string> targetKeys, Resources source, HashSet<string> sourceKeys)
    {
        foreach (var key in sourceKeys)
        {
            if (!targetKeys.Add(key))
            {
                continue;
            }

            switch (key)
            {
                case "cpu":
                    target.MilliCpu = source.MilliCpu;
                    break;
                case "memory":
                    target.Memory = source.Memory;
                    break;
                case "ephemeral-storage":
                    target.EphemeralStorage = source.EphemeralStorage;
                    break;
                case "pods":
                    break;
                default:
                    target.Extended ??= new SortedDictionary<string, long>(StringComparer.Ordinal);
                    target.Extended[key] = source.ExtendedValue(key);
                    break;
            }
        }
    }

    private static void Apply(Resources target, string key, Quantity quantity)
    {
        switch (key)
        {
            case "cpu":
                target.MilliCpu = Resources.ToMilli(quantity);
                break;
            case "memory":
                target.Memory = Resources.ToUnits(quantity);
                break;
            case "ephemeral-storage":
                target.EphemeralStorage = Resources.ToUnits(quantity);
                break;
            default:
                target.Extended ??= new SortedDictionary<string, long>(StringComparer.Ordinal);
                target.Extended[key] = Resources.ToUnits(quantity);
                break;
        }
    }

    private static List<HostPort> HostPorts(YamlMapping spec)
    {
        var result = new List<HostPort>();
        // getContainerPorts and NodeInfo.updateUsedPorts read app containers only.
        foreach (var container in spec.GetSequence("containers")?.Mappings ?? [])
        {
            foreach (var port in container.GetSequence("ports")?.Mappings ?? [])
            {
                if (Int(port, "hostPort") is > 0 and var hostPort)
                {
                    result.Add(new HostPort(port.GetString("protocol") ?? "TCP", port.GetString("hostIP") ?? string.Empty, hostPort));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// topologySpreadConstraints; matchLabelKeys (on by default since 1.27) add "key in (value)" for the pod's own
    /// label values to the selector, as filterTopologySpreadConstraints does.
    /// </summary>
    private static List<SpreadConstraint> Spread(YamlMapping spec, IReadOnlyDictionary<string, string> labels)
    {
        var result = new List<SpreadConstraint>();
        foreach (var constraint in spec.GetSequence("topologySpreadConstraints")?.Mappings ?? [])
        {
            var selector = constraint.GetMapping("labelSelector") is { } s ? LabelSelector.FromLabelSelector(s) : null;
            var keys = (constraint.GetSequence("matchLabelKeys")?.Items.OfType<YamlScalar>() ?? [])
                .Where(k => labels.ContainsKey(k.Value))
                .Select(k => new LabelRequirement(k.Value, LabelOperator.In, [labels[k.Value]]))
                .ToList();
            if (selector is not null && keys.Count > 0)
            {
                selector = selector.And(keys);
            }

            result.Add(new SpreadConstraint(
                Math.Max(1, Int(constraint, "maxSkew")),
                constraint.GetString("topologyKey") ?? string.Empty,
                constraint.GetString("whenUnsatisfiable") != "ScheduleAnyway",
                selector,
                Math.Max(1, Int(constraint, "minDomains")),
                constraint.GetString("nodeAffinityPolicy") != "Ignore",
                constraint.GetString("nodeTaintsPolicy") == "Honor"));
        }

        return result;
    }

    private static List<PodAffinityTerm> Terms(YamlMapping? affinity, string ns, NamespaceDirectory namespaces, IReadOnlyDictionary<string, string>? labels)
    {
        var result = new List<PodAffinityTerm>();
        foreach (var term in affinity?.GetSequence("requiredDuringSchedulingIgnoredDuringExecution")?.Mappings ?? [])
        {
            if (PodAffinityTerm.Read(term, ns, namespaces, labels) is { } read)
            {
                result.Add(read);
            }
        }

        return result;
    }

    private static IEnumerable<(int, PodAffinityTerm)> PreferredTerms(YamlMapping? affinity, string ns, int sign, NamespaceDirectory namespaces, IReadOnlyDictionary<string, string>? labels)
    {
        foreach (var term in affinity?.GetSequence("preferredDuringSchedulingIgnoredDuringExecution")?.Mappings ?? [])
        {
            if (Int(term, "weight") is > 0 and var weight && PodAffinityTerm.Read(term.GetMapping("podAffinityTerm"), ns, namespaces, labels) is { } read)
            {
                yield return (sign * weight, read);
            }
        }
    }

    private static List<string> Claims(YamlMapping spec)
    {
        var result = new List<string>();
        foreach (var volume in spec.GetSequence("volumes")?.Mappings ?? [])
        {
            if (volume.GetPath("persistentVolumeClaim", "claimName") is YamlScalar { IsNull: false } claim)
            {
                result.Add(claim.Value);
            }
        }

        return result;
    }

    /// <summary>An int32 field as the server stores it (a larger number keeps its low 32 bits, see DecodedInteger); 0 when absent.</summary>
    public static int Int(YamlMapping? map, string key)
        => map?.GetScalar(key) is { } scalar && DecodedInteger.TryReadInt32(scalar, out var value) ? value : 0;
}
