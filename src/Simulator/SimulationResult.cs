namespace KubeLint.Simulator;

/// <summary>The full prediction of a simulation run; the JSON, text and HTML reports render this.</summary>
public sealed class SimulationResult
{
    public List<PodResult> Pods { get; } = [];

    public List<ClaimResult> Claims { get; } = [];

    public List<RolloutResult> Rollouts { get; } = [];

    public List<NodeResult> Nodes { get; } = [];

    /// <summary>The scheduler version whose messages are used, e.g. "1.35".</summary>
    public string KubernetesVersion { get; set; } = string.Empty;

    /// <summary>True when the embedded default cluster was used.</summary>
    public bool DefaultCluster { get; set; }
}

/// <summary>One pod: where it runs, or why it stays Pending.</summary>
public sealed record PodResult(string Namespace, string Name, string Workload, string? Node, string? Reason)
{
    /// <summary>Other nodes with the same top score (a real cluster may pick any of them); empty when the choice was unique.</summary>
    public IReadOnlyList<string> Ties { get; init; } = [];

    public int TieCount { get; init; } = 1;
}

/// <summary>One claim: its volume, phase (Bound or Pending) and the pending reason.</summary>
public sealed record ClaimResult(string Namespace, string Name, string? Volume, string Phase, string? Reason);

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
