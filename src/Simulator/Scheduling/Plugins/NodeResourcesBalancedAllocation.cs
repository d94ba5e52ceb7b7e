using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go): the
/// fractions of cpu and memory the node's pods plus this pod request (actual requests, capped at 1) are scored
/// (1 − std) · 100; with two resources std = |f1 − f2| / 2. Since v1.33 (kubernetes/kubernetes#130260) PreScore
/// skips pods that request neither; the 1.32 tree scores them too. Weight 1.
/// </summary>
internal sealed class NodeResourcesBalancedAllocation(SchedulerVersion version) : SchedulerPlugin, IScorePlugin
{
    public override string Name => "NodeResourcesBalancedAllocation";

    public int Weight => 1;

    internal static long BalancedScore(double first, double second, int count)
    {
        var std = count == 2 ? Math.Abs(first - second) / 2 : 0.0;
        return (long)((1 - std) * 100);
    }

    public bool PreScore(CycleState state, SimPod pod, NodeInfo[] feasible, int count)
        => !version.BalancedAllocationSkipsPodsWithoutRequests || pod.Requests.MilliCpu != 0 || pod.Requests.Memory != 0;

    public void Score(CycleState state, SimPod pod, NodeInfo[] feasible, int count, long[] scores)
    {
        // Read once: the loop's stores to scores[] keep the JIT from hoisting the pod's fields itself.
        var cpu = pod.Requests.MilliCpu;
        var memory = pod.Requests.Memory;
        for (var k = 0; k < count; k++)
        {
            var node = feasible[k];
            double first = 0, second = 0;
            var resources = 0;
            if (node.AllocMilliCpu > 0)
            {
                first = Math.Min(1.0, (double)(node.ReqMilliCpu + cpu) / node.AllocMilliCpu);
                resources++;
            }

            if (node.AllocMemory > 0)
            {
                second = Math.Min(1.0, (double)(node.ReqMemory + memory) / node.AllocMemory);
                resources++;
            }

            scores[k] = BalancedScore(first, second, resources);
        }
    }
}
