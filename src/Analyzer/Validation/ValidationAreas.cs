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
        (Pods, "pod specs, in Pods and in the templates of every workload: containers, init and ephemeral containers, ports, env and envFrom, volumes and mounts, probes, lifecycle, resources, security contexts, affinity, tolerations, topology spread, DNS, host aliases and pod-level fields"),
        (Workloads, "Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController, Job and CronJob: replicas, selectors against template labels, strategies, history limits, template restart policies, job completions, parallelism and failure policies, cron schedules"),
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
