using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go Filter): a cordoned
/// node (spec.unschedulable) takes only pods that tolerate node.kubernetes.io/unschedulable:NoSchedule.
/// </summary>
internal sealed class NodeUnschedulable : SchedulerPlugin, IFilterPlugin, IFilterShortcut
{
    /// <summary>ErrReasonUnschedulable.</summary>
    public const string ErrReasonUnschedulable = "node(s) were unschedulable";

    private static readonly Taint UnschedulableTaint = new("node.kubernetes.io/unschedulable", string.Empty, Taint.NoSchedule);

    public override string Name => "NodeUnschedulable";

    public bool PassesEveryNode(SimPod pod, ClusterSnapshot snapshot) => snapshot.UnschedulableNodes == 0;

    public int Filter(CycleState state, SimPod pod, NodeInfo node)
        => node.Unschedulable && !Toleration.AnyTolerates(pod.Tolerations, UnschedulableTaint) ? 1 : 0;

    public StatusCode CodeOf(int failure) => StatusCode.UnschedulableAndUnresolvable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons) => reasons.Add(ErrReasonUnschedulable);
}
