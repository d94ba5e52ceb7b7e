namespace KubeLint.Simulator;

/// <summary>The full prediction of a simulation run; the JSON, text and HTML reports render this.</summary>
public sealed class SimulationResult
{
    public List<PodResult> Pods { get; } = [];

    public List<ClaimResult> Claims { get; } = [];

    public List<RolloutResult> Rollouts { get; } = [];

    public List<NodeResult> Nodes { get; } = [];

    /// <summary>Pods the scheduler evicted to make room for pods of higher priority.</summary>
    public List<PreemptionResult> Preempted { get; } = [];

    /// <summary>What the API server's admission said about each applied object, in apply order.</summary>
    public List<AdmissionResult> Admission { get; } = [];

    /// <summary>Each selecting Service's endpoints after the apply, in apply order.</summary>
    public List<ServiceResult> Services { get; } = [];

    /// <summary>Jobs that fail (their pods preempted past backoffLimit).</summary>
    public List<JobResult> FailedJobs { get; } = [];

    /// <summary>The scheduler version whose messages are used, e.g. "1.35".</summary>
    public string KubernetesVersion { get; set; } = string.Empty;

    /// <summary>True when the embedded default cluster was used.</summary>
    public bool DefaultCluster { get; set; }

    /// <summary>The embedded default cluster's autoscaled pool; null with a cluster from --cluster.</summary>
    public AutoscalingResult? Autoscaling { get; set; }
}

/// <summary>
/// One pod, or <see cref="Count"/> identical pods of a workload that met the same fate (listed once, named after the
/// first): where it runs, or why it stays Pending.
/// </summary>
public sealed record PodResult(string Namespace, string Name, string Workload, string? Node, string? Reason)
{
    /// <summary>The nodes with the same top score, the chosen one included (a real cluster may pick any of them); empty when the choice was unique.</summary>
    public IReadOnlyList<string> Ties { get; init; } = [];

    public int TieCount { get; init; } = 1;

    /// <summary>How many pods this entry stands for.</summary>
    public long Count { get; init; } = 1;

    /// <summary>The API server's rejection of the pod when its controller tried to create it, else null.</summary>
    public string? Admission { get; init; }

    /// <summary>The name of pod number <paramref name="offset"/> of the group (controllers number their pods).</summary>
    public Func<long, string>? NameAt { get; init; }
}

/// <summary>One claim, or <see cref="Count"/> claims of the same StatefulSet template with the same fate.</summary>
public sealed record ClaimResult(string Namespace, string Name, string? Volume, string Phase, string? Reason)
{
    public long Count { get; init; } = 1;

    /// <summary>The volumes of equal capacity that all match, the bound one included (a real cluster may bind any of them); empty when the choice was unique.</summary>
    public IReadOnlyList<string> Ties { get; init; } = [];
}

/// <summary>A pod evicted by preemption: who took its place, and on which node.</summary>
public sealed record PreemptionResult(string Namespace, string Name, string Workload, string By, string Node);

/// <summary>An applied object's admission: "created", "rejected" (with the API server's message) or "warning".</summary>
public sealed record AdmissionResult(string Object, string Outcome, string? Message);

/// <summary>A Job that fails, and why.</summary>
public sealed record JobResult(string Namespace, string Name, string Reason);

/// <summary>
/// The embedded default cluster's pool: how many workers of the default shape it started with and how many the
/// manifests needed (the capacity-planning figure), up to the pool's maximum.
/// </summary>
public sealed record AutoscalingResult(int InitialWorkers, int Workers, int MaxWorkers, string WorkerShape);

/// <summary>One step of a rollout: pods of the old and new revision and available pods after the step.</summary>
public sealed record RolloutStep(int Old, int New, int Available, string Action);

/// <summary>A simulated rollout of a new revision.</summary>
public sealed class RolloutResult
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>Deployment, StatefulSet or DaemonSet.</summary>
    public required string Kind { get; init; }

    /// <summary>RollingUpdate, Recreate, OnDelete.</summary>
    public required string Strategy { get; init; }

    public List<RolloutStep> Steps { get; } = [];

    public bool Completes { get; set; }

    /// <summary>Why the rollout does not complete or causes downtime; null when it completes cleanly.</summary>
    public string? Reason { get; set; }

    /// <summary>The index in <see cref="Steps"/> where availability first drops to zero, or null.</summary>
    public int? DowntimeStep { get; set; }
}

/// <summary>Requested versus allocatable on one node after placement.</summary>
public sealed record NodeResult(string Name, long MilliCpuRequested, long MilliCpuAllocatable, long MemoryRequested, long MemoryAllocatable, int Pods, int PodsAllocatable);

/// <summary>A Service's endpoints after the apply: the workloads whose ready pods it routes to, and its ports resolved per workload.</summary>
public sealed record ServiceResult(string Namespace, string Name, IReadOnlyList<ServiceBackend> Backends, IReadOnlyList<ServicePortResult> Ports)
{
    /// <summary>Ready endpoints over all workloads.</summary>
    public long Ready => Backends.Sum(b => b.Ready);

    /// <summary>With a baseline whose selector differs: why the switch leaves no ready endpoint for a while, else null.</summary>
    public string? SwitchGap { get; init; }
}

/// <summary>One workload behind a Service: its ready pods (endpoints) of all its pods.</summary>
public sealed record ServiceBackend(string Workload, long Ready, long Pods)
{
    /// <summary>The workload's share of the Service's ready endpoints in whole percent, truncated as every report prints percentages.</summary>
    public long ShareOf(long total) => total == 0 ? 0 : Ready * 100 / total;
}

/// <summary>A Service port: its targetPort as written and, per selected workload, the container port it reaches (null: none, so no endpoint there).</summary>
public sealed record ServicePortResult(string? Name, long Port, string Protocol, string TargetPort, IReadOnlyList<(string Workload, long? Port)> Resolved);
