using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator.Rollouts;

/// <summary>
/// A StatefulSet RollingUpdate (stateful_set_control.go): pods with ordinal ≥ partition are replaced from the
/// highest ordinal down; each replaced pod keeps its name and claims; the controller waits until the replaced pods
/// run before the next ones. maxUnavailable (beta, on by default around 1.35) lets that many go at once; the
/// controller rounds it down and floors it at 1. OnDelete never replaces pods by itself.
/// </summary>
internal static class StatefulSetRollout
{
    public static RolloutResult Run(Workload workload, List<SimPod> oldPods, SimPod? template, RolloutCluster scheduler)
    {
        if (RolloutSimulator.BeginUpdateStrategy(workload, oldPods, template, scheduler, out var result, out var rolling))
        {
            return result;
        }

        var replicas = oldPods.Count;
        var partition = PodSpecReader.Int(rolling, "partition");
        var maxUnavailable = Math.Max(1, RolloutSimulator.Read(rolling, "maxUnavailable", new IntOrPercent(1, IsPercent: false)).Scale(replicas, roundUp: false));
        var current = new List<SimPod>(oldPods);
        var updated = 0;
        var index = replicas - 1;

        // Pods below the partition stay on the old revision.
        var lowest = Math.Max(0, Math.Min(partition, replicas));
        if (RolloutSimulator.Available(current, scheduler) < replicas)
        {
            result.Completes = false;
            result.Reason = "the controller waits for every pod to be Running and Ready before updating, and " + RolloutSimulator.Count(replicas - RolloutSimulator.Available(current, scheduler)) + " pod(s) are not";
            return result;
        }

        while (index >= lowest)
        {
            var batch = new List<int>();
            for (var i = 0; i < maxUnavailable && index >= lowest; i++, index--)
            {
                batch.Add(index);
            }

            foreach (var i in batch)
            {
                scheduler.Remove(current[i]);
            }

            result.Steps.Add(new RolloutStep(replicas - updated - batch.Count, updated, RolloutSimulator.Available(current, scheduler), "delete " + string.Join(", ", batch.Select(i => current[i].Name))));
            foreach (var i in batch)
            {
                var replacement = RolloutSimulator.NewPod(template, current[i].Name).WithName(current[i].Name, current[i].Claims);
                current[i] = replacement;
                updated++;
                if (scheduler.Schedule(replacement).Reason is { } reason)
                {
                    result.Steps.Add(new RolloutStep(replicas - updated, updated, RolloutSimulator.Available(current, scheduler), "recreate " + replacement.Name));
                    Finish(result, false, "the new revision of " + replacement.Name + " cannot be scheduled: " + reason);
                    return result;
                }
            }

            result.Steps.Add(new RolloutStep(replicas - updated, updated, RolloutSimulator.Available(current, scheduler), "recreate " + string.Join(", ", batch.Select(i => current[i].Name))));
        }

        Finish(result, true, null);
        return result;
    }

    private static void Finish(RolloutResult result, bool completes, string? reason)
    {
        result.Completes = completes;
        RolloutSimulator.MarkDowntime(result);
        result.Reason = !completes ? reason
            : result.DowntimeStep is { } step ? "no pod is available at step " + RolloutSimulator.Count(step) + " (" + result.Steps[step].Action + ")"
            : null;
    }
}
