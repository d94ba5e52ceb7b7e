using System.Collections.Concurrent;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// <c>PodValidationOptions</c> (pkg/apis/core/validation/validation.go) as <c>GetValidationOptionsFromPodSpecAndMeta</c>
/// (pkg/api/pod/util.go) sets them on create, plus the feature gates whose fields <c>dropDisabledFields</c> drops
/// before validation: a field dropped while its gate is off is never an error, whatever its value.
/// </summary>
internal sealed class PodValidationOptions
{
    private PodValidationOptions(KubernetesVersion version, bool resourceIsPod)
    {
        ResourceIsPod = resourceIsPod;
        AllowRelaxedEnvironmentVariableValidation = FeatureGates.IsEnabled("RelaxedEnvironmentVariableValidation", version);
        AllowRelaxedDnsSearchValidation = FeatureGates.IsEnabled("RelaxedDNSSearchValidation", version);
        AllowPodLifecycleSleepActionZeroValue = FeatureGates.IsEnabled("PodLifecycleSleepActionAllowZero", version);
        PodLevelResources = FeatureGates.IsEnabled("PodLevelResources", version);
        HostUsers = FeatureGates.IsEnabled("UserNamespacesSupport", version);
        SupplementalGroupsPolicy = FeatureGates.IsEnabled("SupplementalGroupsPolicy", version);
        ProcMountType = FeatureGates.IsEnabled("ProcMountType", version);
        ResizePolicy = FeatureGates.IsEnabled("InPlacePodVerticalScaling", version);
        SidecarContainers = FeatureGates.IsEnabled("SidecarContainers", version);
        RecursiveReadOnlyMounts = FeatureGates.IsEnabled("RecursiveReadOnlyMounts", version);
        SleepAction = FeatureGates.IsEnabled("PodLifecycleSleepAction", version);
        ImageVolume = FeatureGates.IsEnabled("ImageVolume", version);
        SeLinuxChangePolicy = FeatureGates.IsEnabled("SELinuxChangePolicy", version);
        ResourceClaims = FeatureGates.IsEnabled("DynamicResourceAllocation", version);
        ClusterTrustBundleProjection = FeatureGates.IsEnabled("ClusterTrustBundleProjection", version);
        MatchLabelKeysInPodAffinity = FeatureGates.IsEnabled("MatchLabelKeysInPodAffinity", version);
        AppArmorFields = FeatureGates.IsEnabled("AppArmorFields", version);
    }

    /// <summary><c>ResourceIsPod</c>: the spec is a Pod's (or a pod a StatefulSet will create), not a template's.</summary>
    public bool ResourceIsPod { get; }

    /// <summary>RelaxedEnvironmentVariableValidation (beta, on, from 1.32): any printable ASCII but '=' in env names.</summary>
    public bool AllowRelaxedEnvironmentVariableValidation { get; }

    /// <summary>RelaxedDNSSearchValidation (on from 1.33): underscores and "." in dnsConfig.searches.</summary>
    public bool AllowRelaxedDnsSearchValidation { get; }

    /// <summary>PodLifecycleSleepActionAllowZero (on from 1.33): a sleep of 0 seconds.</summary>
    public bool AllowPodLifecycleSleepActionZeroValue { get; }

    /// <summary>PodLevelResources (on from 1.34): spec.resources is kept and validated; dropped before.</summary>
    public bool PodLevelResources { get; }

    /// <summary>UserNamespacesSupport (on from 1.33): securityContext.hostUsers is kept; dropped before.</summary>
    public bool HostUsers { get; }

    /// <summary>SupplementalGroupsPolicy (on from 1.33): securityContext.supplementalGroupsPolicy is kept.</summary>
    public bool SupplementalGroupsPolicy { get; }

    /// <summary>ProcMountType (on from 1.33): procMount is kept; before, any written value is reset to Default.</summary>
    public bool ProcMountType { get; }

    /// <summary>InPlacePodVerticalScaling (on from 1.32): resizePolicy is kept; dropped before.</summary>
    public bool ResizePolicy { get; }

    /// <summary>SidecarContainers (on from 1.29): init containers' restartPolicy is kept.</summary>
    public bool SidecarContainers { get; }

    /// <summary>RecursiveReadOnlyMounts (on from 1.31): volumeMounts[].recursiveReadOnly is kept; dropped before.</summary>
    public bool RecursiveReadOnlyMounts { get; }

    /// <summary>PodLifecycleSleepAction (on from 1.30): lifecycle sleep handlers are kept.</summary>
    public bool SleepAction { get; }

    /// <summary>ImageVolume (off through 1.34): image volumes (and mounts of them) are dropped while off.</summary>
    public bool ImageVolume { get; }

    /// <summary>SELinuxChangePolicy (on from 1.33): securityContext.seLinuxChangePolicy is kept; dropped before.</summary>
    public bool SeLinuxChangePolicy { get; }

    /// <summary>DynamicResourceAllocation (on from 1.34): resourceClaims and resources.claims are kept; dropped before.</summary>
    public bool ResourceClaims { get; }

    /// <summary>ClusterTrustBundleProjection (off in every supported version): the projection is dropped.</summary>
    public bool ClusterTrustBundleProjection { get; }

    /// <summary>MatchLabelKeysInPodAffinity (on from 1.31): affinity terms' matchLabelKeys and mismatchLabelKeys are kept.</summary>
    public bool MatchLabelKeysInPodAffinity { get; }

    /// <summary>AppArmorFields (on from 1.30): appArmorProfile fields are validated.</summary>
    public bool AppArmorFields { get; }

    /// <summary>
    /// <c>AllowOnlyRecursiveSELinuxChangePolicy</c>: true while SELinuxMount is off (every supported version), so only
    /// "Recursive" is accepted once the field is kept.
    /// </summary>
    public bool AllowOnlyRecursiveSeLinuxChangePolicy => true;

    // One set of options per version and kind of spec: they are read for every pod spec.
    private static readonly ConcurrentDictionary<(int Minor, bool Pod), PodValidationOptions> Cache = new();

    public static PodValidationOptions ForPod(KubernetesVersion version)
        => Cache.GetOrAdd((version.Minor, true), key => new PodValidationOptions(new KubernetesVersion(key.Minor), resourceIsPod: true));

    public static PodValidationOptions ForTemplate(KubernetesVersion version)
        => Cache.GetOrAdd((version.Minor, false), key => new PodValidationOptions(new KubernetesVersion(key.Minor), resourceIsPod: false));
}
