using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling;

/// <summary>
/// Pods of one workload waiting in the scheduling queue together: the factory indices First … First+Count−1, or a
/// given pod (a replacement, a pod of the cluster description, or the first of a group that failed before).
/// </summary>
internal sealed class QueuedPods
{
    public required Workload Workload { get; init; }

    public long First { get; set; }

    public long Count { get; set; }

    /// <summary>The pod to try first, when it exists already; otherwise the factory makes pod <see cref="First"/>.</summary>
    public SimPod? Pod { get; set; }

    public int Priority { get; init; }

    /// <summary>Arrival order: the queue's second key after priority.</summary>
    public long Sequence { get; set; }

    /// <summary>The outcome recorded when the pods failed (removed again when they are retried).</summary>
    public PodOutcome? Outcome { get; set; }

    /// <summary>The cluster version at the failure: pods arriving while it is unchanged would fail the same way.</summary>
    public long FailedAt { get; set; } = -1;

    /// <summary>The failure can be lifted by pods being placed (pod affinity, topology spread), not only by pods leaving.</summary>
    public bool WaitsForPods { get; set; }

    /// <summary>In the unschedulable pool, waiting for a cluster event.</summary>
    public bool Waiting { get; set; }
}

/// <summary>
/// The scheduler's queue (pkg/scheduler/internal/queue/scheduling_queue.go) with PrioritySort (queuesort/
/// priority_sort.go: higher priority first, then earlier arrival): the active queue, and the unschedulable pods
/// that wait for a cluster event. A pod leaving the cluster (preemption) or a node joining moves every
/// unschedulable pod back; a pod being placed moves those whose failure a new pod can lift.
/// </summary>
internal sealed class SchedulingQueue
{
    private readonly SortedSet<QueuedPods> _active = new(Comparer<QueuedPods>.Create(Compare));
    private readonly List<QueuedPods> _unschedulable = [];
    private readonly List<QueuedPods> _backoff = [];

    public int ActiveCount => _active.Count;

    public IReadOnlyList<QueuedPods> Unschedulable => _unschedulable;

    public void Add(QueuedPods pods) => _active.Add(pods);

    public QueuedPods Pop()
    {
        var first = _active.Min!;
        _active.Remove(first);
        return first;
    }

    public void AddUnschedulable(QueuedPods pods)
    {
        pods.Waiting = true;
        _unschedulable.Add(pods);
    }

    /// <summary>
    /// Moves unschedulable pods after a cluster event: all of them, or those waiting for placed pods; to the backoff
    /// queue when <paramref name="defer"/> (they retry at <see cref="ActivateDeferred"/>), else to the active queue.
    /// </summary>
    public int MoveToActive(bool all, Func<QueuedPods, long> sequence, bool defer = false)
    {
        var moved = 0;
        for (var i = 0; i < _unschedulable.Count; i++)
        {
            var pods = _unschedulable[i];
            if (!all && !pods.WaitsForPods)
            {
                continue;
            }

            pods.Sequence = sequence(pods);
            pods.Waiting = false;
            if (defer)
            {
                _backoff.Add(pods);
            }
            else
            {
                _active.Add(pods);
            }

            _unschedulable.RemoveAt(i--);
            moved++;
        }

        return moved;
    }

    /// <summary>The backoff queue's pods whose backoff has passed move to the active queue.</summary>
    public void ActivateDeferred()
    {
        foreach (var pods in _backoff)
        {
            _active.Add(pods);
        }

        _backoff.Clear();
    }

    /// <summary>The unschedulable pods of a workload (a Job that fails takes its pods away).</summary>
    public void RemoveWorkload(Workload workload)
    {
        _unschedulable.RemoveAll(p => p.Workload == workload);
        _backoff.RemoveAll(p => p.Workload == workload);
        _active.RemoveWhere(p => p.Workload == workload);
    }

    private static int Compare(QueuedPods a, QueuedPods b)
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        return byPriority != 0 ? byPriority : a.Sequence.CompareTo(b.Sequence);
    }
}
