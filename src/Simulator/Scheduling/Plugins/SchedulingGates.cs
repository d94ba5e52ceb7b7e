using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// SchedulingGates (pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go PreEnqueue): a pod with
/// spec.schedulingGates never enters the active queue; it stays Pending with the SchedulingGated condition and no
/// FailedScheduling event until every gate is removed.
/// </summary>
internal sealed class SchedulingGates : SchedulerPlugin, IPreEnqueuePlugin
{
    public const string Reason = "SchedulingGated: the pod has scheduling gates and is not considered for scheduling until they are removed";

    public override string Name => "SchedulingGates";

    public string? PreEnqueue(SimPod pod) => pod.SchedulingGated ? Reason : null;
}
