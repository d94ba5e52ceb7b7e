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
        "Lower the pod's requests, add tolerations or relax its affinity, spread constraints or node selector, or add capacity to the cluster.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: "8", memory: 1Gi}
                        limits: {memory: 1Gi}
                """,
            good: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: "2", memory: 1Gi}
                        limits: {memory: 1Gi}
                """),
    };

    public static RuleDescriptor RolloutStuck { get; } = new(
        RuleIds.RolloutStuck,
        "rollout-stuck",
        Severity.Error,
        Category,
        "A rollout of a new revision of this workload could not complete.",
        "A new pod template revision is rolled out step by step with the controller's arithmetic (maxSurge/maxUnavailable rounding, StatefulSet ordinals, DaemonSet per-node updates); when no step can make progress, the rollout hangs until progressDeadlineSeconds and never completes.",
        "Allow maxUnavailable above 0, or leave room in the cluster for the surge pods, or lower the new pods' requests.")
    {
        Examples = new(
            bad: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 3
                  strategy:
                    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      affinity:
                        podAntiAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            - labelSelector:
                                matchLabels:
                                  app: web
                              topologyKey: topology.kubernetes.io/zone
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 3
                  strategy:
                    rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      affinity:
                        podAntiAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            - labelSelector:
                                matchLabels:
                                  app: web
                              topologyKey: topology.kubernetes.io/zone
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """),
    };

    public static RuleDescriptor RolloutDowntime { get; } = new(
        RuleIds.RolloutDowntime,
        "rollout-downtime",
        Severity.Warning,
        Category,
        "A rollout of this workload would take every pod down at once.",
        "During the simulated rollout the number of available pods drops to zero (Recreate strategy, a single replica with maxUnavailable 1, or a single StatefulSet/DaemonSet pod), so the workload is unavailable for a while.",
        "Run more than one replica, use RollingUpdate with maxUnavailable 0 and maxSurge at least 1, or accept the downtime explicitly.")
    {
        Examples = new(
            bad: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  strategy:
                    type: Recreate
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  strategy:
                    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """),
    };

    public static RuleDescriptor ClaimUnbound { get; } = new(
        RuleIds.ClaimUnbound,
        "claim-unbound",
        Severity.Error,
        Category,
        "A PersistentVolumeClaim would stay Pending (unbound).",
        "Claims are matched against the cluster's PersistentVolumes and StorageClasses with the PV controller's rules (class, access modes, capacity, volumeMode, selector, pre-binding, node affinity, binding mode, dynamic provisioning); a claim that cannot bind stays Pending with the event shown.",
        "Create a matching PersistentVolume, fix the claim's storageClassName, access modes or size, or use a StorageClass with a provisioner.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  storageClassName: fast-ssd
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests: {storage: 10Gi}
                """,
            good: """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  storageClassName: standard
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests: {storage: 10Gi}
                """),
    };

    public static RuleDescriptor AdmissionRejected { get; } = new(
        RuleIds.AdmissionRejected,
        "admission-rejected",
        Severity.Error,
        Category,
        "The API server would reject this object, or the pods its controller creates.",
        "Objects are passed through the API server's admission in apply order: NamespaceLifecycle, LimitRanger (default requests and limits, min/max/ratio), Priority (the PriorityClass must exist), Pod Security Admission (the namespace's enforce level for its version) and ResourceQuota (usage accumulated in apply order). A bare pod is rejected at apply; a workload is created but its controller's pods are rejected, so it never runs. The message is the API server's.",
        "Fix the field the message names: lower the requests or raise the quota, add the requests or limits a quota or LimitRange demands, meet the namespace's Pod Security level, or create the missing PriorityClass or namespace.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ResourceQuota
                metadata:
                  name: pods
                spec:
                  hard: {pods: "1"}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: worker
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: ResourceQuota
                metadata:
                  name: pods
                spec:
                  hard: {pods: "2"}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: worker
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public static RuleDescriptor AdmissionWarning { get; } = new(
        RuleIds.AdmissionWarning,
        "admission-warning",
        Severity.Warning,
        Category,
        "The API server would accept this object with a warning.",
        "Pod Security Admission warns when a pod or a workload's pod template violates the level of its namespace's warn label, and when a workload's template violates the enforce level (the workload is created, but its pods will be rejected).",
        "Change the pod template to meet the namespace's Pod Security level, or lower the level on purpose.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {pod-security.kubernetes.io/warn: restricted}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {pod-security.kubernetes.io/warn: restricted}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities: {drop: [ALL]}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public static RuleDescriptor ServiceSwitchGap { get; } = new(
        RuleIds.ServiceSwitchGap,
        "service-switch-gap",
        Severity.Warning,
        Category,
        "Switching this Service's selector (blue/green) leaves it without a ready endpoint for a while.",
        "Compared with the --baseline version of the Service: when the new selector matches no pod that ran before the apply, the EndpointSlice controller has no ready pod to route to at the moment the selector changes, and requests fail until the pods this apply creates are scheduled, started and ready. Without --baseline nothing is compared.",
        "Apply and wait for the new pods (kubectl rollout status) before switching the selector, or switch in a second apply.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [PodUnschedulable, RolloutStuck, RolloutDowntime, ClaimUnbound, AdmissionRejected, AdmissionWarning, ServiceSwitchGap];
}
