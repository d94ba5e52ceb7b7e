namespace KubeLint.Analyzer.Validation;

/// <summary>
/// Feature gates that change what the API server accepts, at their default for each version
/// (pkg/features/kube_features.go, <c>defaultVersionedKubernetesFeatureGates</c>). A gate is on from the first minor
/// version in which it is enabled by default (beta or GA); alpha gates are off.
/// </summary>
public static class FeatureGates
{
    public const string ServiceTrafficDistribution = "ServiceTrafficDistribution";
    public const string PreferSameTrafficDistribution = "PreferSameTrafficDistribution";
    public const string HpaConfigurableTolerance = "HPAConfigurableTolerance";
    public const string MutableCsiNodeAllocatableCount = "MutableCSINodeAllocatableCount";
    public const string VolumeAttributesClass = "VolumeAttributesClass";

    private static readonly Dictionary<string, int> OnByDefaultSince = new(StringComparer.Ordinal)
    {
        // Gates are added here with the first minor version whose default is on, e.g. ["SidecarContainers"] = 29.
        [ServiceTrafficDistribution] = 31,
        [PreferSameTrafficDistribution] = 34,
        [HpaConfigurableTolerance] = 35,
        [MutableCsiNodeAllocatableCount] = 35,
        [VolumeAttributesClass] = 34,
    };

    /// <summary>Whether <paramref name="gate"/> is on by default in <paramref name="version"/>; unknown gates are off.</summary>
    public static bool IsEnabled(string gate, KubernetesVersion version)
        => OnByDefaultSince.TryGetValue(gate, out var since) && version.Minor >= since;
}
