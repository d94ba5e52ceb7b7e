using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Admission;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Rollouts;
using KubeLint.Simulator.Scheduling;
using KubeLint.Simulator.Services;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator;

/// <summary>
/// Dry-runs manifests on a cluster model: admission decides which objects the API server accepts, the controllers
/// create pods and claims over time (see <see cref="Timeline"/>), the PV controller binds Immediate claims, the
/// scheduler places pods as they arrive, the embedded default cluster scales up like cluster-autoscaler, and each
/// Deployment, StatefulSet and DaemonSet rolls out a new revision on a copy of the resulting state.
/// </summary>
public sealed class Simulation
{
    /// <summary>Workloads with more pods than this are not rolled out (their rollout would take as long as their size).</summary>
    private const long MaxRolloutPods = 10_000;

    private Simulation(SimulationResult result, IReadOnlyList<Workload> workloads, IReadOnlyList<SimClaim> claims, IReadOnlyList<(RolloutResult Rollout, Workload Workload)> rollouts, AdmissionReview admission)
    {
        Result = result;
        Workloads = workloads;
        Claims = claims;
        Rollouts = rollouts;
        Admission = admission;
    }

    public SimulationResult Result { get; }

    internal IReadOnlyList<Workload> Workloads { get; }

    internal IReadOnlyList<SimClaim> Claims { get; }

    internal IReadOnlyList<(RolloutResult Rollout, Workload Workload)> Rollouts { get; }

    internal AdmissionReview Admission { get; }

    /// <summary>Runs the simulation of <paramref name="inputs"/> with the cluster and baseline of <paramref name="options"/>.</summary>
    public static Simulation Run(IReadOnlyList<KubeObject> inputs, SimulationOptions options, SchedulerVersion? version = null)
    {
        version ??= SchedulerVersion.Latest;

        // Applying the same object twice keeps one object: its first definition here, so variants of one app in a
        // folder (overlays, generated bundles) do not compete with each other for the cluster.
        var seen = new HashSet<(string, string, string?, string)>();
        var manifests = inputs.Where(o => seen.Add((o.Group, o.Kind, o.EffectiveNamespace, o.Name))).ToList();
        var cluster = ClusterReader.Read(options.Cluster);
        cluster.Version = version;
        ClusterReader.AddManifestObjects(cluster, manifests);
        var admission = new AdmissionReview(cluster, manifests, options.Cluster);
        var accepted = manifests.Where(admission.Accepts).ToList();
        var binder = new VolumeBinder(cluster);
        foreach (var obj in accepted)
        {
            if (obj.Group.Length == 0 && obj.Kind == "PersistentVolumeClaim")
            {
                binder.AddClaim(ClaimReader.Read(obj.Root, obj.EffectiveNamespace ?? "default", obj.Name, obj, cluster, ClaimReader.ReportNodeOf(obj)));
            }
        }

        // Every applied object takes kubectl its time, so a workload's controller starts by its place among all objects.
        var workloads = new List<Workload>();
        for (var i = 0; i < accepted.Count; i++)
        {
            if (WorkloadExpander.Expand(accepted[i], cluster, i) is { } workload)
            {
                workloads.Add(workload);
            }
        }

        binder.BindImmediate();
        var scheduler = new Scheduler(cluster.Nodes, binder, version);
        var autoscaler = cluster.IsDefault ? new ClusterAutoscaler(cluster.Nodes.Count(n => !n.Taints.Any())) : null;
        var timeline = new Timeline(scheduler, binder, admission.AdmitPod, autoscaler);
        PlaceExisting(cluster, scheduler, timeline);
        Adoption.AdoptBarePods(workloads, cluster);
        foreach (var workload in workloads)
        {
            timeline.Start(workload);
        }

        timeline.Run(workloads);
        var result = new SimulationResult
        {
            KubernetesVersion = version.ToString(),
            DefaultCluster = cluster.IsDefault,
            Autoscaling = autoscaler is null ? null : new AutoscalingResult(autoscaler.InitialWorkers, autoscaler.Workers, ClusterAutoscaler.MaxWorkers, DefaultCluster.WorkerShape),
        };
        result.Admission.AddRange(admission.Results);
        foreach (var workload in workloads)
        {
            foreach (var outcome in workload.Outcomes)
            {
                var factory = workload.Factory;
                var first = outcome.Index;
                result.Pods.Add(new PodResult(outcome.Pod.Namespace, outcome.Pod.Name, workload.ReportedName, outcome.Node, outcome.Reason)
                {
                    Ties = outcome.Ties,
                    TieCount = outcome.TieCount,
                    Count = outcome.Count,
                    Admission = outcome.Admission,
                    NameAt = outcome.Count > 1 && factory is not null ? offset => factory.NameOf(first + offset) : null,
                });
            }

            if (workload.Job?.FailedReason is { } failed)
            {
                result.FailedJobs.Add(new JobResult(workload.Owner.EffectiveNamespace ?? "default", workload.Owner.Name, failed));
            }
        }

        foreach (var (victim, by, node) in timeline.Preempted)
        {
            result.Preempted.Add(new PreemptionResult(victim.Namespace, victim.Name, victim.Workload, by.Namespace + "/" + by.Name, node));
        }

        ExplainWaitingClaims(binder, workloads);
        foreach (var claim in binder.Claims)
        {
            result.Claims.Add(new ClaimResult(claim.Namespace, claim.Name, claim.BoundVolume, claim.BoundVolume is null ? "Pending" : "Bound", claim.Reason) { Ties = claim.VolumeTies });
        }

        ClaimAggregates.AddPendingTemplates(result, workloads, binder);
        var rollouts = new List<(RolloutResult, Workload)>();
        foreach (var workload in workloads)
        {
            if (workload.Total > MaxRolloutPods)
            {
                continue;
            }

            var restore = binder.Snapshot();
            var rollout = RolloutSimulator.Simulate(workload, options.Baseline, cluster, scheduler.Clone(), autoscaler);
            restore();
            if (rollout is not null)
            {
                rollouts.Add((rollout, workload));
                result.Rollouts.Add(rollout);
            }
        }

        result.Services.AddRange(ServiceEndpoints.Compute(accepted, workloads, options.Baseline, cluster.RunningPods.Select(r => r.Pod).Where(p => p.NodeName is not null)));
        foreach (var (node, requested, count) in scheduler.Usage())
        {
            result.Nodes.Add(new NodeResult(node.Name, requested.MilliCpu, node.Allocatable.MilliCpu, requested.Memory, node.Allocatable.Memory, count, node.AllocatablePods));
        }

        return new Simulation(result, workloads, binder.Claims, rollouts, admission);
    }

    /// <summary>
    /// Pods of the cluster description: those bound to a node run there; those without a node wait in the queue
    /// ahead of the manifests' pods. Neither is part of the report.
    /// </summary>
    private static void PlaceExisting(ClusterModel cluster, Scheduler scheduler, Timeline timeline)
    {
        foreach (var obj in cluster.ExistingPods)
        {
            if (obj.Spec is not { } spec)
            {
                continue;
            }

            // A pod with a controlling owner belongs to a controller of the cluster; others are orphans a ReplicaSet may adopt.
            var owned = obj.Metadata?.GetSequence("ownerReferences")?.Mappings.Any() == true;
            var pod = PodSpecReader.Read(spec, obj.Labels, obj.EffectiveNamespace ?? "default", obj.Name, "Pod/" + obj.Name, null, cluster, null);
            cluster.RunningPods.Add((pod, Orphan: !owned));
            if (pod.NodeName is null || !scheduler.Assign(pod, pod.NodeName))
            {
                timeline.AddExisting(new Workload { Owner = obj, Name = "Pod/" + obj.Name, ReportNode = obj.Root }, pod);
            }
        }
    }

    /// <summary>Delayed claims still unbound: waiting for their pod (a problem when the pod cannot schedule) or for any consumer.</summary>
    private static void ExplainWaitingClaims(VolumeBinder binder, List<Workload> workloads)
    {
        var consumers = new Dictionary<string, PodOutcome>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            foreach (var outcome in workload.Outcomes)
            {
                foreach (var claim in outcome.Pod.Claims)
                {
                    var key = outcome.Pod.Namespace + "/" + claim;
                    if (!consumers.ContainsKey(key))
                    {
                        consumers[key] = outcome;
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

            if (consumers.TryGetValue(claim.Key, out var outcome) && outcome.Node is null)
            {
                claim.Reason = "WaitForPodScheduled: waiting for pod " + outcome.Pod.Name + " to be scheduled";
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
