using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// NodeName (pkg/scheduler/framework/plugins/nodename/node_name.go Fits): a pod naming a node fits only that node.
/// Pods created with spec.nodeName never reach the scheduler's queue (its informer takes only unassigned pods), so
/// in practice this filter sees pods without a name and passes every node, as upstream.
/// </summary>
internal sealed class NodeName : SchedulerPlugin, IFilterPlugin, IFilterShortcut
{
    /// <summary>ErrReason.</summary>
    public const string ErrReason = "node(s) didn't match the requested node name";

    public override string Name => "NodeName";

    public bool PassesEveryNode(SimPod pod, ClusterSnapshot snapshot) => pod.NodeName is not { Length: > 0 };

    public int Filter(CycleState state, SimPod pod, NodeInfo node)
        => pod.NodeName is { Length: > 0 } name && name != node.Node.Name ? 1 : 0;

    public StatusCode CodeOf(int failure) => StatusCode.UnschedulableAndUnresolvable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons) => reasons.Add(ErrReason);
}
