using System.Globalization;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator.Cluster;

/// <summary>
/// The embedded default cluster's node pool, scaled up like cluster-autoscaler does: while a pending pod would fit
/// a new worker of the default shape (every filter passes on the template node, with the pods DaemonSets would
/// put there), a worker is added in the next zone of a, b, c, up to <see cref="MaxWorkers"/>. Pods that no such
/// worker could take (too big, a node selector or taint the pool cannot satisfy) never scale it, so what stays
/// Pending is what no cluster of this shape could place.
/// </summary>
internal sealed class ClusterAutoscaler
{
    public const int MaxWorkers = 100;

    private static readonly string[] Zones = ["a", "b", "c"];

    public ClusterAutoscaler(int workers)
    {
        Workers = workers;
        InitialWorkers = workers;
    }

    public int Workers { get; private set; }

    public int InitialWorkers { get; }

    /// <summary>The pool's next worker, named and zoned in turn like the first three.</summary>
    public SimNode NextWorker()
        => DefaultCluster.Worker("worker-" + (Workers + 1).ToString(CultureInfo.InvariantCulture), Zones[Workers % Zones.Length]);

    /// <summary>Adds one worker when a pending pod would fit it; true when it did.</summary>
    public bool ScaleUp(Timeline timeline, Scheduler scheduler, IReadOnlyList<QueuedPods> pending, IReadOnlyList<Workload> workloads)
    {
        var daemonSets = workloads.Where(w => w.Factory?.Nodes is not null).ToList();
        foreach (var pods in pending)
        {
            if (pods.Pod is { } pod && TryAddNodeFor(scheduler, pod, daemonSets) is { } node)
            {
                timeline.NodeAdded(daemonSets, node);
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds a worker to <paramref name="scheduler"/>'s cluster when <paramref name="pod"/> would fit it; the new node, or null.</summary>
    public SimNode? TryAddNodeFor(Scheduler scheduler, SimPod pod, IReadOnlyList<Workload> daemonSets)
    {
        if (Workers >= MaxWorkers || pod.NodeName is not null)
        {
            return null;
        }

        var template = NextWorker();
        var daemons = daemonSets.Select(w => w.Factory!.Template).Where(t => WorkloadExpander.ShouldRunDaemonPod(t, template));
        if (!scheduler.FitsNewNode(pod, template, daemons))
        {
            return null;
        }

        scheduler.AddNode(template);
        Workers++;
        return template;
    }

    /// <summary>A copy for a rollout, which scales its own copy of the cluster.</summary>
    public ClusterAutoscaler Clone() => new(InitialWorkers) { Workers = Workers };
}
