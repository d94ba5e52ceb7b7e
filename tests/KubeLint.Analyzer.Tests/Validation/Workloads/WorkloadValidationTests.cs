using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Workloads;

/// <summary>The apps workloads and ReplicationController (pkg/apis/apps/validation, ValidateReplicationControllerSpec).</summary>
public sealed class WorkloadValidationTests
{
    private const string PodSpec = "    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n";

    private static string Apps(string kind, string spec, string podSpec = PodSpec)
        => $"apiVersion: apps/v1\nkind: {kind}\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {{app: web}}\n{spec}  template:\n    metadata:\n      labels: {{app: web}}\n{podSpec}";

    [TestCase("Deployment")]
    [TestCase("ReplicaSet")]
    [TestCase("StatefulSet")]
    public void Replicas_may_not_be_negative(string kind)
    {
        var yaml = Apps(kind, "  replicas: -1\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@8:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.replicas: Invalid value: -1: must be greater than or equal to 0"));
        });
    }

    [TestCase("Deployment", "ReplicaSet")]
    [TestCase("DaemonSet", "DaemonSet")]
    [TestCase("StatefulSet", "StatefulSet")]
    public void Controllers_demand_restart_policy_always_and_no_deadline(string kind, string named)
    {
        var yaml = Apps(kind, string.Empty, "    spec:\n      restartPolicy: OnFailure\n      activeDeadlineSeconds: 60\n      containers:\n        - name: web\n          image: nginx:1.27\n");
        Assert.That(Validate(yaml).Select(f => f.Message), Is.EquivalentTo(new[]
        {
            "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"",
            $"spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in {named} is not Supported",
        }));
    }

    [Test]
    public void A_selector_that_does_not_convert_is_an_invalid_label_selector()
    {
        var yaml = Apps("Deployment", string.Empty).Replace("    matchLabels: {app: web}\n", "    matchExpressions: [{key: app, operator: Exists, values: [web]}]\n");
        Assert.That(Validate(yaml).Select(f => f.Message), Is.EquivalentTo(new[]
        {
            "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"Exists\", Values:[]string{\"web\"}}}}: invalid label selector",
        }));
    }

    [Test]
    public void Stateful_set_fields_are_checked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Message(Apps("StatefulSet", "  ordinals: {start: -1}\n")), Is.EqualTo("spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0"));

            // The schema's enums report these first; the API validation does not repeat them.
            Assert.That(Summaries(Apps("StatefulSet", "  podManagementPolicy: Sequential\n")), Is.EqualTo(new[] { "KL1105@8:24" }));
            Assert.That(Summaries(Apps("StatefulSet", "  persistentVolumeClaimRetentionPolicy: {whenScaled: Remove}\n")), Is.EqualTo(new[] { "KL1105@8:54" }));
        });
    }

    // The server accepts a StatefulSet whose pod template or claim templates are invalid; its controller's pods and
    // claims are rejected later, and the findings say so.
    [Test]
    public void A_stateful_sets_pods_and_claims_are_rejected_later()
    {
        var pods = Apps("StatefulSet", string.Empty, "    spec:\n      containers:\n        - name: web\n");
        var claims = Apps("StatefulSet", "  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {resources: {requests: {storage: 1Gi}}}\n");
        Assert.Multiple(() =>
        {
            Assert.That(Message(pods), Is.EqualTo("the StatefulSet is accepted, but its pods would be rejected: spec.template.spec.containers[0].image: Required value"));
            Assert.That(Message(claims), Is.EqualTo("the StatefulSet is accepted, but its claims would be rejected: spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required"));
        });
    }

    [Test]
    public void A_stateful_sets_pods_may_mount_its_claims_and_need_no_service_name()
        => Assert.That(
            Summaries(Apps("StatefulSet", "  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n", PodSpec + "          volumeMounts: [{name: data, mountPath: /data}]\n"), new Engine.AnalysisOptions { KubernetesVersion = "1.32" }),
            Is.Empty);

    [Test]
    public void Min_ready_seconds_and_history_limits_may_not_be_negative()
        => Assert.That(Validate(Apps("DaemonSet", "  minReadySeconds: -1\n  revisionHistoryLimit: -1\n")).Select(f => f.Message), Is.EquivalentTo(new[]
        {
            "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
            "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
        }));

    // SetDefaults_ReplicationController copies the template's labels into an empty selector.
    [Test]
    public void A_replication_controller_selector_defaults_to_the_template_labels()
    {
        const string Rc = "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n";
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(Rc), Is.Empty);
            Assert.That(Message(Rc.Replace("      labels: {app: web}\n", "      annotations: {a: b}\n")), Is.EqualTo("spec.selector: Required value"));
        });
    }
}
