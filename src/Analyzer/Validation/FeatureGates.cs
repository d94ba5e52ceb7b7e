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

    // A gate listed with a version above 1.35 is off in every supported version; it is listed so that the check
    // it guards is visibly off rather than forgotten.
    private static readonly Dictionary<string, int> OnByDefaultSince = new(StringComparer.Ordinal)
    {
        // Pod fields that are dropped (or, for procMount, reset to Default) on create while their gate is off
        // (pkg/api/pod/util.go, dropDisabledFields), and validation options that follow a gate
        // (GetValidationOptionsFromPodSpecAndMeta).
        ["AppArmorFields"] = 30,
        ["ClusterTrustBundleProjection"] = 36,
        ["DynamicResourceAllocation"] = 34,
        ["ImageVolume"] = 35,
        ["InPlacePodVerticalScaling"] = 32,
        ["MatchLabelKeysInPodAffinity"] = 31,
        ["PodLevelResources"] = 34,
        ["PodLifecycleSleepAction"] = 30,
        ["PodLifecycleSleepActionAllowZero"] = 33,
        ["ProcMountType"] = 33,
        ["RecursiveReadOnlyMounts"] = 31,
        ["RelaxedDNSSearchValidation"] = 33,
        ["RelaxedEnvironmentVariableValidation"] = 32,
        ["SELinuxChangePolicy"] = 33,
        ["SidecarContainers"] = 29,
        ["SupplementalGroupsPolicy"] = 33,
        ["UserNamespacesSupport"] = 33,
        [VolumeAttributesClass] = 34,

        // Workload fields dropped on create while their gate is off (the REST strategies' PrepareForCreate).
        ["JobBackoffLimitPerIndex"] = 29,
        ["JobManagedBy"] = 32,
        ["JobPodReplacementPolicy"] = 29,
        ["JobSuccessPolicy"] = 31,
        ["MaxUnavailableStatefulSet"] = 36,

        // Service, autoscaling and storage fields.
        [ServiceTrafficDistribution] = 31,
        [PreferSameTrafficDistribution] = 34,
        [HpaConfigurableTolerance] = 35,
        [MutableCsiNodeAllocatableCount] = 35,
    };

    /// <summary>Whether <paramref name="gate"/> is on by default in <paramref name="version"/>; unknown gates are off.</summary>
    public static bool IsEnabled(string gate, KubernetesVersion version)
        => OnByDefaultSince.TryGetValue(gate, out var since) && version.Minor >= since;
}
