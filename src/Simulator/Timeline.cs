using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator;

/// <summary>
/// The apply as the cluster lives it, in time. kubectl applies the objects in document order, one every few
/// milliseconds. Each controller creates its pods in slowStartBatch batches (1, 2, 4, … up to its burst per sync),
/// a batch starting when the previous one returned, and every create waits for a token of its controller's client
/// (kube-controller-manager's --kube-api-qps 20 and --kube-api-burst 30, one limiter per controller: the
/// ReplicaSet controller serves every Deployment and ReplicaSet, the StatefulSet, DaemonSet and Job controllers
/// their own kinds). So the pods of workloads applied together reach the scheduler interleaved as their
/// controllers' tokens allow, and the scheduler takes each as it arrives, higher priority first. Failed pods wait
/// for a cluster event and retry after the queue's 1 s backoff: pods deleted by preemption or a node joining
/// retry all of them, a pod placed retries those a new pod can help. Preempted controller pods are replaced (a
/// Job's after its failure backoff), preempted bare pods are gone. Pods are made only when reached: when a pod of
/// a workload fails and nothing has changed since, the next ones join its failure without being made.
/// </summary>
internal sealed class Timeline
{
    private const long Millisecond = 1000;
    private const long Second = 1000 * Millisecond;

    /// <summary>
    /// kubectl apply: one object every 100 ms (per object a GET, then a create with server-side field validation,
    /// behind kubectl's own client throttling). Against the real scheduler scenarios any interval from 40 to 250 ms
    /// agrees within one workload; at 20 ms the pods of the next object overtake the later slow-start batches of the
    /// previous one, which on a real cluster they do not.
    /// </summary>
    private const long ApplyInterval = 100 * Millisecond;

    /// <summary>A Deployment's pods start after the deployment controller has created its ReplicaSet.</summary>
    private const long DeploymentHop = 10 * Millisecond;

    /// <summary>The API round trip of one create.</summary>
    private const long CreateLatency = 5 * Millisecond;

    /// <summary>podInitialBackoffDuration: an unschedulable pod moved back by an event retries after 1 s.</summary>
    private const long RetryBackoff = 1 * Second;

    /// <summary>A bound on events, so that no input can keep the simulation going (preemption cycles are finite upstream too).</summary>
    private const long MaxEvents = 50_000_000;

    private readonly Scheduler _scheduler;
    private readonly VolumeBinder _binder;
    private readonly Func<Workload, SimPod, string?> _admit;
    private readonly ClusterAutoscaler? _autoscaler;
    private readonly SchedulingQueue _queue = new();
    private readonly SortedDictionary<long, List<Event>> _events = [];
    private readonly Dictionary<Workload, Cursor> _cursors = [];
    private readonly Dictionary<string, TokenBucket> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<Workload, QueuedPods> _lastFailure = [];
    private readonly Dictionary<Workload, PodOutcome> _rejected = [];
    private readonly Dictionary<SimPod, (Workload Workload, PodOutcome Outcome)> _placed = [];
    private long _now;
    private long _sequence;
    private long _processed;
    private bool _deleted;
    private bool _bound;

    public Timeline(Scheduler scheduler, VolumeBinder binder, Func<Workload, SimPod, string?> admit, ClusterAutoscaler? autoscaler)
    {
        _scheduler = scheduler;
        _binder = binder;
        _admit = admit;
        _autoscaler = autoscaler;
    }

    /// <summary>Pods removed by preemption: (victim, preemptor, node); bare pods among them are gone for good.</summary>
    public List<(SimPod Victim, SimPod By, string Node)> Preempted { get; } = [];

    /// <summary>Queues pods that exist before the apply and still wait for a node (the cluster description's).</summary>
    public void AddExisting(Workload workload, SimPod pod)
        => _queue.Add(new QueuedPods { Workload = workload, First = 0, Count = 1, Pod = pod, Priority = pod.Priority, Sequence = _sequence++ });

    /// <summary>Applies a workload: kubectl creates a bare pod itself; a controller starts its first batch.</summary>
    public void Start(Workload workload)
    {
        if (workload.Factory is null || workload.Desired <= 0)
        {
            return;
        }

        _cursors[workload] = new Cursor(workload.Creation.Burst);
        var applied = workload.Order * ApplyInterval;
        if (workload.Owner.Kind == "Pod")
        {
            At(applied + CreateLatency, Event.Created(workload, 0));
            _cursors[workload].Created = 1;
            return;
        }

        At(applied + (workload.Owner.Kind == "Deployment" ? DeploymentHop : 0), Event.Batch(workload));
    }

    /// <summary>A node joined: its DaemonSet pods are created and every waiting pod is retried.</summary>
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

                At(_now, Event.Batch(workload));
            }
        }

        _deleted = true;
    }

    /// <summary>Runs until nothing is left to happen; then lets the autoscaler add nodes while that helps.</summary>
    public void Run(IReadOnlyList<Workload> workloads)
    {
        while (_processed < MaxEvents)
        {
            RunEvents();
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

    private void RunEvents()
    {
        while (_processed < MaxEvents)
        {
            Drain();
            var moved = _deleted ? _queue.MoveToActive(all: true, _ => _sequence++, defer: true)
                : _bound ? _queue.MoveToActive(all: false, _ => _sequence++, defer: true)
                : 0;
            if (moved > 0)
            {
                At(_now + RetryBackoff, Event.Retry());
            }

            _deleted = false;
            _bound = false;
            if (_events.Count == 0)
            {
                return;
            }

            var next = _events.Keys.First();
            var due = _events[next];
            _events.Remove(next);
            _now = next;
            foreach (var e in due)
            {
                _processed++;
                Handle(e);
            }
        }
    }

    private void Drain()
    {
        while (_queue.ActiveCount > 0)
        {
            Schedule(_queue.Pop());
        }
    }

    private void At(long time, Event e)
    {
        if (!_events.TryGetValue(time, out var list))
        {
            _events[time] = list = [];
        }

        list.Add(e);
    }

    private void Handle(Event e)
    {
        switch (e.Kind)
        {
            case EventKind.Retry:
                _queue.ActivateDeferred();
                break;
            case EventKind.Batch:
                StartBatch(e.Workload!);
                break;
            case EventKind.Created when e.Workload!.Job?.FailedReason is null:
                Created(e.Workload, e.Pod, e.Index);
                break;
            default:
                break;
        }
    }

    /// <summary>The controller's next slowStartBatch batch: each create waits for a token of the controller's client.</summary>
    private void StartBatch(Workload workload)
    {
        var cursor = _cursors[workload];
        var remaining = workload.Desired - cursor.Created;
        if (remaining <= 0 || workload.Job?.FailedReason is not null)
        {
            return;
        }

        if (Stuck(workload) is { } failed)
        {
            // Nothing changed since this workload's pods last failed: the rest would fail the same way. The
            // controller still creates them, so their creates take their tokens of its client, and the pods of
            // other workloads served by that client wait behind them as on a real cluster.
            Merge(failed, remaining);
            ClientOf(workload).Reserve(_now, remaining);
            cursor.Created = workload.Desired;
            return;
        }

        var size = workload.Creation.OneByOne ? 1 : Math.Min(remaining, Math.Min(cursor.Batch, cursor.SyncLeft));
        var client = ClientOf(workload);
        var last = _now;
        for (var i = 0; i < size; i++)
        {
            last = client.Reserve(_now) + CreateLatency;
            At(last, Event.Created(workload, cursor.Created + i));
        }

        cursor.Created += size;
        if (workload.Creation.OneByOne)
        {
            return;
        }

        cursor.SyncLeft -= size;
        cursor.Batch = Math.Min(cursor.Batch * 2, int.MaxValue);
        if (cursor.SyncLeft == 0)
        {
            cursor.SyncLeft = workload.Creation.Burst;
            cursor.Batch = 1;
        }

        if (cursor.Created < workload.Desired)
        {
            At(last, Event.Batch(workload));
        }
    }

    /// <summary>The client whose rate limiter the workload's controller waits on.</summary>
    private TokenBucket ClientOf(Workload workload)
    {
        var controller = workload.Owner.Kind switch
        {
            "Deployment" or "ReplicaSet" => "replicaset-controller",
            "CronJob" => "job-controller",
            var kind => kind,
        };
        if (!_clients.TryGetValue(controller, out var client))
        {
            _clients[controller] = client = new TokenBucket();
        }

        return client;
    }

    /// <summary>A pod created: through admission into the queue, or into the failure of its workload's last pods.</summary>
    private void Created(Workload workload, SimPod? replacement, long index)
    {
        if (replacement is null && Stuck(workload) is { } failed)
        {
            Merge(failed, 1);
            return;
        }

        if (replacement is null && _rejected.TryGetValue(workload, out var rejected))
        {
            rejected.Count++;
            return;
        }

        var pod = replacement ?? Create(workload, index);
        if (_admit(workload, pod) is { } rejection)
        {
            // The controller's creations keep failing the same way (its template does not change and quota usage
            // only grows): the pods it has not created yet join this rejection instead of being tried one by one.
            var cursor = _cursors[workload];
            var outcome = new PodOutcome { Pod = pod, Index = index, Count = 1 + (replacement is null ? workload.Desired - cursor.Created : 0), Admission = rejection, Reason = "FailedCreate: " + rejection };
            workload.Outcomes.Add(outcome);
            if (replacement is null)
            {
                cursor.Created = workload.Desired;
                _rejected[workload] = outcome;
            }

            return;
        }

        _queue.Add(new QueuedPods { Workload = workload, First = index, Count = 1, Pod = pod, Priority = pod.Priority, Sequence = _sequence++ });
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
            if (placement.Node is null)
            {
                Fail(pods, pod, placement.Reason!);
                return;
            }

            var placed = new PodOutcome { Pod = pod, Index = pods.First, Node = placement.Node, Ties = placement.Ties, TieCount = placement.TieCount };
            workload.Outcomes.Add(placed);
            _placed[pod] = (workload, placed);
            _bound = true;
            pods.First++;
            pods.Count--;
            Evict();
            if (workload.Creation.OneByOne && pods.Count == 0)
            {
                // OrderedReady: the next ordinal once this one runs (and, readiness not being modelled, is Ready).
                At(_now + CreateLatency, Event.Batch(workload));
            }
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
                workload.Outcomes.Add(new PodOutcome
                {
                    Pod = workload.Factory!.Create(cursor.Created),
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

            Replace(owner, outcome.Index, _now);
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
            Replace(owner, 0, _now);
            return;
        }

        job.Failed++;
        if (job.DisruptionAction == "FailJob" || job.Failed > job.BackoffLimit)
        {
            // The condition's reason and message: JobReasonPodFailurePolicy with matchPodFailurePolicy's message, or
            // JobReasonBackoffLimitExceeded (job_controller.go syncJob).
            job.FailedReason = job.DisruptionAction == "FailJob"
                ? "PodFailurePolicy: Pod " + victim.Namespace + "/" + victim.Name + " has condition DisruptionTarget matching FailJob rule at index "
                    + job.DisruptionRule.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "BackoffLimitExceeded: Job has reached the specified backoff limit";
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

        // DefaultJobPodFailureBackOff 10 s, doubled per failure, at most MaxJobPodFailureBackOff 10 min.
        Replace(owner, 0, _now + (Math.Min(600, 10L << Math.Min(job.Failed - 1, 10)) * Second));
    }

    /// <summary>
    /// The controller's replacement for a deleted pod, created through its client from <paramref name="from"/> on:
    /// a StatefulSet recreates the same ordinal, a DaemonSet the same node's pod, others a pod of a new name.
    /// </summary>
    private void Replace(Workload owner, long index, long from)
    {
        var factory = owner.Factory!;
        var cursor = _cursors[owner];
        var pod = owner.Owner.Kind == "StatefulSet" || factory.Nodes is not null ? factory.Create(index) : factory.Create(cursor.Replacements++ + owner.Desired);
        At(ClientOf(owner).Reserve(from) + CreateLatency, Event.Created(owner, index, pod));
    }

    private enum EventKind
    {
        Batch,
        Created,
        Retry,
    }

    /// <summary>A controller's next batch, a pod's creation (by index, or a given replacement), or the retry of moved pods.</summary>
    private sealed record Event(EventKind Kind, Workload? Workload, long Index, SimPod? Pod)
    {
        public static Event Batch(Workload workload) => new(EventKind.Batch, workload, 0, null);

        public static Event Created(Workload workload, long index, SimPod? pod = null) => new(EventKind.Created, workload, index, pod);

        public static Event Retry() => new(EventKind.Retry, null, 0, null);
    }

    /// <summary>A controller's progress: pods created, the next batch size, what is left of the current sync's burst.</summary>
    private sealed class Cursor(int burst)
    {
        public long Created { get; set; }

        public long Batch { get; set; } = 1;

        public long SyncLeft { get; set; } = burst;

        public long Replacements { get; set; }
    }

    /// <summary>
    /// client-go's token bucket (flowcontrol.NewTokenBucketRateLimiter over golang.org/x/time/rate): 20 tokens a
    /// second, 30 at most saved up; requests are served in the order they wait.
    /// </summary>
    private sealed class TokenBucket
    {
        private const double PerSecond = 20;
        private const double Burst = 30;

        private double _tokens = Burst;
        private long _last;

        /// <summary>Reserves <paramref name="count"/> tokens at <paramref name="now"/>; the time the last request may proceed.</summary>
        public long Reserve(long now, long count = 1)
        {
            if (now > _last)
            {
                _tokens = Math.Min(Burst, _tokens + ((now - _last) * PerSecond / Second));
                _last = now;
            }

            _tokens -= count;
            return _tokens >= 0 ? _last : _last + (long)Math.Ceiling(-_tokens * Second / PerSecond);
        }
    }
}
