namespace KubeLint.Analyzer.Validation;

/// <summary>
/// The areas of API-server validation, each of which the configuration can turn off
/// (<c>validation: { networking: off }</c>). Findings keep the ids of their kind of error (KL1104 Required, KL1105
/// Unsupported, KL1106 Invalid and Forbidden, KL1108 Duplicate, KL1110 names, KL1111 labels, KL1112 Too long/many);
/// an area switch silences every finding of that area whatever its id.
/// </summary>
public static class ValidationAreas
{
    public const string Metadata = "metadata";
    public const string Pods = "pods";
    public const string Workloads = "workloads";
    public const string Services = "services";
    public const string Configuration = "configuration";
    public const string Storage = "storage";
    public const string Networking = "networking";
    public const string Policy = "policy";
    public const string Rbac = "rbac";
    public const string Autoscaling = "autoscaling";
    public const string Cluster = "cluster";
    public const string CustomResources = "custom-resources";

    /// <summary>Every area with what it covers, in the order rules.md lists them.</summary>
    public static IReadOnlyList<(string Name, string Covers)> All { get; } =
    [
        (Metadata, "metadata of every object: name and generateName per kind, namespace, labels, annotations (keys and the 256 KiB total), finalizers, ownerReferences"),
        (Pods, "pod specs, in Pods, PodTemplates and the templates of every workload: containers, init, sidecar and ephemeral containers, ports and host ports, env and envFrom, volumes of every source, mounts and devices, probes, lifecycle, resources and resize policies, pod and container security contexts, OS, affinity, tolerations, topology spread, DNS, host aliases and pod-level fields, after the API's defaults. "
            + "A StatefulSet's template is validated as the pods its controller creates: the server accepts the StatefulSet and rejects each pod, and the findings say so. "
            + "Version differences (feature gates at their defaults): env names may hold any printable ASCII but '=' from 1.32; recursiveReadOnly is checked from 1.31 and resizePolicy from 1.32 (dropped before); "
            + "procMount, hostUsers, supplementalGroupsPolicy and seLinuxChangePolicy are checked from 1.33 (reset or dropped before); a 0-second sleep and '_' in DNS searches are accepted from 1.33; "
            + "pod-level resources and resource claims are checked from 1.34; image volumes and clusterTrustBundle projections are dropped through 1.35. "
            + "Requests above limits are KL3008's"),
        (Workloads, "Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController, Job and CronJob, after the apps/v1 and batch/v1 defaults: replicas, selectors, the template restart policy and activeDeadlineSeconds each controller demands, minReadySeconds, history limits, progressDeadlineSeconds, StatefulSet podManagementPolicy, ordinals and claim retention, Job completion modes, backoff limits per index, pod failure, success and replacement policies, CronJob name length; a StatefulSet's volumeClaimTemplates are validated as the claims its controller creates. "
            + "Selectors against template labels (KL2001), update strategies (KL4001, KL4002), cron schedules and time zones (KL4003, KL4004) and Job restart policies, completions, selectors and CronJob policies (KL4006) are reported by their rules. "
            + "Version differences: a Job's successPolicy is checked from 1.31 and managedBy from 1.32 (dropped before); a StatefulSet's maxUnavailable is dropped in every supported version; serviceName is optional"),
        (Services, "Service: ports, port names, node ports, cluster IPs, IP families, external IPs and names, traffic policies, session affinity, load balancer fields"),
        (Configuration, "ConfigMap, Secret (keys, base64 data, size, type-specific keys) and ServiceAccount"),
        (Storage, "PersistentVolume, PersistentVolumeClaim, StorageClass, VolumeAttachment, CSIDriver, CSINode"),
        (Networking, "Ingress, IngressClass, NetworkPolicy"),
        (Policy, "PodDisruptionBudget"),
        (Rbac, "Role, ClusterRole, RoleBinding, ClusterRoleBinding: rules, subjects, role references"),
        (Autoscaling, "HorizontalPodAutoscaler: scale target, replicas, metrics, behavior"),
        (Cluster, "Namespace, Node, PriorityClass, RuntimeClass, Lease, EndpointSlice, webhook and admission policy configurations"),
        (CustomResources, "CustomResourceDefinitions and the metadata of custom resources"),
    ];
}
