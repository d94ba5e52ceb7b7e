using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>One pod instance the controllers would create, with everything the scheduler looks at precomputed.</summary>
public sealed class SimPod
{
    private IReadOnlyCollection<string>? _nodeNames;
    private bool _nodeNamesRead;

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>"Deployment/web" and so on; "Pod/name" for bare pods.</summary>
    public required string Workload { get; init; }

    /// <summary>The manifest the pod comes from (null for pods of the cluster description).</summary>
    public KubeObject? Owner { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public int Priority { get; init; }

    /// <summary>True when preemptionPolicy is Never (the pod's own, or the one the Priority admission copies from its class).</summary>
    public bool NeverPreempts { get; init; }

    /// <summary>Arrival order in the scheduling queue (the queue's second key after priority).</summary>
    public long Sequence { get; set; }

    /// <summary>Actual requests (resource.PodRequests: containers, init/sidecar rule, overhead).</summary>
    public required Resources Requests { get; init; }

    /// <summary>Requests with the scoring defaults (100m, 200Mi) for containers without a request.</summary>
    public long NonZeroMilliCpu { get; init; }

    public long NonZeroMemory { get; init; }

    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>Required node affinity terms (ORed); null when none.</summary>
    public IReadOnlyList<NodeSelectorTerm>? RequiredNodeTerms { get; init; }

    public IReadOnlyList<(int Weight, NodeSelectorTerm Term)> PreferredNodeTerms { get; init; } = [];

    public IReadOnlyList<HostPort> HostPorts { get; init; } = [];

    public IReadOnlyList<SpreadConstraint> SpreadConstraints { get; init; } = [];

    public IReadOnlyList<PodAffinityTerm> RequiredAffinity { get; init; } = [];

    public IReadOnlyList<PodAffinityTerm> RequiredAntiAffinity { get; init; } = [];

    /// <summary>Preferred pod affinity (positive weight) and anti-affinity (negative weight) terms.</summary>
    public IReadOnlyList<(int Weight, PodAffinityTerm Term)> PreferredPodTerms { get; init; } = [];

    /// <summary>Names of the PersistentVolumeClaims the pod mounts (in its namespace).</summary>
    public IReadOnlyList<string> Claims { get; init; } = [];

    /// <summary>
    /// The selector of the system default spreading (helper.DefaultSelector): the selectors of the Services that
    /// select the pod merged with its ReplicaSet's, StatefulSet's or ReplicationController's; null when empty.
    /// </summary>
    public LabelSelector? DefaultSpreadSelector { get; init; }

    /// <summary>spec.schedulingGates is not empty: the scheduler leaves the pod alone (SchedulingGated).</summary>
    public bool SchedulingGated { get; init; }

    /// <summary>spec.nodeName: such pods bypass the scheduler.</summary>
    public string? NodeName { get; init; }

    /// <summary>The YAML node a finding about this pod points at.</summary>
    public YamlNode? ReportNode { get; init; }

    public bool HasNodeConstraints => NodeSelector.Count > 0 || RequiredNodeTerms is not null;

    /// <summary>The pod has any pod (anti-)affinity term: it is in NodeInfo.PodsWithAffinity.</summary>
    public bool HasPodAffinity => RequiredAffinity.Count > 0 || RequiredAntiAffinity.Count > 0 || PreferredPodTerms.Count > 0;

    public string Key => Namespace + "/" + Name;

    /// <summary>
    /// The nodes NodeAffinity's PreFilter restricts the pod to (every required term names nodes with a metadata.name
    /// In field): null when any node may do, empty when the terms name disjoint sets.
    /// </summary>
    public IReadOnlyCollection<string>? NodeNames
    {
        get
        {
            if (!_nodeNamesRead)
            {
                _nodeNames = NodeSelectorTerm.NodeNamesOf(RequiredNodeTerms);
                _nodeNamesRead = true;
            }

            return _nodeNames;
        }
    }

    /// <summary>The node selector and required node affinity both match (nodeaffinity.GetRequiredNodeAffinity).</summary>
    public bool MatchesNodeAffinity(SimNode node)
    {
        foreach (var pair in NodeSelector)
        {
            if (!node.Labels.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        if (RequiredNodeTerms is null)
        {
            return true;
        }

        for (var i = 0; i < RequiredNodeTerms.Count; i++)
        {
            if (RequiredNodeTerms[i].Matches(node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A copy of this pod under another name (controllers stamp the same template many times); the pinned node and
    /// tolerations of DaemonSet pods, the claims and labels of StatefulSet pods may differ per copy, and the default spreading selector is set once
    /// the owner and the Services are known.
    /// </summary>
    public SimPod WithName(string name, IReadOnlyList<string>? claims = null, IReadOnlyList<NodeSelectorTerm>? requiredNodeTerms = null, IReadOnlyList<Toleration>? tolerations = null, IReadOnlyDictionary<string, string>? labels = null, LabelSelector? defaultSpreadSelector = null) => new()
    {
        Namespace = Namespace,
        Name = name,
        Workload = Workload,
        Owner = Owner,
        Labels = labels ?? Labels,
        Priority = Priority,
        NeverPreempts = NeverPreempts,
        Requests = Requests,
        NonZeroMilliCpu = NonZeroMilliCpu,
        NonZeroMemory = NonZeroMemory,
        Tolerations = tolerations ?? Tolerations,
        NodeSelector = NodeSelector,
        RequiredNodeTerms = requiredNodeTerms ?? RequiredNodeTerms,
        PreferredNodeTerms = PreferredNodeTerms,
        HostPorts = HostPorts,
        SpreadConstraints = SpreadConstraints,
        RequiredAffinity = RequiredAffinity,
        RequiredAntiAffinity = RequiredAntiAffinity,
        PreferredPodTerms = PreferredPodTerms,
        Claims = claims ?? Claims,
        NodeName = NodeName,
        ReportNode = ReportNode,
        DefaultSpreadSelector = defaultSpreadSelector ?? DefaultSpreadSelector,
        SchedulingGated = SchedulingGated,
    };
}
