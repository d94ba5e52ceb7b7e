using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go). PreFilter: Skip without a node
/// selector or required terms; when every required term names nodes by metadata.name (DaemonSet pods), only those
/// nodes are filtered and every other node gets "didn't satisfy plugin(s) [NodeAffinity]" without its taints or
/// resources being looked at. Filter: nodeSelector and required terms (GetRequiredNodeAffinity). Score: the summed
/// weights of the matching preferred terms, normalised by DefaultNormalizeScore. Weight 2.
/// </summary>
internal sealed class NodeAffinity : SchedulerPlugin, IPreFilterPlugin, IFilterPlugin, IScorePlugin
{
    /// <summary>ErrReasonPod.</summary>
    public const string ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

    /// <summary>errReasonConflict: the terms name no node in common.</summary>
    public const string ErrReasonConflict = "pod affinity terms conflict";

    private long[] _raw = [];

    public override string Name => "NodeAffinity";

    public int Weight => 2;

    public PreFilterResult PreFilter(CycleState state, SimPod pod)
    {
        if (!pod.HasNodeConstraints)
        {
            return PreFilterResult.Skip;
        }

        return pod.NodeNames switch
        {
            null => PreFilterResult.Success,
            { Count: 0 } => PreFilterResult.Reject(ErrReasonConflict),
            var names => new PreFilterResult(StatusCode.Success, nodeNames: names),
        };
    }

    public int Filter(CycleState state, SimPod pod, NodeInfo node) => pod.MatchesNodeAffinity(node.Node) ? 0 : 1;

    public StatusCode CodeOf(int failure) => StatusCode.UnschedulableAndUnresolvable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons) => reasons.Add(ErrReasonPod);

    public bool PreScore(CycleState state, SimPod pod, NodeInfo[] feasible, int count) => pod.PreferredNodeTerms.Count > 0;

    public void Score(CycleState state, SimPod pod, NodeInfo[] feasible, int count, long[] scores)
    {
        if (_raw.Length < count)
        {
            _raw = new long[feasible.Length];
        }

        long max = 0;
        var preferred = pod.PreferredNodeTerms;
        for (var k = 0; k < count; k++)
        {
            long sum = 0;
            for (var t = 0; t < preferred.Count; t++)
            {
                if (preferred[t].Term.Matches(feasible[k].Node))
                {
                    sum += preferred[t].Weight;
                }
            }

            _raw[k] = sum;
            max = Math.Max(max, sum);
        }

        for (var k = 0; k < count; k++)
        {
            scores[k] = max == 0 ? 0 : 100 * _raw[k] / max;
        }
    }
}
