using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Cluster;

/// <summary>A PriorityClass: its value and whether its pods never preempt (preemptionPolicy Never).</summary>
public sealed record PriorityClass(string Name, int Value, bool NeverPreempts);

/// <summary>The cluster the manifests are dry-run against: nodes, storage, priority classes, LimitRanges, existing pods.</summary>
public sealed class ClusterModel
{
    public List<SimNode> Nodes { get; } = [];

    public Dictionary<string, SimStorageClass> StorageClasses { get; } = new(StringComparer.Ordinal);

    public List<SimVolume> Volumes { get; } = [];

    public Dictionary<string, PriorityClass> PriorityClasses { get; } = new(StringComparer.Ordinal)
    {
        // Built-in classes every cluster has.
        ["system-cluster-critical"] = new PriorityClass("system-cluster-critical", 2000000000, NeverPreempts: false),
        ["system-node-critical"] = new PriorityClass("system-node-critical", 2000001000, NeverPreempts: false),
    };

    /// <summary>The PriorityClass with globalDefault: true (the lowest value when several claim it), or null.</summary>
    public PriorityClass? DefaultPriorityClass { get; set; }

    /// <summary>The namespaces the cluster description lists (kubectl get ns); empty when it lists none.</summary>
    public HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels of the namespaces of the cluster and of the manifests, for namespaceSelectors and Pod Security levels.</summary>
    public NamespaceDirectory NamespaceLabels { get; } = new();

    /// <summary>The Kubernetes version whose behaviour is simulated.</summary>
    public Scheduling.SchedulerVersion Version { get; set; } = Scheduling.SchedulerVersion.Latest;

    /// <summary>Services of the manifests, whose selectors join the default spreading selector of the pods they select.</summary>
    public List<KubeObject> Services { get; } = [];

    public Dictionary<string, LimitRangeDefaults> LimitRanges { get; } = new(StringComparer.Ordinal);

    /// <summary>Pods that already exist (from the cluster description); those with spec.nodeName run there.</summary>
    public List<KubeObject> ExistingPods { get; } = [];

    /// <summary>
    /// The pods of <see cref="ExistingPods"/> as the scheduler sees them (filled when the simulation starts); orphans
    /// have no ownerReferences, so a ReplicaSet may adopt them.
    /// </summary>
    public List<(SimPod Pod, bool Orphan)> RunningPods { get; } = [];

    /// <summary>True when the model is the embedded default cluster.</summary>
    public bool IsDefault { get; set; }

    /// <summary>The default StorageClass; with several, the last one read wins (upstream picks the newest).</summary>
    public SimStorageClass? DefaultStorageClass => StorageClasses.Values.Where(c => c.IsDefault).OrderBy(c => c.Name, StringComparer.Ordinal).LastOrDefault();
}
