namespace KubeLint.SchemaGen;

/// <summary>
/// Enumerations the API server enforces in its Go validation code but the OpenAPI documents do not carry
/// (reference section G). Keyed by definition and property; for array properties the values apply to the items.
/// </summary>
internal static class EnumTable
{
    private const string Core = "io.k8s.api.core.v1.";
    private const string Apps = "io.k8s.api.apps.v1.";
    private const string Batch = "io.k8s.api.batch.v1.";
    private const string AutoscalingV2 = "io.k8s.api.autoscaling.v2.";
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] TerminationMessagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] AccessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];
    private static readonly string[] VolumeModes = ["Filesystem", "Block"];
    private static readonly string[] RetainDelete = ["Retain", "Delete"];
    private static readonly string[] HonorIgnore = ["Honor", "Ignore"];
    private static readonly string[] Preemption = ["PreemptLowerPriority", "Never"];

    public static IReadOnlyDictionary<(string Definition, string Property), string[]> Entries { get; } =
        new Dictionary<(string, string), string[]>
        {
            [(Core + "ServiceSpec", "type")] = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
            [(Core + "ServiceSpec", "sessionAffinity")] = ["None", "ClientIP"],
            [(Core + "ServiceSpec", "externalTrafficPolicy")] = ["Cluster", "Local"],
            [(Core + "ServiceSpec", "internalTrafficPolicy")] = ["Cluster", "Local"],
            [(Core + "ServiceSpec", "ipFamilyPolicy")] = ["SingleStack", "PreferDualStack", "RequireDualStack"],
            [(Core + "ServicePort", "protocol")] = Protocols,
            [(Core + "ContainerPort", "protocol")] = Protocols,
            [(Core + "Container", "imagePullPolicy")] = PullPolicies,
            [(Core + "EphemeralContainer", "imagePullPolicy")] = PullPolicies,
            [(Core + "Container", "terminationMessagePolicy")] = TerminationMessagePolicies,
            [(Core + "EphemeralContainer", "terminationMessagePolicy")] = TerminationMessagePolicies,
            [(Core + "PodSpec", "restartPolicy")] = ["Always", "OnFailure", "Never"],
            [(Core + "PodSpec", "dnsPolicy")] = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"],
            [(Core + "PodSpec", "preemptionPolicy")] = Preemption,
            [("io.k8s.api.scheduling.v1.PriorityClass", "preemptionPolicy")] = Preemption,
            [(Core + "Taint", "effect")] = ["NoSchedule", "PreferNoSchedule", "NoExecute"],
            [(Core + "Toleration", "effect")] = ["", "NoSchedule", "PreferNoSchedule", "NoExecute"],
            [(Core + "Toleration", "operator")] = ["Equal", "Exists"],
            [(Core + "NodeSelectorRequirement", "operator")] = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"],
            [("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement", "operator")] = ["In", "NotIn", "Exists", "DoesNotExist"],
            [(Core + "TopologySpreadConstraint", "whenUnsatisfiable")] = ["DoNotSchedule", "ScheduleAnyway"],
            [(Core + "TopologySpreadConstraint", "nodeAffinityPolicy")] = HonorIgnore,
            [(Core + "TopologySpreadConstraint", "nodeTaintsPolicy")] = HonorIgnore,
            [(Core + "HTTPGetAction", "scheme")] = ["HTTP", "HTTPS"],
            [(Core + "SeccompProfile", "type")] = ["RuntimeDefault", "Localhost", "Unconfined"],
            [(Core + "SecurityContext", "procMount")] = ["Default", "Unmasked"],
            [(Core + "PersistentVolumeSpec", "accessModes")] = AccessModes,
            [(Core + "PersistentVolumeClaimSpec", "accessModes")] = AccessModes,
            [(Core + "PersistentVolumeSpec", "volumeMode")] = VolumeModes,
            [(Core + "PersistentVolumeClaimSpec", "volumeMode")] = VolumeModes,
            [(Core + "PersistentVolumeSpec", "persistentVolumeReclaimPolicy")] = ["Retain", "Delete", "Recycle"],
            [("io.k8s.api.storage.v1.StorageClass", "reclaimPolicy")] = RetainDelete,
            [("io.k8s.api.storage.v1.StorageClass", "volumeBindingMode")] = ["Immediate", "WaitForFirstConsumer"],
            [(Core + "LimitRangeItem", "type")] = ["Container", "Pod", "PersistentVolumeClaim"],
            [(Apps + "DeploymentStrategy", "type")] = ["RollingUpdate", "Recreate"],
            [(Apps + "StatefulSetSpec", "podManagementPolicy")] = ["OrderedReady", "Parallel"],
            [(Apps + "StatefulSetUpdateStrategy", "type")] = ["RollingUpdate", "OnDelete"],
            [(Apps + "DaemonSetUpdateStrategy", "type")] = ["RollingUpdate", "OnDelete"],
            [(Apps + "StatefulSetPersistentVolumeClaimRetentionPolicy", "whenDeleted")] = RetainDelete,
            [(Apps + "StatefulSetPersistentVolumeClaimRetentionPolicy", "whenScaled")] = RetainDelete,
            [(Batch + "CronJobSpec", "concurrencyPolicy")] = ["Allow", "Forbid", "Replace"],
            [(Batch + "JobSpec", "completionMode")] = ["NonIndexed", "Indexed"],
            [(Batch + "JobSpec", "podReplacementPolicy")] = ["TerminatingOrFailed", "Failed"],
            [(Batch + "PodFailurePolicyRule", "action")] = ["FailJob", "FailIndex", "Ignore", "Count"],
            [("io.k8s.api.networking.v1.HTTPIngressPath", "pathType")] = ["Exact", "Prefix", "ImplementationSpecific"],
            [("io.k8s.api.networking.v1.NetworkPolicySpec", "policyTypes")] = ["Ingress", "Egress"],
            [("io.k8s.api.networking.v1.NetworkPolicyPort", "protocol")] = Protocols,
            [("io.k8s.api.policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy")] = ["IfHealthyBudget", "AlwaysAllow"],
            [(AutoscalingV2 + "MetricSpec", "type")] = ["Resource", "ContainerResource", "Pods", "Object", "External"],
            [(AutoscalingV2 + "MetricTarget", "type")] = ["Utilization", "Value", "AverageValue"],
            [(AutoscalingV2 + "HPAScalingRules", "selectPolicy")] = ["Max", "Min", "Disabled"],
            [(AutoscalingV2 + "HPAScalingPolicy", "type")] = ["Pods", "Percent"],
        };
}
