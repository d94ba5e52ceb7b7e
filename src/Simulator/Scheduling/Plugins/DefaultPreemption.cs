using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// DefaultPreemption (pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and
/// framework/preemption/preemption.go). A pod with preemptionPolicy Never is not eligible. Otherwise the nodes a
/// filter rejected as merely Unschedulable are dry-run (SelectVictimsOnNode): every lower-priority pod is removed,
/// the filters run again, then the pods are reprieved from the most important down while the pod still fits; the
/// rest are the victims. Among candidates, pickOneNodeForPreemption prefers the lowest highest-victim priority, the
/// lowest priority sum, the fewest victims, then the latest start (here: the latest arrival). PodDisruptionBudgets
/// are not read, so no victim counts as violating one. Nodes that cannot help are counted in the message as
/// "Preemption is not helpful for scheduling".
/// </summary>
internal sealed class DefaultPreemption(SchedulingProfile profile, ClusterSnapshot snapshot) : SchedulerPlugin
{
    public const string NotEligible = "not eligible due to preemptionPolicy=Never.";

    public const string NoVictims = "No preemption victims found for incoming pod";

    public const string NotHelpful = "Preemption is not helpful for scheduling";

    /// <summary>MinCandidateNodesPercentage and MinCandidateNodesAbsolute (DefaultPreemptionArgs defaults).</summary>
    private const int MinCandidateNodesPercentage = 10;

    private const int MinCandidateNodesAbsolute = 100;

    public override string Name => "DefaultPreemption";

    /// <summary>
    /// PostFilter over the cycle's outcome: <paramref name="potential"/> are the nodes whose status was Unschedulable.
    /// Returns the node to place the pod on (or -1) with its victims, and the "preemption: …" message otherwise.
    /// </summary>
    public (int Node, List<SimPod> Victims, string? Message) PostFilter(CycleState state, SimPod pod, List<int> potential)
    {
        if (pod.NeverPreempts)
        {
            return (-1, [], "preemption: " + NotEligible);
        }

        var error = new FitError(snapshot.NodeCount);
        var wanted = Math.Min(potential.Count, Math.Max(potential.Count * MinCandidateNodesPercentage / 100, MinCandidateNodesAbsolute));
        var candidates = new List<(int Node, List<SimPod> Victims)>();
        var reasons = new List<string>();
        foreach (var index in potential)
        {
            if (candidates.Count >= wanted)
            {
                break;
            }

            var victims = SelectVictimsOnNode(state.Clone(), pod, snapshot[index].Clone(), reasons);
            if (victims is not null)
            {
                candidates.Add((index, victims));
            }
            else
            {
                error.AddAll(reasons);
            }

            reasons.Clear();
        }

        if (candidates.Count == 0)
        {
            if (snapshot.NodeCount > potential.Count)
            {
                error.Add(NotHelpful, snapshot.NodeCount - potential.Count);
            }
            return (-1, [], "preemption: " + error.Message());
        }

        var best = PickOneNode(candidates);
        return (best.Node, best.Victims, null);
    }

    /// <summary>MoreImportantPod: higher priority first, then the earlier started (here: arrived) pod.</summary>
    private static int MoreImportant(SimPod a, SimPod b)
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        return byPriority != 0 ? byPriority : a.Sequence.CompareTo(b.Sequence);
    }

    private static (int Node, List<SimPod> Victims) PickOneNode(List<(int Node, List<SimPod> Victims)> candidates)
    {
        IEnumerable<(int Node, List<SimPod> Victims)> remaining = candidates;
        Func<(int Node, List<SimPod> Victims), long>[] scores =
        [
            c => -(long)c.Victims[0].Priority,
            c => -c.Victims.Sum(v => (long)v.Priority + int.MaxValue + 1L),
            c => -c.Victims.Count,
            c => c.Victims.Min(v => v.Sequence),
        ];
        foreach (var score in scores)
        {
            var list = remaining.ToList();
            var max = list.Max(score);
            remaining = list.Where(c => score(c) == max).ToList();
            if (remaining.Count() == 1)
            {
                break;
            }
        }

        return remaining.First();
    }

    /// <summary>SelectVictimsOnNode on copies of the node and the cycle state; null (with the reasons) when it cannot help.</summary>
    private List<SimPod>? SelectVictimsOnNode(CycleState state, SimPod pod, NodeInfo node, List<string> reasons)
    {
        var lower = node.Pods.Where(p => p.Priority < pod.Priority).ToList();
        if (lower.Count == 0)
        {
            reasons.Add(NoVictims);
            return null;
        }

        foreach (var victim in lower)
        {
            node.Remove(victim);
            profile.RunRemovePod(state, pod, victim, node);
        }

        var failing = profile.RunFilter(state, pod, node, out var failure);
        if (failing >= 0)
        {
            profile.AppendReasons(state, pod, node, failing, failure, reasons);
            return null;
        }

        lower.Sort(MoreImportant);
        var victims = new List<SimPod>();
        foreach (var candidate in lower)
        {
            node.Add(candidate);
            profile.RunAddPod(state, pod, candidate, node);
            if (profile.RunFilter(state, pod, node, out _) >= 0)
            {
                node.Remove(candidate);
                profile.RunRemovePod(state, pod, candidate, node);
                victims.Add(candidate);
            }
        }

        return victims;
    }
}
