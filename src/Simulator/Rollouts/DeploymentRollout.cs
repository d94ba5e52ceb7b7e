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

    public static RolloutResult Run(Workload workload, List<SimPod> oldPods, SimPod? template, RolloutCluster scheduler)
    {
        var owner = workload.Owner;
        var spec = owner.Spec;
        var replicas = (int)workload.Desired;
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
        string? lastFailure = null;

        // New pods are scheduled at once but become Ready (available) only after the controller's next sync, as in
        // the reference trace where old 4→3 happens while the first new pod is not yet available.
        var ready = new HashSet<SimPod>();
        int Available() => RolloutSimulator.Available(old, scheduler) + created.Count(ready.Contains);
        void Step(string action) => result.Steps.Add(new RolloutStep(old.Count, created.Count, Available(), action));
        void Create(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var pod = RolloutSimulator.NewPod(template, owner.Name + "-next-" + RolloutSimulator.Count(counter++));
                created.Add(pod);
                if (scheduler.Schedule(pod).Reason is { } reason)
                {
                    lastFailure = reason;
                }
            }
        }

        bool BecomeReady()
        {
            var count = 0;
            foreach (var pod in created)
            {
                if (!ready.Contains(pod) && scheduler.NodeOf(pod) is not null)
                {
                    ready.Add(pod);
                    count++;
                }
            }

            if (count > 0)
            {
                Step(RolloutSimulator.Count(count) + " new pod(s) become available");
            }

            return count > 0;
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
            Step("scale old ReplicaSet to 0");
            Create(replicas);
            Step("scale new ReplicaSet to " + RolloutSimulator.Count(replicas));
            BecomeReady();
            Finish(result, ready.Count == replicas, lastFailure is null ? null : "a pod of the new revision cannot be scheduled: " + lastFailure);
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
            if (old.Count == 0 && ready.Count == replicas)
            {
                Finish(result, true, null);
                return result;
            }

            var changed = false;

            // reconcileNewReplicaSet (NewRSNewReplicas); a change ends this sync.
            var current = old.Count + created.Count;
            if (current < maxTotal && created.Count < replicas)
            {
                Create(Math.Min(maxTotal - current, replicas - created.Count));
                Step("scale new ReplicaSet to " + RolloutSimulator.Count(created.Count));
                changed = true;
                current = old.Count + created.Count;
            }

            // The next sync: reconcileOldReplicaSets.
            var newAvailable = created.Count(ready.Contains);
            var maxScaledDown = current - minAvailable - (created.Count - newAvailable);
            if (maxScaledDown > 0 && old.Count > 0)
            {
                var removed = 0;

                // cleanupUnhealthyReplicas: unavailable old pods go first, capped by maxScaledDown.
                foreach (var pod in old.Where(p => scheduler.NodeOf(p) is null).Take(maxScaledDown).ToList())
                {
                    old.Remove(pod);
                    removed++;
                }

                // scaleDownOldReplicaSetsForRollingUpdate: whatever is available above minAvailable.
                var scaleDown = Math.Min(Available() - minAvailable, old.Count);
                for (var i = 0; i < scaleDown; i++)
                {
                    scheduler.Remove(old[old.Count - 1]);
                    old.RemoveAt(old.Count - 1);
                    removed++;
                }

                if (removed > 0)
                {
                    Step("scale old ReplicaSet to " + RolloutSimulator.Count(old.Count));
                    changed = true;
                }
            }

            // The scheduler retries pending pods when capacity is freed; scheduled pods become ready.
            changed |= RetryPending();
            changed |= BecomeReady();
            if (!changed)
            {
                break;
            }
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
