using System.Globalization;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator;

/// <summary>
/// The apply as the cluster lives it, in rounds: objects are applied in document order, a few rounds apart; in each
/// round every controller creates its next batch (slowStartBatch: 1, 2, 4, … up to its burst per sync, then a new
/// sync), the pods reach the queue in document order, and the scheduler takes all that has arrived, higher
/// priority first. Failed pods wait for a cluster event: pods deleted by preemption or
/// a node joining retry all of them, a pod placed retries those a new pod can help. Preempted controller pods are
/// replaced in the next round (a Job's after its failure backoff), preempted bare pods are gone. A round stands
/// for about 10 ms, so a Job's 10 s backoff is 1,000 rounds. Pods are made only when reached, and when a
/// workload's pods fail with nothing changed since the last failure the rest join that failure without being made.
/// </summary>
internal sealed class Timeline
{
    /// <summary>Rounds per second of cluster time (one pod-creation round trip ≈ 10 ms).</summary>
    private const long RoundsPerSecond = 100;

    /// <summary>
    /// kubectl applies one object (a GET and a create or patch, each a round trip) in about the time a controller
    /// needs for five creation batches, so each object's controller starts five rounds after the previous one's.
    /// Measured against the scheduler conformance scenarios: fewer rounds interleave workloads more than the real
    /// cluster did, more rounds make the apply strictly one workload after another.
    /// </summary>
    private const long RoundsPerObject = 5;

    /// <summary>A bound on rounds, so that no input can keep the simulation going (preemption cycles are finite upstream too).</summary>
    private const long MaxRounds = 10_000_000;

    private readonly Scheduler _scheduler;
    private readonly VolumeBinder _binder;
    private readonly ClusterModel _cluster;
    private readonly Func<Workload, SimPod, string?> _admit;
    private readonly ClusterAutoscaler? _autoscaler;
    private readonly SchedulingQueue _queue = new();
    private readonly SortedDictionary<long, List<Arrival>> _arrivals = [];
    private readonly Dictionary<Workload, Cursor> _cursors = [];
    private readonly Dictionary<Workload, QueuedPods> _lastFailure = [];
    private readonly Dictionary<SimPod, (Workload Workload, PodOutcome Outcome)> _placed = [];
    private long _round;
    private long _sequence;
    private bool _deleted;
    private bool _bound;

    public Timeline(Scheduler scheduler, VolumeBinder binder, ClusterModel cluster, Func<Workload, SimPod, string?> admit, ClusterAutoscaler? autoscaler)
    {
        _scheduler = scheduler;
        _binder = binder;
        _cluster = cluster;
        _admit = admit;
        _autoscaler = autoscaler;
    }

    /// <summary>Pods removed by preemption: (victim, preemptor, node); bare pods among them are gone for good.</summary>
    public List<(SimPod Victim, SimPod By, string Node)> Preempted { get; } = [];

    /// <summary>Queues pods that exist before the apply and still wait for a node (the cluster description's).</summary>
    public void AddExisting(Workload workload, SimPod pod)
        => _queue.Add(new QueuedPods { Workload = workload, First = 0, Count = 1, Pod = pod, Priority = pod.Priority, Sequence = _sequence++ });

    /// <summary>Starts a workload's controller in round 0.</summary>
    public void Start(Workload workload)
    {
        if (workload.Factory is null || workload.Desired <= 0)
        {
            return;
        }

        _cursors[workload] = new Cursor(workload.Creation.Burst);
        At(workload.Order * RoundsPerObject, new Arrival(workload, null));
    }

    /// <summary>A node joined: its DaemonSet pods are created in the next round and every waiting pod is retried.</summary>
    public void NodeAdded(IEnumerable<Workload> daemonSets, SimNode node)
    {
        foreach (var workload in daemonSets)
        {
            if (workload.Factory?.Nodes is { } nodes && WorkloadExpander.ShouldRunDaemonPod(workload.Factory.Template, node))
            {
                nodes.Add(node.Name);
                workload.Desired = nodes.Count;
                if (!_cursors.ContainsKey(workload))
                {
                    _cursors[workload] = new Cursor(workload.Creation.Burst);
                }

                At(_round + 1, new Arrival(workload, null));
            }
        }

        _deleted = true;
    }

    /// <summary>Runs rounds until nothing arrives or moves any more; then lets the autoscaler add nodes while that helps.</summary>
    public void Run(IReadOnlyList<Workload> workloads)
    {
        while (_round < MaxRounds)
        {
            RunRounds();
            if (_autoscaler is null || !_autoscaler.ScaleUp(this, _scheduler, _queue.Unschedulable, workloads))
            {
                break;
            }
        }

        foreach (var pods in _queue.Unschedulable)
        {
            pods.Outcome!.Count = pods.Count;
        }
    }

    private void RunRounds()
    {
        while (_round < MaxRounds)
        {
            var version = _scheduler.Version;
            if (_arrivals.Count > 0 && _queue.ActiveCount == 0 && _arrivals.Keys.First() > _round)
            {
                _round = _arrivals.Keys.First();
            }

            if (_arrivals.TryGetValue(_round, out var due))
            {
                _arrivals.Remove(_round);
                foreach (var arrival in due)
                {
                    Arrive(arrival);
                }
            }

            while (_queue.ActiveCount > 0)
            {
                Schedule(_queue.Pop());
            }

            var moved = 0;
            if (_deleted)
            {
                moved = _queue.MoveToActive(all: true, _ => _sequence++);
            }
            else if (_bound)
            {
                moved = _queue.MoveToActive(all: false, _ => _sequence++);
            }

            _deleted = false;
            _bound = false;
            _round++;
            if (moved == 0 && _scheduler.Version == version)
            {
                FastForwardStuck();
            }

            if (moved == 0 && _arrivals.Count == 0 && _queue.ActiveCount == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// With a round that changed nothing, workloads whose last pods failed can only fail again until something
    /// changes: their remaining pods join that failure at once instead of arriving batch by batch.
    /// </summary>
    private void FastForwardStuck()
    {
        foreach (var pair in _cursors)
        {
            var workload = pair.Key;
            var cursor = pair.Value;
            if (cursor.Created < workload.Desired && Stuck(workload) is { } failed)
            {
                Merge(failed, workload.Desired - cursor.Created);
                cursor.Created = workload.Desired;
            }
        }
    }

    private QueuedPods? Stuck(Workload workload)
        => workload.Factory?.Nodes is null && !workload.Creation.OneByOne && _lastFailure.TryGetValue(workload, out var failed)
           && failed.FailedAt == _scheduler.Version && !failed.WaitsForPods && failed.Waiting
            ? failed
            : null;

    private static void Merge(QueuedPods failed, long count)
    {
        failed.Count += count;
        failed.Outcome!.Count = failed.Count;
    }

    private void At(long round, Arrival arrival)
    {
        if (!_arrivals.TryGetValue(round, out var list))
        {
            _arrivals[round] = list = [];
        }

        list.Add(arrival);
    }

    private void Arrive(Arrival arrival)
    {
        var workload = arrival.Workload;
        if (workload.Job?.FailedReason is not null)
        {
            return;
        }

        if (arrival.Replacement is { } replacement)
        {
            Enqueue(workload, replacement, first: 0, count: 1);
            return;
        }

        var cursor = _cursors[workload];
        var remaining = workload.Desired - cursor.Created;
        if (remaining <= 0)
        {
            return;
        }

        var size = workload.Creation.OneByOne ? 1 : Math.Min(remaining, Math.Min(cursor.Batch, cursor.SyncLeft));
        var first = cursor.Created;
        cursor.Created += size;
        if (!workload.Creation.OneByOne)
        {
            cursor.SyncLeft -= size;
            cursor.Batch = Math.Min(cursor.Batch * 2, int.MaxValue);
            if (cursor.SyncLeft == 0)
            {
                cursor.SyncLeft = workload.Creation.Burst;
                cursor.Batch = 1;
            }

            if (cursor.Created < workload.Desired)
            {
                At(_round + 1, new Arrival(workload, null));
            }
        }

        if (Stuck(workload) is { } failed)
        {
            Merge(failed, size);
            return;
        }

        Enqueue(workload, null, first, size);
    }

    /// <summary>Creates pods through admission and queues those the API server accepts.</summary>
    private void Enqueue(Workload workload, SimPod? pod, long first, long count)
    {
        pod ??= Create(workload, first);
        if (_admit(workload, pod) is { } rejection)
        {
            // The controller's creations fail the same way for the whole batch (quota usage only grows).
            workload.Outcomes.Add(new PodOutcome { Pod = pod, Index = first, Count = count, Admission = rejection, Reason = "FailedCreate: " + rejection });
            return;
        }

        _queue.Add(new QueuedPods { Workload = workload, First = first, Count = count, Pod = pod, Priority = pod.Priority, Sequence = _sequence++ });
    }

    /// <summary>A pod of the workload, with the claims its controller creates for it (StatefulSet), Immediate ones bound at once.</summary>
    private SimPod Create(Workload workload, long index)
    {
        var factory = workload.Factory!;
        if (factory.ClaimsOf is { } claimsOf)
        {
            foreach (var claim in claimsOf(index))
            {
                if (_binder.Find(claim.Namespace, claim.Name) is null)
                {
                    _binder.AddClaim(claim);
                    workload.Claims.Add(claim);
                    _binder.BindClaim(claim);
                }
            }
        }

        return factory.Create(index);
    }

    private void Schedule(QueuedPods pods)
    {
        var workload = pods.Workload;
        if (pods.Outcome is not null)
        {
            workload.Outcomes.Remove(pods.Outcome);
            pods.Outcome = null;
        }

        while (pods.Count > 0)
        {
            var pod = pods.Pod ?? Create(workload, pods.First);
            pods.Pod = null;
            pod.Sequence = pods.Sequence;
            var placement = Place(pod);
            if (placement.Node is not null)
            {
                var placed = new PodOutcome { Pod = pod, Index = pods.First, Node = placement.Node, Ties = placement.Ties, TieCount = placement.TieCount };
                workload.Outcomes.Add(placed);
                _placed[pod] = (workload, placed);
                _bound = true;
                pods.First++;
                pods.Count--;
                Evict();
                if (workload.Creation.OneByOne && pods.Count == 0)
                {
                    At(_round + 1, new Arrival(workload, null));
                }

                continue;
            }

            Fail(pods, pod, placement.Reason!);
            return;
        }
    }

    private Placement Place(SimPod pod)
    {
        if (pod.NodeName is not { } nodeName)
        {
            return _scheduler.PreEnqueue(pod) is { } gated ? new Placement { Pod = pod, Reason = gated } : _scheduler.Schedule(pod);
        }

        // spec.nodeName bypasses the scheduler; only the kubelet's admission can refuse the pod.
        var placement = new Placement { Pod = pod, Reason = _scheduler.KubeletRejection(pod, nodeName) };
        if (placement.Reason is null)
        {
            _scheduler.Assign(pod, nodeName);
            placement.Node = nodeName;
        }

        return placement;
    }

    private void Fail(QueuedPods pods, SimPod pod, string reason)
    {
        var workload = pods.Workload;
        pods.Pod = pod;
        pods.FailedAt = _scheduler.Version;
        pods.WaitsForPods = reason.IndexOf(Scheduling.Plugins.InterPodAffinity.ErrReasonAffinityRulesNotMatch, StringComparison.Ordinal) >= 0
                            || reason.IndexOf(Scheduling.Plugins.PodTopologySpread.ErrReasonConstraintsNotMatch, StringComparison.Ordinal) >= 0;
        var outcome = new PodOutcome { Pod = pod, Index = pods.First, Count = pods.Count, Reason = reason };
        pods.Outcome = outcome;
        workload.Outcomes.Add(outcome);
        if (workload.Creation.OneByOne)
        {
            // OrderedReady: the next ordinals are not created while this one is not Running and Ready.
            var cursor = _cursors[workload];
            if (cursor.Created < workload.Desired)
            {
                var next = workload.Factory!.Create(cursor.Created);
                workload.Outcomes.Add(new PodOutcome
                {
                    Pod = next,
                    Index = cursor.Created,
                    Count = workload.Desired - cursor.Created,
                    NotCreated = true,
                    Reason = "not created: OrderedReady waits for " + pod.Name + " to be Running and Ready",
                });
                cursor.Created = workload.Desired;
            }
        }

        if (_scheduler.PreEnqueue(pod) is not null)
        {
            return;
        }

        _lastFailure[workload] = pods;
        _queue.AddUnschedulable(pods);
    }

    /// <summary>Handles the victims of the last preemptions: controllers replace theirs, Jobs count them.</summary>
    private void Evict()
    {
        foreach (var (victim, by, node) in _scheduler.Preempted)
        {
            _deleted = true;
            Preempted.Add((victim, by, node));
            if (!_placed.TryGetValue(victim, out var entry))
            {
                continue;
            }

            var (owner, outcome) = entry;
            _placed.Remove(victim);
            owner.Outcomes.Remove(outcome);
            if (owner.Factory is null || owner.Owner.Kind == "Pod")
            {
                continue;
            }

            if (owner.Job is { } job)
            {
                EvictJobPod(owner, job, victim);
                continue;
            }

            At(_round + 1, new Arrival(owner, Replacement(owner, victim, outcome.Index)));
        }

        _scheduler.Preempted.Clear();
    }

    /// <summary>
    /// A preempted Job pod fails (with podFailurePolicy, DisruptionTarget may be ignored or fail the Job); past
    /// backoffLimit the Job fails and its other pods are deleted, else a replacement follows after the backoff.
    /// </summary>
    private void EvictJobPod(Workload owner, JobState job, SimPod victim)
    {
        if (job.DisruptionAction == "Ignore")
        {
            At(_round + 1, new Arrival(owner, Replacement(owner, victim, 0)));
            return;
        }

        job.Failed++;
        if (job.DisruptionAction == "FailJob" || job.Failed > job.BackoffLimit)
        {
            job.FailedReason = job.DisruptionAction == "FailJob"
                ? "PodFailurePolicy: Job failed because a pod was preempted (podFailurePolicy FailJob on DisruptionTarget)"
                : "BackoffLimitExceeded: Job has reached the specified backoff limit (" + job.BackoffLimit.ToString(CultureInfo.InvariantCulture) + ")";
            foreach (var pod in owner.PlacedPods.ToList())
            {
                _scheduler.Remove(pod);
                _placed.Remove(pod);
            }

            owner.Outcomes.Clear();
            _queue.RemoveWorkload(owner);
            _deleted = true;
            return;
        }

        var backoff = Math.Min(600, 10L << Math.Min(job.Failed - 1, 10)) * RoundsPerSecond;
        At(_round + backoff, new Arrival(owner, Replacement(owner, victim, 0)));
    }

    /// <summary>A controller's replacement for a deleted pod: a StatefulSet recreates the same ordinal, a DaemonSet the same node's pod, others a new name.</summary>
    private SimPod Replacement(Workload owner, SimPod victim, long index)
    {
        var factory = owner.Factory!;
        if (owner.Owner.Kind == "StatefulSet" || factory.Nodes is not null)
        {
            return factory.Create(index);
        }

        var cursor = _cursors[owner];
        return factory.Create(cursor.Replacements++ + owner.Desired);
    }

    /// <summary>A controller's next batch (Replacement null) or a replacement pod.</summary>
    private sealed record Arrival(Workload Workload, SimPod? Replacement);

    /// <summary>A controller's progress: pods created, the next batch size, what is left of the current sync's burst.</summary>
    private sealed class Cursor(int burst)
    {
        public long Created { get; set; }

        public long Batch { get; set; } = 1;

        public long SyncLeft { get; set; } = burst;

        public long Replacements { get; set; }
    }
}
