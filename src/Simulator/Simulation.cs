using System.Globalization;
using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Rollouts;
using KubeLint.Simulator.Scheduling;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator;

/// <summary>
/// Dry-runs manifests on a cluster model: the controllers expand workloads into pods and claims, the PV controller
/// binds Immediate claims, the scheduler places pods in queue order, and each Deployment, StatefulSet and DaemonSet
/// rolls out a new revision on a copy of the resulting state.
/// </summary>
public sealed class Simulation
{
    private Simulation(SimulationResult result, IReadOnlyList<Workload> workloads, IReadOnlyList<SimClaim> claims, IReadOnlyList<(RolloutResult Rollout, Workload Workload)> rollouts, IReadOnlyDictionary<SimPod, Placement> placements)
    {
        Result = result;
        Placements = placements;
        Workloads = workloads;
        Claims = claims;
        Rollouts = rollouts;
    }

    public SimulationResult Result { get; }

    internal IReadOnlyList<Workload> Workloads { get; }

    internal IReadOnlyDictionary<SimPod, Placement> Placements { get; }

    internal IReadOnlyList<SimClaim> Claims { get; }

    internal IReadOnlyList<(RolloutResult Rollout, Workload Workload)> Rollouts { get; }

    /// <summary>Runs the simulation of <paramref name="manifests"/> with the cluster and baseline of <paramref name="options"/>.</summary>
    public static Simulation Run(IReadOnlyList<KubeObject> inputs, SimulationOptions options, SchedulerVersion? version = null)
    {
        version ??= SchedulerVersion.Latest;

        // Applying the same object twice keeps one object: its first definition here, so variants of one app in a
        // folder (overlays, generated bundles) do not compete with each other for the cluster.
        var seen = new HashSet<(string, string, string?, string)>();
        var manifests = inputs.Where(o => seen.Add((o.Group, o.Kind, o.EffectiveNamespace, o.Name))).ToList();
        var cluster = ClusterReader.Read(options.Cluster);
        ClusterReader.AddManifestObjects(cluster, manifests);
        var binder = new VolumeBinder(cluster);
        foreach (var obj in manifests)
        {
            if (obj.Group.Length == 0 && obj.Kind == "PersistentVolumeClaim")
            {
                binder.AddClaim(ClaimReader.Read(obj.Root, obj.EffectiveNamespace ?? "default", obj.Name, obj, cluster, ClaimReader.ReportNodeOf(obj)));
            }
        }

        var workloads = new List<Workload>();
        foreach (var obj in manifests)
        {
            if (WorkloadExpander.Expand(obj, cluster) is { } workload)
            {
                workloads.Add(workload);
                foreach (var claim in workload.Claims)
                {
                    binder.AddClaim(claim);
                }
            }
        }

        binder.BindImmediate();
        var scheduler = new Scheduler(cluster.Nodes, binder, version);
        var existing = PlaceExisting(cluster, scheduler);
        var pods = new List<SimPod>(existing);
        foreach (var workload in workloads)
        {
            pods.AddRange(workload.Pods);
        }

        for (var i = 0; i < pods.Count; i++)
        {
            pods[i].Sequence = i;
        }

        var placements = RunQueue(pods.Where(p => KnownNamespace(cluster, manifests, p.Namespace)).ToList(), scheduler, workloads);
        foreach (var pod in pods.Where(p => !placements.ContainsKey(p)))
        {
            // The API server refuses objects in a namespace that does not exist.
            placements[pod] = new Placement { Pod = pod, Reason = "namespaces \"" + pod.Namespace + "\" not found" };
        }

        var result = new SimulationResult
        {
            KubernetesVersion = "1." + version.Minor.ToString(CultureInfo.InvariantCulture),
            DefaultCluster = cluster.IsDefault,
        };
        foreach (var workload in workloads)
        {
            foreach (var pod in workload.Pods)
            {
                var placement = placements[pod];
                result.Pods.Add(new PodResult(pod.Namespace, pod.Name, workload.Name, placement.Node, placement.Reason)
                {
                    Ties = placement.Ties,
                    TieCount = placement.TieCount,
                });
            }
        }

        ExplainWaitingClaims(binder, workloads, placements);
        foreach (var claim in binder.Claims)
        {
            result.Claims.Add(new ClaimResult(claim.Namespace, claim.Name, claim.BoundVolume, claim.BoundVolume is null ? "Pending" : "Bound", claim.Reason));
        }

        var rollouts = new List<(RolloutResult, Workload)>();
        var baseline = options.Baseline;
        foreach (var workload in workloads)
        {
            var restore = binder.Snapshot();
            var rollout = RolloutSimulator.Simulate(workload, baseline, cluster, scheduler.Clone(), placements);
            restore();
            if (rollout is not null)
            {
                rollouts.Add((rollout, workload));
                result.Rollouts.Add(rollout);
            }
        }

        foreach (var (node, requested, count) in scheduler.Usage())
        {
            result.Nodes.Add(new NodeResult(node.Name, requested.MilliCpu, node.Allocatable.MilliCpu, requested.Memory, node.Allocatable.Memory, count, node.AllocatablePods));
        }

        return new Simulation(result, workloads, binder.Claims, rollouts, placements);
    }

    /// <summary>
    /// Namespaces are checked only when the cluster description lists some (kubectl get ns -o yaml): then a pod's
    /// namespace must be listed, built in, or created by the manifests.
    /// </summary>
    private static bool KnownNamespace(ClusterModel cluster, IReadOnlyList<KubeObject> manifests, string ns)
        => cluster.Namespaces.Count == 0
           || cluster.Namespaces.Contains(ns)
           || ns is "default" or "kube-system" or "kube-public" or "kube-node-lease"
           || manifests.Any(o => o.Group.Length == 0 && o.Kind == "Namespace" && o.Name == ns);

    /// <summary>Pods of the cluster description that already run on a node.</summary>
    private static List<SimPod> PlaceExisting(ClusterModel cluster, Scheduler scheduler)
    {
        var pending = new List<SimPod>();
        foreach (var obj in cluster.ExistingPods)
        {
            if (obj.Spec is not { } spec)
            {
                continue;
            }

            var pod = PodSpecReader.Read(spec, obj.Labels, obj.EffectiveNamespace ?? "default", obj.Name, "Pod/" + obj.Name, null, cluster, null);
            if (pod.NodeName is null || !scheduler.Assign(pod, pod.NodeName))
            {
                pending.Add(pod);
            }
        }

        return pending;
    }

    /// <summary>
    /// The scheduling queue (PrioritySort): priority descending, then creation order, then namespace/name. Pods with
    /// spec.nodeName bypass the scheduler and only face the kubelet's resource check. OrderedReady StatefulSets
    /// create ordinal k+1 only once ordinal k runs, so pods after a Pending one are never created.
    /// Preempted pods re-enter the queue at their priority.
    /// </summary>
    private static Dictionary<SimPod, Placement> RunQueue(List<SimPod> pods, Scheduler scheduler, List<Workload> workloads)
    {
        var queue = new List<SimPod>(pods);
        queue.Sort(QueueOrder);
        var placements = new Dictionary<SimPod, Placement>();
        var orderedReady = new Dictionary<SimPod, Workload>();
        foreach (var workload in workloads)
        {
            if (workload.Owner.Kind == "StatefulSet" && workload.Owner.Spec?.GetString("podManagementPolicy") != "Parallel")
            {
                foreach (var pod in workload.Pods)
                {
                    orderedReady[pod] = workload;
                }
            }
        }

        var blocked = new Dictionary<Workload, SimPod>();
        for (var q = 0; q < queue.Count; q++)
        {
            var pod = queue[q];
            if (orderedReady.TryGetValue(pod, out var sts) && blocked.TryGetValue(sts, out var predecessor))
            {
                placements[pod] = new Placement
                {
                    Pod = pod,
                    Reason = "not created: OrderedReady waits for " + predecessor.Name + " to be Running and Ready",
                };
                continue;
            }

            Placement placement;
            if (pod.NodeName is { } nodeName)
            {
                placement = new Placement { Pod = pod };
                var rejection = scheduler.KubeletRejection(pod, nodeName);
                if (rejection is null)
                {
                    scheduler.Assign(pod, nodeName);
                    placement.Node = nodeName;
                }
                else
                {
                    placement.Reason = rejection;
                }
            }
            else
            {
                placement = scheduler.Schedule(pod);
            }

            if (placements.TryGetValue(pod, out var earlier) && earlier.Reason is { } preemptedNote && placement.Reason is not null)
            {
                placement.Reason = preemptedNote + "; then " + placement.Reason;
            }

            placements[pod] = placement;
            if (placement.Node is null && sts is not null)
            {
                blocked[sts] = pod;
            }

            foreach (var (victim, by, node) in scheduler.Preempted)
            {
                placements[victim] = new Placement { Pod = victim, Reason = "preempted by " + by.Key + " (priority " + by.Priority.ToString(CultureInfo.InvariantCulture) + ") on " + node };
                var position = queue.FindIndex(q + 1, p => QueueOrder(victim, p) < 0);
                queue.Insert(position < 0 ? queue.Count : position, victim);
            }

            scheduler.Preempted.Clear();
        }

        return placements;
    }

    private static int QueueOrder(SimPod a, SimPod b)
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var bySequence = a.Sequence.CompareTo(b.Sequence);
        return bySequence != 0 ? bySequence : string.CompareOrdinal(a.Key, b.Key);
    }

    /// <summary>Delayed claims still unbound: waiting for their pod (a problem when the pod cannot schedule) or for any consumer.</summary>
    private static void ExplainWaitingClaims(VolumeBinder binder, List<Workload> workloads, Dictionary<SimPod, Placement> placements)
    {
        var consumers = new Dictionary<string, SimPod>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            foreach (var pod in workload.Pods)
            {
                foreach (var claim in pod.Claims)
                {
                    var key = pod.Namespace + "/" + claim;
                    if (!consumers.ContainsKey(key))
                    {
                        consumers[key] = pod;
                    }
                }
            }
        }

        foreach (var claim in binder.Claims)
        {
            if (claim.BoundVolume is not null || !binder.IsDelayed(claim))
            {
                continue;
            }

            if (consumers.TryGetValue(claim.Key, out var pod) && placements.TryGetValue(pod, out var placement) && placement.Node is null)
            {
                claim.Reason = "WaitForPodScheduled: waiting for pod " + pod.Name + " to be scheduled";
                claim.Problem = true;
            }
            else
            {
                // Normal for a claim created ahead of its pod: not reported as a problem.
                claim.Reason = "WaitForFirstConsumer: waiting for first consumer to be created before binding";
                claim.Problem = false;
            }
        }
    }
}
