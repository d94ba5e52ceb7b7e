using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>PVC ↔ PV binding (reference C).</summary>
public sealed class VolumeBindingTests
{
    private static string Pv(string name, string size, string storageClass = "manual", string modes = "[ReadWriteOnce]", string extra = "")
        => $$"""
        apiVersion: v1
        kind: PersistentVolume
        metadata:
          name: {{name}}
          labels: {size: "{{size}}"}
        spec:
          capacity: {storage: {{size}}}
          accessModes: {{modes}}
          storageClassName: "{{storageClass}}"
          hostPath: {path: /data}
        {{extra}}
        ---

        """;

    private static string Pvc(string name, string size, string? storageClass = "manual", string modes = "[ReadWriteOnce]", string extra = "")
        => $$"""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: {{name}}
        spec:
        {{(storageClass is null ? string.Empty : "  storageClassName: \"" + storageClass + "\"")}}
          accessModes: {{modes}}
          resources:
            requests: {storage: {{size}}}
        {{extra}}
        ---

        """;

    private const string ManualClass = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: manual}
        provisioner: kubernetes.io/no-provisioner
        volumeBindingMode: Immediate
        ---

        """;

    [Test]
    public void Smallest_fitting_volume_wins()
    {
        // C: "Choice: the smallest capacity wins."
        var result = Sim.Run(ManualClass + Pv("pv-10", "10Gi") + Pv("pv-5", "5Gi") + Pv("pv-20", "20Gi") + Pv("pv-3", "3Gi") + Pvc("data", "4Gi"));
        Assert.That(Sim.Claim(result, "data").Volume, Is.EqualTo("pv-5"));
    }

    [Test]
    public void Every_claim_access_mode_must_be_on_the_volume()
    {
        // C: "every claim mode must be present on the PV". The finding points at the claim's storageClassName (line 24).
        var findings = Sim.Lint(ManualClass + Pv("pv-1", "5Gi") + Pvc("data", "1Gi", modes: "[ReadWriteMany]"));
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5004@24:3" }));
        Assert.That(findings[0].Message, Does.Contain("ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'kubernetes.io/no-provisioner'"));
    }

    [Test]
    public void Volume_mode_must_match()
    {
        // C: "skip PVs whose volumeMode differs (nil means Filesystem on both sides)".
        var result = Sim.Run(ManualClass + Pv("pv-1", "5Gi") + Pvc("data", "1Gi", extra: "  volumeMode: Block"));
        Assert.That(Sim.Claim(result, "data").Phase, Is.EqualTo("Pending"));
    }

    [Test]
    public void Selector_limits_the_candidates()
    {
        var result = Sim.Run(ManualClass + Pv("pv-5", "5Gi") + Pv("pv-9", "9Gi") + Pvc("data", "1Gi", extra: "  selector: {matchLabels: {size: 9Gi}}"));
        Assert.That(Sim.Claim(result, "data").Volume, Is.EqualTo("pv-9"));
    }

    [Test]
    public void Empty_class_binds_only_classless_volumes_and_never_provisions()
    {
        // C: "\"\" means no class: the claim binds only to PVs with no class, and dynamic provisioning never happens."
        var result = Sim.Run(Pv("pv-1", "5Gi", storageClass: "manual") + Pvc("data", "1Gi", storageClass: ""));
        Assert.That(Sim.Claim(result, "data").Reason, Is.EqualTo("FailedBinding: no persistent volumes available for this claim and no storage class is set"));
        var bound = Sim.Run(Pv("pv-1", "5Gi", storageClass: "") + Pvc("data", "1Gi", storageClass: ""));
        Assert.That(Sim.Claim(bound, "data").Volume, Is.EqualTo("pv-1"));
    }

    [Test]
    public void Missing_class_fails_provisioning()
    {
        // C: "A missing class gives ProvisioningFailed storageclass.storage.k8s.io \"<c>\" not found".
        var result = Sim.Run(Pvc("data", "1Gi", storageClass: "fast"));
        Assert.That(Sim.Claim(result, "data").Reason, Is.EqualTo("ProvisioningFailed: storageclass.storage.k8s.io \"fast\" not found"));
    }

    [Test]
    public void Nil_class_gets_the_default_class_and_waits_for_its_first_consumer()
    {
        // C: "A nil class is defaulted at admission to the annotated default"; WaitForFirstConsumer event text.
        var findings = Sim.Lint(Pvc("data", "1Gi", storageClass: null));
        Assert.That(findings, Is.Empty);
        var result = Sim.Run(Pvc("data", "1Gi", storageClass: null));
        Assert.That(Sim.Claim(result, "data").Reason, Is.EqualTo("WaitForFirstConsumer: waiting for first consumer to be created before binding"));
    }

    [Test]
    public void Requested_volume_too_small_gives_volume_mismatch()
    {
        // C: checkVolumeSatisfyClaim "requested PV is too small" → VolumeMismatch "Cannot bind to requested volume".
        var result = Sim.Run(ManualClass + Pv("pv-1", "1Gi") + Pvc("data", "5Gi", extra: "  volumeName: pv-1"));
        Assert.That(Sim.Claim(result, "data").Reason, Is.EqualTo("VolumeMismatch: Cannot bind to requested volume \"pv-1\": requested PV is too small"));
    }

    [Test]
    public void Volume_pre_bound_by_claim_ref_skips_the_class_check()
    {
        // C: "A PV pre-bound to this claim is returned at once ... but not the class check."
        var pv = Pv("pv-1", "5Gi", storageClass: "other", extra: "  claimRef: {namespace: default, name: data}");
        var result = Sim.Run(ManualClass + pv + Pvc("data", "1Gi"));
        Assert.That(Sim.Claim(result, "data").Volume, Is.EqualTo("pv-1"));
    }

    [Test]
    public void Volume_claimed_by_another_claim_is_skipped()
    {
        var pv = Pv("pv-1", "5Gi", extra: "  claimRef: {namespace: default, name: other}");
        var result = Sim.Run(ManualClass + pv + Pvc("data", "1Gi"));
        Assert.That(Sim.Claim(result, "data").Phase, Is.EqualTo("Pending"));
    }

    [Test]
    public void Statefulset_claims_are_named_after_template_set_and_ordinal_and_provisioned()
    {
        // B2: "PVCs are <claimTemplate>-<sts>-<ordinal>"; the default class provisions on the pod's node.
        const string yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 2
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: db:1}]
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec:
                    accessModes: [ReadWriteOnce]
                    resources: {requests: {storage: 1Gi}}
            """;
        var result = Sim.Run(yaml);
        Assert.That(result.Claims.Select(c => c.Name), Is.EqualTo(new[] { "data-db-0", "data-db-1" }));
        Assert.That(result.Claims.Select(c => c.Phase), Is.All.EqualTo("Bound"));
        Assert.That(result.Claims[0].Volume, Does.StartWith("pvc-"));
        Assert.That(result.Pods.Select(p => p.Name), Is.EqualTo(new[] { "db-0", "db-1" }));
    }

    [Test]
    public void Pod_with_unbound_immediate_claim_fails_prefilter()
    {
        // A1: VolumeBinding PreFilter "pod has unbound immediate PersistentVolumeClaims".
        var pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              containers: [{name: app, image: app:1}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
            """;
        var result = Sim.Run(ManualClass + Pvc("data", "1Gi") + pod);
        Assert.That(Sim.Pod(result, "app").Reason, Is.EqualTo(
            "0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling."));
    }

    [TestCase("1.35", "node(s) didn't match PersistentVolume's node affinity")]
    [TestCase("1.32", "node(s) had volume node affinity conflict")]
    public void Immediate_binding_ignores_node_affinity_so_the_pod_can_be_stuck(string version, string reason)
    {
        // C: "Immediate binding ... PV node affinity is ignored. A pod can then be stuck with volume node affinity conflict."
        var affinity = "  nodeAffinity:\n    required:\n      nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [control-plane]}]}]";
        var pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              containers: [{name: app, image: app:1}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
            """;
        var result = Sim.Run(ManualClass + Pv("pv-1", "5Gi", extra: affinity) + Pvc("data", "1Gi") + pod, version: version);
        Assert.That(Sim.Claim(result, "data").Volume, Is.EqualTo("pv-1"));
        Assert.That(Sim.Pod(result, "app").Reason, Does.StartWith("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 " + reason + ".").Or.StartWith("0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 " + reason + "."));
    }

    [Test]
    public void Wait_for_first_consumer_picks_a_node_the_local_volume_reaches()
    {
        // C: "WaitForFirstConsumer. The scheduler's VolumeBinding plugin does the matching per node, with node affinity".
        const string localClass = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: local}
            provisioner: kubernetes.io/no-provisioner
            volumeBindingMode: WaitForFirstConsumer
            ---

            """;
        var affinity = "  nodeAffinity:\n    required:\n      nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-3]}]}]";
        var pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              containers: [{name: app, image: app:1}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
            """;
        var result = Sim.Run(localClass + Pv("pv-1", "5Gi", storageClass: "local", extra: affinity) + Pvc("data", "1Gi", storageClass: "local") + pod);
        Assert.That(Sim.Pod(result, "app").Node, Is.EqualTo("worker-3"));
        Assert.That(Sim.Claim(result, "data").Volume, Is.EqualTo("pv-1"));

        var none = Sim.Run(localClass + Pvc("data", "1Gi", storageClass: "local") + pod);
        Assert.That(Sim.Pod(none, "app").Reason, Does.StartWith("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't find available persistent volumes to bind."));
        Assert.That(Sim.Claim(none, "data").Reason, Is.EqualTo("WaitForPodScheduled: waiting for pod app to be scheduled"));
    }
}
