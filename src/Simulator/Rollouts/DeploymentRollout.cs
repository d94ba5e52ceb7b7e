using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator.Rollouts;

/// <summary>
/// A Deployment rollout with the deployment controller's logic: Recreate (recreate.go) or RollingUpdate
/// (rolling.go: reconcileNewReplicaSet, then reconcileOldReplicaSets with cleanupUnhealthyReplicas and
/// scaleDownOldReplicaSetsForRollingUpdate), maxSurge rounded up and maxUnavailable rounded down against replicas.
/// </summary>
internal static class DeploymentRollout
{
    private static readonly IntOrPercent Quarter = new(25, IsPercent: true);

    public static RolloutResult Run(Workload workload, List<SimPod> oldPods, SimPod? template, Scheduler scheduler)
    {
        var owner = workload.Owner;
        var spec = owner.Spec;
        var replicas = WorkloadExpander.Replicas(spec);
        var strategy = spec?.GetMapping("strategy");
        var type = strategy?.GetString("type") ?? "RollingUpdate";
        var result = new RolloutResult { Namespace = owner.EffectiveNamespace ?? "default", Name = owner.Name, Kind = owner.Kind, Strategy = type };
        var old = new List<SimPod>(oldPods);
        var created = new List<SimPod>();
        result.Steps.Add(new RolloutStep(old.Count, 0, RolloutSimulator.Available(old, scheduler), "start"));
        if (template is null || replicas == 0)
        {
            result.Completes = true;
            return result;
        }

        var counter = 0;
        SimPod NextPod() => RolloutSimulator.NewPod(template, owner.Name + "-next-" + RolloutSimulator.Count(counter++));
        string? lastFailure = null;
        void Create(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var pod = NextPod();
                created.Add(pod);
                if (scheduler.Schedule(pod).Reason is { } reason)
                {
                    lastFailure = reason;
                }
            }
        }

        bool RetryPending()
        {
            var progressed = false;
            foreach (var pod in created)
            {
                if (scheduler.NodeOf(pod) is null)
                {
                    var placement = scheduler.Schedule(pod);
                    progressed |= placement.Node is not null;
                    lastFailure = placement.Reason ?? lastFailure;
                }
            }

            return progressed;
        }

        if (type == "Recreate")
        {
            foreach (var pod in old)
            {
                scheduler.Remove(pod);
            }

            old.Clear();
            result.Steps.Add(new RolloutStep(0, 0, 0, "scale old ReplicaSet to 0"));
            Create(replicas);
            var available = RolloutSimulator.Available(created, scheduler);
            result.Steps.Add(new RolloutStep(0, created.Count, available, "scale new ReplicaSet to " + RolloutSimulator.Count(replicas)));
            Finish(result, available == replicas, lastFailure);
            return result;
        }

        var rolling = strategy?.GetMapping("rollingUpdate");
        var surge = RolloutSimulator.Read(rolling, "maxSurge", Quarter).Scale(replicas, roundUp: true);
        var unavailable = RolloutSimulator.Read(rolling, "maxUnavailable", Quarter).Scale(replicas, roundUp: false);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        unavailable = Math.Min(Math.Max(unavailable, 0), replicas);
        var maxTotal = replicas + Math.Max(surge, 0);
        var minAvailable = replicas - unavailable;
        for (var guard = 0; guard < (4 * (replicas + maxTotal)) + 8; guard++)
        {
            var newAvailable = RolloutSimulator.Available(created, scheduler);
            if (old.Count == 0 && newAvailable == replicas)
            {
                Finish(result, true, null);
                return result;
            }

            // reconcileNewReplicaSet: NewRSNewReplicas.
            var current = old.Count + created.Count;
            if (current < maxTotal && created.Count < replicas)
            {
                var add = Math.Min(maxTotal - current, replicas - created.Count);
                Create(add);
                result.Steps.Add(new RolloutStep(old.Count, created.Count, RolloutSimulator.Available(old, scheduler) + RolloutSimulator.Available(created, scheduler), "scale new ReplicaSet to " + RolloutSimulator.Count(created.Count)));
                continue;
            }

            // reconcileOldReplicaSets.
            var changed = false;
            var maxScaledDown = current - minAvailable - (created.Count - newAvailable);
            if (maxScaledDown > 0 && old.Count > 0)
            {
                // cleanupUnhealthyReplicas: unavailable old pods go first.
                var unhealthy = old.Where(p => scheduler.NodeOf(p) is null).Take(maxScaledDown).ToList();
                foreach (var pod in unhealthy)
                {
                    old.Remove(pod);
                    changed = true;
                }

                // scaleDownOldReplicaSetsForRollingUpdate: available above minAvailable.
                var available = RolloutSimulator.Available(old, scheduler) + newAvailable;
                var scaleDown = Math.Min(available - minAvailable, old.Count);
                for (var i = 0; i < scaleDown; i++)
                {
                    var victim = old[old.Count - 1];
                    scheduler.Remove(victim);
                    old.RemoveAt(old.Count - 1);
                    changed = true;
                }
            }

            // The scheduler retries pending pods when capacity is freed.
            changed |= RetryPending();
            if (!changed)
            {
                break;
            }

            result.Steps.Add(new RolloutStep(old.Count, created.Count, RolloutSimulator.Available(old, scheduler) + RolloutSimulator.Available(created, scheduler), "scale old ReplicaSet to " + RolloutSimulator.Count(old.Count)));
        }

        var why = lastFailure is not null
            ? "a pod of the new revision cannot be scheduled: " + lastFailure
            : "no step can make progress";
        if (unavailable == 0)
        {
            why = "maxUnavailable resolves to 0, so old pods are removed only after surge pods run, and " + why;
        }

        Finish(result, false, why);
        return result;
    }

    private static void Finish(RolloutResult result, bool completes, string? reason)
    {
        result.Completes = completes;
        RolloutSimulator.MarkDowntime(result);
        if (!completes)
        {
            result.Reason = reason;
        }
        else if (result.DowntimeStep is { } step)
        {
            result.Reason = "no pod is available at step " + RolloutSimulator.Count(step) + " (" + result.Steps[step].Action + ")";
        }
    }
}
