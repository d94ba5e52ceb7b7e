using System.Globalization;

namespace KubeLint.Simulator.Scheduling;

/// <summary>
/// Which Kubernetes minor version's message texts the scheduler writes. 1.35 is the pinned target; older forms are
/// kept where the reference records a change (taint reason before #134740, PV node affinity before #129887).
/// </summary>
public sealed record SchedulerVersion(int Minor)
{
    public static SchedulerVersion Latest { get; } = new(35);

    /// <summary>"1.33" or "v1.33.2" → 33; anything unreadable gives the latest.</summary>
    public static SchedulerVersion Parse(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return Latest;
        }

        var parts = version!.TrimStart('v').Split('.');
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? new SchedulerVersion(minor) : Latest;
    }

    /// <summary>v1.35 (and 1.34 patch releases) no longer name the taint (kubernetes/kubernetes#134740).</summary>
    public bool GenericTaintReason => Minor >= 35;

    /// <summary>PR #129887 (≈v1.33) renamed "volume node affinity conflict".</summary>
    public bool NewVolumeAffinityReason => Minor >= 33;
}
