using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>
/// A manifest that creates pods, with its controller's plan (how many pods, in which batches) and what became of
/// them. Pods are made only when the simulation reaches them, so a workload of 2,147,483,647 replicas costs the
/// pods that fit plus one per distinct failure; the rest are counted in <see cref="PodOutcome.Count"/>.
/// </summary>
public sealed class Workload
{
    public required KubeObject Owner { get; init; }

    /// <summary>"Deployment/web".</summary>
    public required string Name { get; init; }

    /// <summary>Where pod findings point: the replicas value, else the pod spec's key.</summary>
    public required YamlNode ReportNode { get; init; }

    /// <summary>The position of the object in apply order.</summary>
    public int Order { get; init; }

    /// <summary>Makes the workload's pods by index; null when the controller creates none.</summary>
    public PodFactory? Factory { get; init; }

    /// <summary>Pods the controller wants: replicas, a Job's active pods, one per eligible node for a DaemonSet.</summary>
    public long Desired { get; set; }

    public CreationPolicy Creation { get; init; } = CreationPolicy.Batches(500);

    /// <summary>Why the controller creates no pod although the template has some (a suspended Job), or null.</summary>
    public string? Inactive { get; init; }

    /// <summary>Bare pods this ReplicaSet, ReplicationController or Deployment's ReplicaSet adopted instead of creating pods.</summary>
    public List<SimPod> Adopted { get; } = [];

    /// <summary>The controller that adopted this bare pod, or null.</summary>
    public Workload? AdoptedBy { get; set; }

    /// <summary>The name pods are reported under: the adopting controller's for an adopted pod.</summary>
    public string ReportedName => AdoptedBy?.Name ?? Name;

    /// <summary>What became of each pod, or group of identical pods, in the order the simulation reached them.</summary>
    public List<PodOutcome> Outcomes { get; } = [];

    public List<SimClaim> Claims { get; } = [];

    /// <summary>The Job's retry state; null for other kinds.</summary>
    public JobState? Job { get; init; }

    public long Total => Outcomes.Sum(o => o.Count);

    /// <summary>Pods that do not run, other than those admission rejected.</summary>
    public long Pending => Outcomes.Where(o => o.Node is null && o.Admission is null).Sum(o => o.Count);

    public IEnumerable<SimPod> PlacedPods => Outcomes.Where(o => o.Node is not null).Select(o => o.Pod);
}

/// <summary>One pod, or a group of identical pods that met the same fate at the same moment.</summary>
public sealed class PodOutcome
{
    public required SimPod Pod { get; init; }

    /// <summary>How many pods the outcome stands for (1 for a placed pod); the first is <see cref="Pod"/>, the others follow its index.</summary>
    public long Count { get; set; } = 1;

    /// <summary>The factory index of <see cref="Pod"/>.</summary>
    public long Index { get; init; }

    public string? Node { get; set; }

    /// <summary>The FailedScheduling message, or why the pod does not run; null when placed.</summary>
    public string? Reason { get; set; }

    /// <summary>The API server's rejection of the pod (admission), or null when it was created.</summary>
    public string? Admission { get; init; }

    /// <summary>The controller has not created these pods (an OrderedReady StatefulSet waiting for an earlier ordinal).</summary>
    public bool NotCreated { get; init; }

    public IReadOnlyList<string> Ties { get; set; } = [];

    public int TieCount { get; set; } = 1;
}

/// <summary>How a controller creates its pods (controller_utils slowStartBatch and the per-sync burst).</summary>
public sealed record CreationPolicy(int Burst, bool OneByOne)
{
    /// <summary>Batches of 1, 2, 4, … up to <paramref name="burst"/> pods per sync (ReplicaSet 500, Job 500, DaemonSet 250).</summary>
    public static CreationPolicy Batches(int burst) => new(burst, OneByOne: false);

    /// <summary>OrderedReady StatefulSets: pod k+1 only once pod k runs.</summary>
    public static CreationPolicy Ordered { get; } = new(1, OneByOne: true);
}

/// <summary>
/// A Job's failure accounting (job_controller.go): pods deleted by preemption fail unless the podFailurePolicy
/// ignores DisruptionTarget; past backoffLimit the Job fails and its pods are deleted; otherwise a replacement
/// follows after the failure backoff (10 s doubled per failure, at most 10 min).
/// </summary>
public sealed class JobState
{
    public int BackoffLimit { get; init; } = 6;

    /// <summary>The podFailurePolicy action for pods with the DisruptionTarget condition (Ignore, FailJob, Count), or null.</summary>
    public string? DisruptionAction { get; init; }

    /// <summary>The index of that rule in spec.podFailurePolicy.rules.</summary>
    public int DisruptionRule { get; init; } = -1;

    public int Failed { get; set; }

    /// <summary>The Job's failure condition as "Reason: message" once the Job failed (job_controller.go, pod_failure_policy.go).</summary>
    public string? FailedReason { get; set; }
}
