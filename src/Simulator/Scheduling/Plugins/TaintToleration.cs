using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// TaintToleration (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go). Filter: the first
/// NoSchedule/NoExecute taint the pod does not tolerate rejects the node (FindMatchingUntoleratedTaint). Score: the
/// number of PreferNoSchedule taints the pod does not tolerate with an empty or PreferNoSchedule toleration,
/// normalised in reverse (DefaultNormalizeScore reverse=true). Weight 3.
/// </summary>
internal sealed class TaintToleration(SchedulerVersion version) : SchedulerPlugin, IFilterPlugin, IFilterShortcut, IScorePlugin
{
    /// <summary>The reason since v1.35 (kubernetes/kubernetes#134740), which no longer names the taint.</summary>
    public const string ErrReasonUntoleratedTaints = "node(s) had untolerated taint(s)";

    private long[] _counts = [];

    public override string Name => "TaintToleration";

    public int Weight => 3;

    /// <summary>The reason before v1.35: "node(s) had untolerated taint {key: value}".</summary>
    public static string ErrReasonUntoleratedTaint(Taint taint) => "node(s) had untolerated taint {" + taint.Key + ": " + taint.Value + "}";

    public static Taint? FirstUntolerated(SimPod pod, SimNode node)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.IsHard && !Toleration.AnyTolerates(pod.Tolerations, taint))
            {
                return taint;
            }
        }

        return null;
    }

    public bool PassesEveryNode(SimPod pod, ClusterSnapshot snapshot) => snapshot.TaintedNodes == 0;

    public int Filter(CycleState state, SimPod pod, NodeInfo node)
        => node.HasHardTaints && FirstUntolerated(pod, node.Node) is not null ? 1 : 0;

    public StatusCode CodeOf(int failure) => StatusCode.UnschedulableAndUnresolvable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons)
        => reasons.Add(version.GenericTaintReason ? ErrReasonUntoleratedTaints : ErrReasonUntoleratedTaint(FirstUntolerated(pod, node.Node)!));

    /// <summary>
    /// Without a PreferNoSchedule taint on any feasible node every node scores 100 after normalisation, which
    /// changes no node's rank, so the score is not computed (upstream computes it; the choice is the same).
    /// </summary>
    public bool PreScore(CycleState state, SimPod pod, NodeInfo[] feasible, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (feasible[k].HasPreferTaints)
            {
                return true;
            }
        }

        return false;
    }

    public void Score(CycleState state, SimPod pod, NodeInfo[] feasible, int count, long[] scores)
    {
        if (_counts.Length < count)
        {
            _counts = new long[feasible.Length];
        }

        long max = 0;
        for (var k = 0; k < count; k++)
        {
            long intolerable = 0;
            if (feasible[k].HasPreferTaints)
            {
                foreach (var taint in feasible[k].Node.Taints)
                {
                    if (taint.Effect == Taint.PreferNoSchedule && !ToleratesPreferred(pod, taint))
                    {
                        intolerable++;
                    }
                }
            }

            _counts[k] = intolerable;
            max = Math.Max(max, intolerable);
        }

        for (var k = 0; k < count; k++)
        {
            scores[k] = max == 0 ? 100 : 100 - (100 * _counts[k] / max);
        }
    }

    /// <summary>getAllTolerationPreferNoSchedule: only tolerations with an empty or PreferNoSchedule effect count.</summary>
    private static bool ToleratesPreferred(SimPod pod, Taint taint)
    {
        foreach (var toleration in pod.Tolerations)
        {
            if (toleration.Effect is "" or Taint.PreferNoSchedule && toleration.Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }
}
