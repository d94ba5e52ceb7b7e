using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go). Filter
/// (fitsRequest): the pod count, then each requested resource against allocatable minus what the node's pods
/// request; every shortfall is a reason. Score: LeastAllocated over cpu and memory (weights 1) with the non-zero
/// requests (100m and 200Mi for containers that request nothing), int64 arithmetic as upstream. Weight 1.
/// </summary>
internal sealed class NodeResourcesFit : SchedulerPlugin, IFilterPlugin, IScorePlugin
{
    public const string ReasonTooManyPods = "Too many pods";

    public override string Name => "NodeResourcesFit";

    public int Weight => 1;

    /// <summary>"Insufficient cpu", "Insufficient nvidia.com/gpu", ...</summary>
    public static string Insufficient(string resource) => "Insufficient " + resource;

    public static bool Fits(SimPod pod, NodeInfo node)
    {
        if (node.Pods.Count + 1 > node.AllocPods)
        {
            return false;
        }

        var r = pod.Requests;
        if (r.MilliCpu > 0 && r.MilliCpu > node.AllocMilliCpu - node.ReqMilliCpu)
        {
            return false;
        }

        if (r.Memory > 0 && r.Memory > node.AllocMemory - node.ReqMemory)
        {
            return false;
        }

        if (r.EphemeralStorage > 0 && r.EphemeralStorage > node.AllocEphemeral - node.ReqEphemeral)
        {
            return false;
        }

        if (r.Extended is null)
        {
            return true;
        }

        foreach (var pair in r.Extended)
        {
            if (pair.Value > 0 && pair.Value > node.Node.Allocatable.ExtendedValue(pair.Key) - node.Requested.ExtendedValue(pair.Key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every reason fitsRequest gives for a node, in its order.</summary>
    public static void Reasons(SimPod pod, NodeInfo node, List<string> reasons)
    {
        if (node.Pods.Count + 1 > node.AllocPods)
        {
            reasons.Add(ReasonTooManyPods);
        }

        var r = pod.Requests;
        if (r.MilliCpu > 0 && r.MilliCpu > node.AllocMilliCpu - node.ReqMilliCpu)
        {
            reasons.Add(Insufficient("cpu"));
        }

        if (r.Memory > 0 && r.Memory > node.AllocMemory - node.ReqMemory)
        {
            reasons.Add(Insufficient("memory"));
        }

        if (r.EphemeralStorage > 0 && r.EphemeralStorage > node.AllocEphemeral - node.ReqEphemeral)
        {
            reasons.Add(Insufficient("ephemeral-storage"));
        }

        foreach (var pair in r.Extended ?? [])
        {
            if (pair.Value > 0 && pair.Value > node.Node.Allocatable.ExtendedValue(pair.Key) - node.Requested.ExtendedValue(pair.Key))
            {
                reasons.Add(Insufficient(pair.Key));
            }
        }
    }

    internal static long LeastRequested(long requested, long capacity)
        => requested > capacity ? 0 : (capacity - requested) * 100 / capacity;

    public int Filter(CycleState state, SimPod pod, NodeInfo node) => Fits(pod, node) ? 0 : 1;

    public StatusCode CodeOf(int failure) => StatusCode.Unschedulable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons) => Reasons(pod, node, reasons);

    public bool PreScore(CycleState state, SimPod pod, NodeInfo[] feasible, int count) => true;

    public void Score(CycleState state, SimPod pod, NodeInfo[] feasible, int count, long[] scores)
    {
        // Read once: the loop's stores to scores[] keep the JIT from hoisting the pod's fields itself.
        var cpu = pod.NonZeroMilliCpu;
        var memory = pod.NonZeroMemory;
        for (var k = 0; k < count; k++)
        {
            var node = feasible[k];
            long score = 0, weights = 0;
            if (node.AllocMilliCpu > 0)
            {
                score += LeastRequested(node.NonZeroMilliCpu + cpu, node.AllocMilliCpu);
                weights++;
            }

            if (node.AllocMemory > 0)
            {
                score += LeastRequested(node.NonZeroMemory + memory, node.AllocMemory);
                weights++;
            }

            scores[k] = weights == 0 ? 0 : score / weights;
        }
    }
}
