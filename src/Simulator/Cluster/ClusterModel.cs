using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Cluster;

/// <summary>The cluster the manifests are dry-run against: nodes, storage, priority classes, LimitRanges, existing pods.</summary>
public sealed class ClusterModel
{
    public List<SimNode> Nodes { get; } = [];

    public Dictionary<string, SimStorageClass> StorageClasses { get; } = new(StringComparer.Ordinal);

    public List<SimVolume> Volumes { get; } = [];

    public Dictionary<string, int> PriorityClasses { get; } = new(StringComparer.Ordinal)
    {
        // Built-in classes every cluster has.
        ["system-cluster-critical"] = 2000000000,
        ["system-node-critical"] = 2000001000,
    };

    /// <summary>The value of the PriorityClass with globalDefault: true, else 0.</summary>
    public int DefaultPriority { get; set; }

    public HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LimitRangeDefaults> LimitRanges { get; } = new(StringComparer.Ordinal);

    /// <summary>Pods that already exist (from the cluster description); those with spec.nodeName run there.</summary>
    public List<KubeObject> ExistingPods { get; } = [];

    /// <summary>True when the model is the embedded default cluster.</summary>
    public bool IsDefault { get; set; }

    /// <summary>The default StorageClass; with several, the last one read wins (upstream picks the newest).</summary>
    public SimStorageClass? DefaultStorageClass => StorageClasses.Values.Where(c => c.IsDefault).OrderBy(c => c.Name, StringComparer.Ordinal).LastOrDefault();
}
