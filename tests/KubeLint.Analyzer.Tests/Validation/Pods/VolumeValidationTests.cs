using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>ValidateVolumes, validateVolumeSource and the sources, ValidateVolumeMounts and ValidateVolumeDevices.</summary>
public sealed class VolumeValidationTests
{
    private static string Volumes(string volumes, string mounts = "") => Pod(Container(mounts) + "volumes:\n" + volumes);

    [Test]
    public void A_volume_has_one_source_and_none_means_empty_dir()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(Volumes("  - name: data\n", "volumeMounts:\n  - {name: data, mountPath: /data}\n")), Is.Empty);
            Assert.That(
                Message(Volumes("  - name: data\n    emptyDir: {}\n    configMap: {name: c}\n")),
                Is.EqualTo("spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type"));
        });
    }

    [Test]
    public void A_volume_with_errors_cannot_be_mounted()
    {
        var yaml = Volumes("  - name: my_volume\n    emptyDir: {}\n", "volumeMounts:\n  - {name: my_volume, mountPath: /data}\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@10:18", "KL1106@12:13" }));
            Assert.That(Validate(yaml).Select(f => f.Message), Is.EqualTo(new[]
            {
                "spec.containers[0].volumeMounts[0].name: Not found: \"my_volume\"",
                "spec.volumes[0].name: Invalid value: \"my_volume\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            }));
        });
    }

    [TestCase("hostPath: {path: /var/../etc}", "spec.volumes[0].hostPath.path: Invalid value: \"/var/../etc\": must not contain '..'")]
    [TestCase("configMap: {name: c, defaultMode: 512}", "spec.volumes[0].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive")]
    [TestCase("secret: {secretName: s, items: [{key: k, path: ..data}]}", "spec.volumes[0].secret.items[0].path: Invalid value: \"..data\": must not start with '..'")]
    [TestCase("persistentVolumeClaim: {claimName: \"\"}", "spec.volumes[0].persistentVolumeClaim.claimName: Required value")]
    [TestCase("emptyDir: {sizeLimit: -1Gi}", "spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity")]
    [TestCase("downwardAPI: {items: [{path: p, fieldRef: {fieldPath: spec.nodeName}}]}", "spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: \"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\"")]
    [TestCase("projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 60}}]}", "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes")]
    [TestCase("ephemeral: {volumeClaimTemplate: {spec: {resources: {requests: {storage: 1Gi}}}}}", "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required")]
    public void Sources_are_checked(string source, string message)
        => Assert.That(Message(Volumes("  - name: v\n    " + source + "\n")), Is.EqualTo(message));

    [Test]
    public void Projected_paths_may_not_repeat()
        => Assert.That(
            Message(Volumes("  - name: v\n    projected:\n      sources:\n        - configMap: {name: a, items: [{key: x, path: p}]}\n        - secret: {name: b, items: [{key: yy, path: p}]}\n")),
            Is.EqualTo("spec.volumes[0].projected: Invalid value: \"b\": conflicting duplicate paths"));

    [TestCase("subPath: ../escape", "spec.containers[0].volumeMounts.subPath: Invalid value: \"../escape\": must not contain '..'")]
    [TestCase("subPath: a\n    subPathExpr: $(POD_NAME)", "spec.containers[0].volumeMounts[0].subPathExpr: Invalid value: \"$(POD_NAME)\": subPathExpr and subPath are mutually exclusive")]
    [TestCase("mountPropagation: Bidirectional", "spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers")]
    [TestCase("recursiveReadOnly: Enabled", "spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true")]
    public void Mounts_are_checked_under_the_lists_path(string field, string message)
        => Assert.That(Message(Volumes("  - name: data\n    emptyDir: {}\n", "volumeMounts:\n  - name: data\n    mountPath: /data\n    " + field + "\n")), Is.EqualTo(message));

    // RecursiveReadOnlyMounts is on from 1.31: before, the field is dropped and never checked.
    [Test]
    public void Recursive_read_only_is_dropped_before_1_31()
        => Assert.That(
            Summaries(Volumes("  - name: data\n    emptyDir: {}\n", "volumeMounts:\n  - {name: data, mountPath: /data, recursiveReadOnly: Enabled}\n"), new Engine.AnalysisOptions { KubernetesVersion = "1.30" }),
            Is.Empty);

    [Test]
    public void Block_devices_need_a_claim()
        => Assert.That(
            Message(Volumes("  - name: data\n    emptyDir: {}\n", "volumeDevices:\n  - {name: data, devicePath: /dev/xvda}\n")),
            Is.EqualTo("spec.containers[0].volumeDevices[0].name: Invalid value: \"data\": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
}
