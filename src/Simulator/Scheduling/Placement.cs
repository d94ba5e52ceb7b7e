using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling;

/// <summary>The outcome of scheduling one pod: its node, or the FailedScheduling message.</summary>
public sealed class Placement
{
    public required SimPod Pod { get; init; }

    public string? Node { get; set; }

    /// <summary>The FailedScheduling message (or another reason the pod does not run); null when placed.</summary>
    public string? Reason { get; set; }

    /// <summary>The nodes that had the same top score (a real scheduler picks one of them at random), capped at a few names.</summary>
    public IReadOnlyList<string> Ties { get; set; } = [];

    /// <summary>How many nodes shared the top score (1 when the choice was unique).</summary>
    public int TieCount { get; set; } = 1;
}
