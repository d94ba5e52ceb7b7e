using System.Globalization;

namespace KubeLint.Simulator.Scheduling;

/// <summary>
/// The Kubernetes minor version whose scheduler and API server behaviour the simulation reproduces: message texts,
/// scoring changes and feature gates that changed their default. 1.35 is the pinned target.
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

    /// <summary>PR #129887 (v1.33) renamed "volume node affinity conflict".</summary>
    public bool NewVolumeAffinityReason => Minor >= 33;

    /// <summary>BalancedAllocation skips pods requesting neither cpu nor memory since v1.33 (PR #130260).</summary>
    public bool BalancedAllocationSkipsPodsWithoutRequests => Minor >= 33;

    /// <summary>PodLevelResources: alpha (off) in 1.32 and 1.33, beta and on by default since 1.34; off, spec.resources is dropped.</summary>
    public bool PodLevelResources => Minor >= 34;

    /// <summary>MatchLabelKeysInPodAffinity: beta and on by default since 1.31.</summary>
    public bool MatchLabelKeysInPodAffinity => Minor >= 31;

    /// <summary>DynamicResourceAllocation: GA and on by default since 1.34, which adds the DynamicResources plugin to the default profile.</summary>
    public bool DynamicResourceAllocation => Minor >= 34;

    /// <summary>The Kubernetes version as "1.N".</summary>
    public override string ToString() => "1." + Minor.ToString(CultureInfo.InvariantCulture);
}
