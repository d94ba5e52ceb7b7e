using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// NodePorts (pkg/scheduler/framework/plugins/nodeports/node_ports.go): the host ports of the pod's containers
/// (getContainerPorts; init containers are not counted) must be free on the node (HostPortInfo.CheckConflict:
/// 0.0.0.0 or an empty hostIP conflicts with every address). Skipped for pods without host ports.
/// </summary>
internal sealed class NodePorts : SchedulerPlugin, IPreFilterPlugin, IFilterPlugin
{
    /// <summary>ErrReason.</summary>
    public const string ErrReason = "node(s) didn't have free ports for the requested pod ports";

    public override string Name => "NodePorts";

    public static bool Conflict(SimPod pod, List<HostPort>? used)
    {
        if (used is null)
        {
            return false;
        }

        foreach (var wanted in pod.HostPorts)
        {
            foreach (var port in used)
            {
                if (wanted.ConflictsWith(port))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public PreFilterResult PreFilter(CycleState state, SimPod pod) => pod.HostPorts.Count == 0 ? PreFilterResult.Skip : PreFilterResult.Success;

    public int Filter(CycleState state, SimPod pod, NodeInfo node) => Conflict(pod, node.Ports) ? 1 : 0;

    public StatusCode CodeOf(int failure) => StatusCode.Unschedulable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons) => reasons.Add(ErrReason);
}
