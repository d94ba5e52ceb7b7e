using KubeLint.Analyzer.Findings;

namespace KubeLint.Simulator;

/// <summary>The descriptors of the simulation's predictions (KL5xxx).</summary>
public static class SimulationRules
{
    private const string Category = "Simulation";

    public static RuleDescriptor PodUnschedulable { get; } = new(
        RuleIds.PodUnschedulable,
        "pod-unschedulable",
        Severity.Error,
        Category,
        "A pod of this workload would stay Pending on the cluster.",
        "The manifests are dry-run through a model of the cluster (the embedded default or --cluster) with the default scheduler's filters and scores, pods arriving in the batches their controllers create them in; a pod no node accepts stays Pending with the FailedScheduling message shown. On the embedded default cluster, which scales up to 100 workers of 4 CPU / 16Gi like cluster-autoscaler, only what no such worker could take stays Pending, and the finding is a warning naming that assumption.",
        "Lower the pod's requests, add tolerations or relax its affinity, spread constraints or node selector, or add capacity to the cluster.");

    public static RuleDescriptor RolloutStuck { get; } = new(
        RuleIds.RolloutStuck,
        "rollout-stuck",
        Severity.Error,
        Category,
        "A rollout of a new revision of this workload could not complete.",
        "A new pod template revision is rolled out step by step with the controller's arithmetic (maxSurge/maxUnavailable rounding, StatefulSet ordinals, DaemonSet per-node updates); when no step can make progress, the rollout hangs until progressDeadlineSeconds and never completes.",
        "Allow maxUnavailable above 0, or leave room in the cluster for the surge pods, or lower the new pods' requests.");

    public static RuleDescriptor RolloutDowntime { get; } = new(
        RuleIds.RolloutDowntime,
        "rollout-downtime",
        Severity.Warning,
        Category,
        "A rollout of this workload would take every pod down at once.",
        "During the simulated rollout the number of available pods drops to zero (Recreate strategy, a single replica with maxUnavailable 1, or a single StatefulSet/DaemonSet pod), so the workload is unavailable for a while.",
        "Run more than one replica, use RollingUpdate with maxUnavailable 0 and maxSurge at least 1, or accept the downtime explicitly.");

    public static RuleDescriptor ClaimUnbound { get; } = new(
        RuleIds.ClaimUnbound,
        "claim-unbound",
        Severity.Error,
        Category,
        "A PersistentVolumeClaim would stay Pending (unbound).",
        "Claims are matched against the cluster's PersistentVolumes and StorageClasses with the PV controller's rules (class, access modes, capacity, volumeMode, selector, pre-binding, node affinity, binding mode, dynamic provisioning); a claim that cannot bind stays Pending with the event shown.",
        "Create a matching PersistentVolume, fix the claim's storageClassName, access modes or size, or use a StorageClass with a provisioner.");

    public static RuleDescriptor AdmissionRejected { get; } = new(
        RuleIds.AdmissionRejected,
        "admission-rejected",
        Severity.Error,
        Category,
        "The API server would reject this object, or the pods its controller creates.",
        "Objects are passed through the API server's admission in apply order: NamespaceLifecycle, LimitRanger (default requests and limits, min/max/ratio), Priority (the PriorityClass must exist), Pod Security Admission (the namespace's enforce level for its version) and ResourceQuota (usage accumulated in apply order). A bare pod is rejected at apply; a workload is created but its controller's pods are rejected, so it never runs. The message is the API server's.",
        "Fix the field the message names: lower the requests or raise the quota, add the requests or limits a quota or LimitRange demands, meet the namespace's Pod Security level, or create the missing PriorityClass or namespace.");

    public static RuleDescriptor AdmissionWarning { get; } = new(
        RuleIds.AdmissionWarning,
        "admission-warning",
        Severity.Warning,
        Category,
        "The API server would accept this object with a warning.",
        "Pod Security Admission warns when a pod or a workload's pod template violates the level of its namespace's warn label, and when a workload's template violates the enforce level (the workload is created, but its pods will be rejected).",
        "Change the pod template to meet the namespace's Pod Security level, or lower the level on purpose.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [PodUnschedulable, RolloutStuck, RolloutDowntime, ClaimUnbound, AdmissionRejected, AdmissionWarning];
}
