using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling.Framework;

/// <summary>
/// The scheduler's view of the cluster (the cache and its snapshot): nodes in name order, which node each pod is
/// bound to, and the indexes the plugins read (pod counts per selector, placed pods' affinity terms, zone ids).
/// Nodes can be added (the autoscaled default cluster) but never removed.
/// </summary>
internal sealed class ClusterSnapshot
{
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    public const string HostnameLabel = "kubernetes.io/hostname";

    private readonly List<NodeInfo> _nodes = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<SimPod, int> _podNode = [];
    private readonly List<int> _zoneOf = [];
    private readonly Dictionary<string, int> _zoneIds = new(StringComparer.Ordinal);
    private int[] _nameRanks = [];

    public ClusterSnapshot(IEnumerable<SimNode> nodes)
    {
        foreach (var node in nodes)
        {
            AddNode(node);
        }
    }

    private ClusterSnapshot(ClusterSnapshot other)
    {
        foreach (var info in other._nodes)
        {
            _nodes.Add(info.Clone());
        }

        foreach (var pair in other._byName)
        {
            _byName[pair.Key] = pair.Value;
        }

        foreach (var pair in other._podNode)
        {
            _podNode[pair.Key] = pair.Value;
        }

        _zoneOf.AddRange(other._zoneOf);
        foreach (var pair in other._zoneIds)
        {
            _zoneIds[pair.Key] = pair.Value;
        }

        Counters = other.Counters.Clone();
        Terms = other.Terms.Clone();
        UnschedulableNodes = other.UnschedulableNodes;
        TaintedNodes = other.TaintedNodes;
        Version = other.Version;
    }

    public int NodeCount => _nodes.Count;

    public NodeInfo this[int index] => _nodes[index];

    public PodCounters Counters { get; } = new();

    public ExistingPodTerms Terms { get; } = new();

    /// <summary>Nodes with spec.unschedulable; none means the NodeUnschedulable filter cannot fail.</summary>
    public int UnschedulableNodes { get; private set; }

    /// <summary>Nodes with a NoSchedule or NoExecute taint; none means the TaintToleration filter cannot fail.</summary>
    public int TaintedNodes { get; private set; }

    public int ZoneCount => _zoneIds.Count;

    /// <summary>Grows with every change of placement or nodes, so callers can tell that nothing changed since.</summary>
    public long Version { get; private set; }

    public ClusterSnapshot Clone() => new(this);

    /// <summary>
    /// Each node's position in ordinal order of names, by node index. Equal scores go to the smallest name, and a
    /// pod on an empty cluster ties on hundreds of nodes: comparing ranks instead of names took a sixth off the
    /// scheduling time of 100,000 pods on 5,000 nodes. Computed again after nodes were added (never removed).
    /// </summary>
    public int[] NameRanks
    {
        get
        {
            if (_nameRanks.Length != _nodes.Count)
            {
                var order = new int[_nodes.Count];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                Array.Sort(order, (a, b) => string.CompareOrdinal(_nodes[a].Node.Name, _nodes[b].Node.Name));
                var ranks = new int[order.Length];
                for (var i = 0; i < order.Length; i++)
                {
                    ranks[order[i]] = i;
                }

                _nameRanks = ranks;
            }

            return _nameRanks;
        }
    }

    /// <summary>The node's zone (topology.kubernetes.io/zone) as a small integer, -1 without the label.</summary>
    public int ZoneOf(int node) => _zoneOf[node];

    public int IndexOf(string nodeName) => _byName.TryGetValue(nodeName, out var index) ? index : -1;

    public NodeInfo? NodeOf(SimPod pod) => _podNode.TryGetValue(pod, out var index) ? _nodes[index] : null;

    public IEnumerable<NodeInfo> Nodes => _nodes;

    /// <summary>Adds a node (kept in ordinal name order only for nodes given up front; added nodes go last).</summary>
    public NodeInfo AddNode(SimNode node)
    {
        var info = new NodeInfo(node, _nodes.Count);
        _nodes.Add(info);
        _byName[node.Name] = info.Index;
        if (node.Labels.TryGetValue(ZoneLabel, out var zone))
        {
            if (!_zoneIds.TryGetValue(zone, out var id))
            {
                _zoneIds[zone] = id = _zoneIds.Count;
            }

            _zoneOf.Add(id);
        }
        else
        {
            _zoneOf.Add(-1);
        }

        UnschedulableNodes += node.Unschedulable ? 1 : 0;
        TaintedNodes += info.HasHardTaints ? 1 : 0;
        Version++;
        return info;
    }

    public void Bind(SimPod pod, int node)
    {
        _nodes[node].Add(pod);
        _podNode[pod] = node;
        Counters.OnBound(pod, node, _zoneOf[node], 1);
        Terms.OnBound(pod, node, 1);
        Version++;
    }

    public bool Remove(SimPod pod)
    {
        if (!_podNode.TryGetValue(pod, out var node))
        {
            return false;
        }

        _nodes[node].Remove(pod);
        _podNode.Remove(pod);
        Counters.OnBound(pod, node, _zoneOf[node], -1);
        Terms.OnBound(pod, node, -1);
        Version++;
        return true;
    }
}
