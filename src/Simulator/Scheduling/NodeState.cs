using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling;

/// <summary>The mutable per-node accounting of the scheduler's snapshot (NodeInfo): requested, non-zero requested, pods, ports.</summary>
internal sealed class NodeState
{
    public NodeState(SimNode node)
    {
        Node = node;
        HasHardTaints = node.Taints.Any(t => t.IsHard);
        HasPreferTaints = node.Taints.Any(t => t.Effect == Taint.PreferNoSchedule);
        Unschedulable = node.Unschedulable;
        AllocMilliCpu = node.Allocatable.MilliCpu;
        AllocMemory = node.Allocatable.Memory;
        AllocEphemeral = node.Allocatable.EphemeralStorage;
        AllocPods = node.AllocatablePods;
    }

    // The values the filter and scores read for every node, copied here so a node costs one object access in the
    // hot loop instead of a chain of references (measured: 100,000 pods on 5,000 nodes went from 7.1 s to 2.9 s).
    public bool Unschedulable { get; }

    public long AllocMilliCpu { get; }

    public long AllocMemory { get; }

    public long AllocEphemeral { get; }

    public int AllocPods { get; }

    public long ReqMilliCpu { get; private set; }

    public long ReqMemory { get; private set; }

    public long ReqEphemeral { get; private set; }

    public int PodCount { get; private set; }

    public SimNode Node { get; }

    public bool HasHardTaints { get; }

    public bool HasPreferTaints { get; }

    public Resources Requested { get; private set; } = new();

    public long NonZeroMilliCpu { get; set; }

    public long NonZeroMemory { get; set; }

    public List<SimPod> Pods { get; private set; } = [];

    public List<HostPort>? Ports { get; private set; }

    public void Add(SimPod pod)
    {
        Pods.Add(pod);
        Requested.Add(pod.Requests);
        Sync();
        NonZeroMilliCpu += pod.NonZeroMilliCpu;
        NonZeroMemory += pod.NonZeroMemory;
        if (pod.HostPorts.Count > 0)
        {
            (Ports ??= []).AddRange(pod.HostPorts);
        }
    }

    public bool Remove(SimPod pod)
    {
        if (!Pods.Remove(pod))
        {
            return false;
        }

        Requested.Subtract(pod.Requests);
        Sync();
        NonZeroMilliCpu -= pod.NonZeroMilliCpu;
        NonZeroMemory -= pod.NonZeroMemory;
        if (Ports is not null)
        {
            foreach (var port in pod.HostPorts)
            {
                Ports.Remove(port);
            }
        }

        return true;
    }

    public NodeState Clone()
    {
        var clone = new NodeState(Node)
        {
            Requested = Requested.Clone(),
            NonZeroMilliCpu = NonZeroMilliCpu,
            NonZeroMemory = NonZeroMemory,
            Pods = [.. Pods],
            Ports = Ports is null ? null : [.. Ports],
        };
        clone.Sync();
        return clone;
    }

    private void Sync()
    {
        ReqMilliCpu = Requested.MilliCpu;
        ReqMemory = Requested.Memory;
        ReqEphemeral = Requested.EphemeralStorage;
        PodCount = Pods.Count;
    }
}
