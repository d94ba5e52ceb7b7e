using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling.Framework;

/// <summary>
/// The scheduler's per-node accounting (pkg/scheduler/framework/types.go NodeInfo): the pods on the node, their
/// requests and non-zero requests, the host ports in use, how many pods carry pod affinity terms.
/// </summary>
internal sealed class NodeInfo
{
    public NodeInfo(SimNode node, int index)
    {
        Node = node;
        Index = index;
        Unschedulable = node.Unschedulable;
        HasHardTaints = node.Taints.Any(t => t.IsHard);
        HasPreferTaints = node.Taints.Any(t => t.Effect == Taint.PreferNoSchedule);
        AllocMilliCpu = node.Allocatable.MilliCpu;
        AllocMemory = node.Allocatable.Memory;
        AllocEphemeral = node.Allocatable.EphemeralStorage;
        AllocPods = node.AllocatablePods;
        HasHostnameLabel = node.Labels.ContainsKey(ClusterSnapshot.HostnameLabel);
        HasZoneLabel = node.Labels.ContainsKey(ClusterSnapshot.ZoneLabel);
    }

    public SimNode Node { get; }

    /// <summary>The node's position in the snapshot's node list (ordinal order of names).</summary>
    public int Index { get; }

    // The values the filters and scores read for every node, copied here so a node costs one object access in the
    // hot loop instead of a chain of references (measured: 100,000 pods on 5,000 nodes went from 7.1 s to 2.9 s).
    public long AllocMilliCpu { get; }

    public long AllocMemory { get; }

    public long AllocEphemeral { get; }

    public int AllocPods { get; }

    public bool Unschedulable { get; }

    public bool HasHardTaints { get; }

    // The two topology keys of the default spread constraints, asked for every feasible node of every pod: a label
    // lookup there was a fifth of the scheduling time of 100,000 pods on 5,000 nodes.
    public bool HasHostnameLabel { get; }

    public bool HasZoneLabel { get; }

    /// <summary>Whether the node has the label <paramref name="key"/>.</summary>
    public bool HasLabel(string key) => key switch
    {
        ClusterSnapshot.HostnameLabel => HasHostnameLabel,
        ClusterSnapshot.ZoneLabel => HasZoneLabel,
        _ => Node.Labels.ContainsKey(key),
    };

    public bool HasPreferTaints { get; }

    public long ReqMilliCpu { get; private set; }

    public long ReqMemory { get; private set; }

    public long ReqEphemeral { get; private set; }

    public Resources Requested { get; private set; } = new();

    public long NonZeroMilliCpu { get; private set; }

    public long NonZeroMemory { get; private set; }

    public List<SimPod> Pods { get; private set; } = [];

    public List<HostPort>? Ports { get; private set; }

    /// <summary>Pods with any pod (anti-)affinity term (NodeInfo.PodsWithAffinity).</summary>
    public int PodsWithAffinity { get; private set; }

    /// <summary>Pods with required anti-affinity terms (NodeInfo.PodsWithRequiredAntiAffinity).</summary>
    public int PodsWithRequiredAntiAffinity { get; private set; }

    public void Add(SimPod pod)
    {
        Pods.Add(pod);
        Requested.Add(pod.Requests);
        NonZeroMilliCpu += pod.NonZeroMilliCpu;
        NonZeroMemory += pod.NonZeroMemory;
        if (pod.HostPorts.Count > 0)
        {
            (Ports ??= []).AddRange(pod.HostPorts);
        }

        Count(pod, 1);
        Sync();
    }

    public bool Remove(SimPod pod)
    {
        if (!Pods.Remove(pod))
        {
            return false;
        }

        Requested.Subtract(pod.Requests);
        NonZeroMilliCpu -= pod.NonZeroMilliCpu;
        NonZeroMemory -= pod.NonZeroMemory;
        if (Ports is not null)
        {
            foreach (var port in pod.HostPorts)
            {
                Ports.Remove(port);
            }
        }

        Count(pod, -1);
        Sync();
        return true;
    }

    /// <summary>An independent copy (the preemption dry run edits copies).</summary>
    public NodeInfo Clone()
    {
        var clone = new NodeInfo(Node, Index)
        {
            Requested = Requested.Clone(),
            NonZeroMilliCpu = NonZeroMilliCpu,
            NonZeroMemory = NonZeroMemory,
            Pods = [.. Pods],
            Ports = Ports is null ? null : [.. Ports],
            PodsWithAffinity = PodsWithAffinity,
            PodsWithRequiredAntiAffinity = PodsWithRequiredAntiAffinity,
        };
        clone.Sync();
        return clone;
    }

    private void Count(SimPod pod, int delta)
    {
        if (pod.HasPodAffinity)
        {
            PodsWithAffinity += delta;
        }

        if (pod.RequiredAntiAffinity.Count > 0)
        {
            PodsWithRequiredAntiAffinity += delta;
        }
    }

    private void Sync()
    {
        ReqMilliCpu = Requested.MilliCpu;
        ReqMemory = Requested.Memory;
        ReqEphemeral = Requested.EphemeralStorage;
    }
}
