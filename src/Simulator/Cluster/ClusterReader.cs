using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Cluster;

/// <summary>Builds a <see cref="ClusterModel"/> from the user's Node, StorageClass, PV, PriorityClass, Namespace, LimitRange and Pod objects.</summary>
public static class ClusterReader
{
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>The cluster described by <paramref name="objects"/>; the embedded default when they define no node.</summary>
    public static ClusterModel Read(IReadOnlyList<KubeObject> objects)
    {
        var cluster = objects.Any(o => o.Group.Length == 0 && o.Kind == "Node") ? new ClusterModel() : DefaultCluster.Create();
        foreach (var obj in objects)
        {
            switch (obj.Group, obj.Kind)
            {
                case ("", "Node"):
                    cluster.Nodes.Add(ReadNode(obj));
                    break;
                case ("", "Namespace"):
                    cluster.Namespaces.Add(obj.Name);
                    cluster.NamespaceLabels.Declare(obj.Name, obj.Labels);
                    break;
                case ("", "Pod"):
                    cluster.ExistingPods.Add(obj);
                    break;
                default:
                    break;
            }
        }

        AddManifestObjects(cluster, objects);
        cluster.Nodes.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return cluster;
    }

    /// <summary>
    /// Adds StorageClasses, PersistentVolumes, PriorityClasses and LimitRanges: those of the cluster, and those shipped
    /// with the manifests, which join the cluster as they are applied together.
    /// </summary>
    public static void AddManifestObjects(ClusterModel cluster, IReadOnlyList<KubeObject> manifests)
    {
        foreach (var obj in manifests)
        {
            switch (obj.Group, obj.Kind)
            {
                case ("storage.k8s.io", "StorageClass"):
                    var sc = ReadStorageClass(obj);
                    cluster.StorageClasses[sc.Name] = sc;
                    break;
                case ("", "PersistentVolume"):
                    cluster.Volumes.Add(ReadVolume(obj));
                    break;
                case ("scheduling.k8s.io", "PriorityClass"):
                    ReadPriorityClass(cluster, obj);
                    break;
                case ("", "Namespace") when !cluster.NamespaceLabels.IsDeclared(obj.Name):
                    cluster.NamespaceLabels.Declare(obj.Name, obj.Labels);
                    break;
                case ("", "Service"):
                    cluster.Services.Add(obj);
                    break;
                default:
                    break;
            }
        }

        AddLimitRanges(cluster, manifests);
    }

    /// <summary>Adds the items of LimitRange objects (from the cluster or the manifests) and their Container defaults.</summary>
    public static void AddLimitRanges(ClusterModel cluster, IEnumerable<KubeObject> objects)
    {
        foreach (var obj in objects.Where(o => o.Group.Length == 0 && o.Kind == "LimitRange"))
        {
            var ns = obj.EffectiveNamespace ?? "default";
            if (!cluster.LimitRanges.TryGetValue(ns, out var limits))
            {
                cluster.LimitRanges[ns] = limits = new LimitRangeDefaults();
            }

            foreach (var item in obj.Spec?.GetSequence("limits")?.Mappings ?? [])
            {
                var type = item.GetString("type") ?? "Container";
                var min = LimitRangeItem.Read(item.GetMapping("min"));
                var max = LimitRangeItem.Read(item.GetMapping("max"));
                limits.Items.Add(new LimitRangeItem(obj, item, type, min, max, LimitRangeItem.Read(item.GetMapping("maxLimitRequestRatio"))));
                if (type != "Container")
                {
                    continue;
                }

                var defaultLimits = LimitRangeItem.Read(item.GetMapping("default"));
                var defaultRequests = LimitRangeItem.Read(item.GetMapping("defaultRequest"));
                CopyMissing(defaultLimits, max);
                CopyMissing(defaultRequests, defaultLimits);
                CopyMissing(defaultRequests, min);
                CopyMissing(limits.DefaultLimits, defaultLimits);
                CopyMissing(limits.DefaultRequests, defaultRequests);
            }
        }
    }

    private static void CopyMissing(Dictionary<string, Quantity> target, Dictionary<string, Quantity> source)
    {
        foreach (var pair in source)
        {
            if (!target.ContainsKey(pair.Key))
            {
                target[pair.Key] = pair.Value;
            }
        }
    }

    public static SimNode ReadNode(KubeObject obj)
    {
        var status = obj.Root.GetMapping("status");
        var allocatableMap = status?.GetMapping("allocatable") ?? status?.GetMapping("capacity");
        var allocatable = Resources.Read(allocatableMap, out _);
        var pods = 110;
        if (allocatableMap?.GetScalar("pods") is { IsNull: false } podText && Quantity.TryRead(podText, out var podQuantity, out _))
        {
            pods = (int)Math.Min(int.MaxValue, Resources.ToUnits(podQuantity));
        }

        var unschedulable = obj.Spec?.GetScalar("unschedulable") is { } flag && flag.TryGetBool(out var value) && value;
        var labels = new Dictionary<string, string>(obj.Labels.Count + 1, StringComparer.Ordinal);
        foreach (var pair in obj.Labels)
        {
            labels[pair.Key] = pair.Value;
        }

        // The kubelet always sets the hostname label; exported objects have it, hand-written ones may not.
        if (!labels.ContainsKey("kubernetes.io/hostname"))
        {
            labels["kubernetes.io/hostname"] = obj.Name;
        }
        return new SimNode(obj.Name, labels, Taint.ReadAll(obj.Spec?.GetSequence("taints")), allocatable, pods, unschedulable);
    }

    private static SimStorageClass ReadStorageClass(KubeObject obj)
    {
        var topologies = new List<NodeSelectorTerm>();
        foreach (var term in obj.Root.GetSequence("allowedTopologies")?.Mappings ?? [])
        {
            // allowedTopologies use matchLabelExpressions {key, values} with In semantics.
            var expressions = term.GetSequence("matchLabelExpressions")?.Mappings ?? [];
            topologies.Add(NodeSelectorTerm.FromLabelIn(expressions.Select(e => (e.GetString("key") ?? string.Empty, e.GetSequence("values")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray() ?? []))));
        }

        return new SimStorageClass(
            obj.Name,
            obj.Root.GetString("provisioner") ?? string.Empty,
            obj.Root.GetString("volumeBindingMode") == "WaitForFirstConsumer",
            obj.Annotations.TryGetValue(DefaultClassAnnotation, out var isDefault) && isDefault == "true",
            topologies);
    }

    public static SimVolume ReadVolume(KubeObject obj)
    {
        var spec = obj.Spec;
        var capacity = spec?.GetMapping("capacity")?.GetScalar("storage") is { IsNull: false } text && Quantity.TryRead(text, out var q, out _) ? Resources.ToUnits(q) : 0;
        var terms = spec?.GetPath("nodeAffinity", "required", "nodeSelectorTerms") is YamlSequence seq ? seq.Mappings.Select(NodeSelectorTerm.Read).ToList() : [];
        var claimRef = spec?.GetMapping("claimRef");
        var phase = obj.Root.GetPath("status", "phase") is YamlScalar p ? p.Value : null;
        return new SimVolume
        {
            Name = obj.Name,
            StorageClass = obj.Annotations.TryGetValue("volume.beta.kubernetes.io/storage-class", out var ann) ? ann : spec?.GetString("storageClassName") ?? string.Empty,
            Capacity = capacity,
            AccessModes = StringList(spec?.GetSequence("accessModes")),
            VolumeMode = spec?.GetString("volumeMode") ?? "Filesystem",
            Labels = obj.Labels,
            NodeAffinity = terms,
            ClaimRef = claimRef?.GetString("name") is { } name ? (claimRef.GetString("namespace") ?? "default") + "/" + name : null,
            BeingDeleted = obj.Metadata?.ContainsKey("deletionTimestamp") == true || phase is "Released" or "Failed",
        };
    }

    public static string[] StringList(YamlSequence? sequence)
        => sequence?.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray() ?? [];

    private static void ReadPriorityClass(ClusterModel cluster, KubeObject obj)
    {
        if (obj.Root.GetScalar("value") is not { } scalar || !scalar.TryGetInt64(out var value))
        {
            return;
        }

        // preemptionPolicy defaults to PreemptLowerPriority (scheduling/v1 SetDefaults_PriorityClass).
        var priority = new PriorityClass(obj.Name, (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, value)), obj.Root.GetString("preemptionPolicy") == "Never");
        cluster.PriorityClasses[obj.Name] = priority;

        // getDefaultPriorityClass: with several global defaults, the one with the lowest value.
        if (obj.Root.GetScalar("globalDefault") is { } global && global.TryGetBool(out var isDefault) && isDefault
            && (cluster.DefaultPriorityClass is null || priority.Value < cluster.DefaultPriorityClass.Value))
        {
            cluster.DefaultPriorityClass = priority;
        }
    }
}
