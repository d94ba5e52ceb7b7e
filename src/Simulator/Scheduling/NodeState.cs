using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling;

/// <summary>The mutable per-node accounting of the scheduler's snapshot (NodeInfo): requested, non-zero requested, pods, ports.</summary>
internal sealed class NodeState
{
    public NodeState(SimNode node, int index)
    {
        Node = node;
        Index = index;
        HasHardTaints = node.Taints.Any(t => t.IsHard);
        HasPreferTaints = node.Taints.Any(t => t.Effect == Taint.PreferNoSchedule);
    }

    public SimNode Node { get; }

    public int Index { get; }

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

    public NodeState Clone() => new(Node, Index)
    {
        Requested = Requested.Clone(),
        NonZeroMilliCpu = NonZeroMilliCpu,
        NonZeroMemory = NonZeroMemory,
        Pods = [.. Pods],
        Ports = Ports is null ? null : [.. Ports],
    };
}
