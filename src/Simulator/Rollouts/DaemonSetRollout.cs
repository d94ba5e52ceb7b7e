using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator.Rollouts;

/// <summary>
/// A DaemonSet RollingUpdate (daemon/update.go): percentages of the desired pods round up for both maxUnavailable
/// (default 1) and maxSurge (default 0), and maxUnavailable becomes 1 when both resolve to 0. Without surge, old pods
/// go on up to maxUnavailable nodes and their replacements follow; with surge, the new pod starts beside the old
/// one (it must fit on that very node) and the old one goes once the new one runs.
/// </summary>
internal static class DaemonSetRollout
{
    public static RolloutResult Run(Workload workload, List<SimPod> oldPods, SimPod? template, RolloutCluster scheduler)
    {
        if (RolloutSimulator.BeginUpdateStrategy(workload, oldPods, template, scheduler, out var result, out var rolling))
        {
            return result;
        }

        var desired = oldPods.Count;
        var surge = RolloutSimulator.Read(rolling, "maxSurge", new IntOrPercent(0, IsPercent: false)).Scale(desired, roundUp: true);
        var unavailable = RolloutSimulator.Read(rolling, "maxUnavailable", new IntOrPercent(1, IsPercent: false)).Scale(desired, roundUp: true);
        if (surge <= 0 && unavailable <= 0)
        {
            unavailable = 1;
        }

        var old = new List<SimPod>(oldPods);
        var created = new List<SimPod>();
        var batchSize = Math.Max(1, surge > 0 ? surge : unavailable);
        var counter = 0;
        while (old.Count > 0)
        {
            var batch = old.Take(batchSize).ToList();
            var nodes = batch.Select(p => (Pin: p.RequiredNodeTerms, Node: scheduler.NodeOf(p))).ToList();
            if (surge <= 0)
            {
                foreach (var pod in batch)
                {
                    scheduler.Remove(pod);
                    old.Remove(pod);
                }

                result.Steps.Add(Step(old, created, scheduler, "delete old pods on " + RolloutSimulator.Count(batch.Count) + " node(s)"));
            }

            foreach (var (pin, node) in nodes)
            {
                var replacement = template.WithName(workload.Owner.Name + "-next-" + RolloutSimulator.Count(counter++), requiredNodeTerms: pin);
                created.Add(replacement);
                var placement = scheduler.Schedule(replacement);
                if (placement.Reason is { } reason)
                {
                    result.Steps.Add(Step(old, created, scheduler, "create new pod for node " + (node ?? "?")));
                    Finish(result, false, (surge > 0 ? "the surge pod does not fit beside the old one on " : "the new pod cannot be scheduled on ") + (node ?? "its node") + ": " + reason);
                    return result;
                }
            }

            if (surge > 0)
            {
                foreach (var pod in batch)
                {
                    scheduler.Remove(pod);
                    old.Remove(pod);
                }
            }

            result.Steps.Add(Step(old, created, scheduler, "update " + RolloutSimulator.Count(batch.Count) + " node(s)"));
        }

        Finish(result, true, null);
        return result;
    }

    private static RolloutStep Step(List<SimPod> old, List<SimPod> created, RolloutCluster scheduler, string action)
        => new(old.Count, created.Count, RolloutSimulator.Available(old, scheduler) + RolloutSimulator.Available(created, scheduler), action);

    private static void Finish(RolloutResult result, bool completes, string? reason)
    {
        result.Completes = completes;
        RolloutSimulator.MarkDowntime(result);
        result.Reason = !completes ? reason
            : result.DowntimeStep is { } step ? "no pod is available at step " + RolloutSimulator.Count(step) + " (" + result.Steps[step].Action + ")"
            : null;
    }
}
