using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator.Rollouts;

/// <summary>The copy of the cluster a rollout runs on: its scheduler and, on the embedded default cluster, its own autoscaler.</summary>
internal sealed class RolloutCluster(Scheduler scheduler, ClusterAutoscaler? autoscaler)
{
    public string? NodeOf(SimPod pod) => scheduler.NodeOf(pod);

    public void Remove(SimPod pod) => scheduler.Remove(pod);

    /// <summary>Schedules the pod; on the autoscaled default cluster a pod that would fit a new worker gets one.</summary>
    public Placement Schedule(SimPod pod)
    {
        var placement = scheduler.Schedule(pod);
        if (placement.Node is null && autoscaler?.TryAddNodeFor(scheduler, pod, []) is not null)
        {
            placement = scheduler.Schedule(pod);
        }

        return placement;
    }
}
