using KubeLint.Analyzer.Engine;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom and the downward API selectors.</summary>
public sealed class EnvValidationTests
{
    private static string Env(string items) => Pod(Container("env:\n" + items));

    [Test]
    public void A_value_and_a_value_from_exclude_each_other()
    {
        var yaml = Env("  - name: A\n    value: x\n    valueFrom:\n      fieldRef: {fieldPath: metadata.name}\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@13:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty"));
        });
    }

    [Test]
    public void A_value_from_needs_exactly_one_source()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Message(Env("  - name: A\n    valueFrom: {}\n")), Is.EqualTo("spec.containers[0].env[0].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
            Assert.That(
                Message(Env("  - name: A\n    valueFrom:\n      fieldRef: {fieldPath: metadata.name}\n      secretKeyRef: {name: s, key: k}\n")),
                Is.EqualTo("spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not have more than one field specified at a time"));
        });
    }

    [TestCase("fieldRef: {fieldPath: spec.containers}", "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"spec.containers\": error converting fieldPath: field label not supported: spec.containers")]
    [TestCase("fieldRef: {fieldPath: metadata.annotations}", "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"metadata.annotations\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"")]
    [TestCase("resourceFieldRef: {resource: limits.gpu}", "spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: \"limits.gpu\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\"")]
    [TestCase("configMapKeyRef: {name: c, key: a/b}", "spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")]
    public void Sources_are_checked(string source, string message)
        => Assert.That(Message(Env("  - name: A\n    valueFrom:\n      " + source + "\n")), Is.EqualTo(message));

    [TestCase("fieldRef: {fieldPath: \"metadata.labels['app']\"}")]
    [TestCase("fieldRef: {fieldPath: status.podIP}")]
    [TestCase("resourceFieldRef: {resource: requests.hugepages-2Mi}")]
    [TestCase("secretKeyRef: {name: s, key: ok.key_1-x}")]
    public void Valid_sources_are_accepted(string source)
        => Assert.That(Summaries(Env("  - name: A\n    valueFrom:\n      " + source + "\n")), Is.Empty);

    // RelaxedEnvironmentVariableValidation is on from 1.32: any printable ASCII but '='; before, C-identifier-like names.
    [Test]
    public void Env_names_follow_the_version()
    {
        var yaml = Env("  - name: \"1 X\"\n    value: x\n");
        var strict = new AnalysisOptions { KubernetesVersion = "1.31" };
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.Empty);
            Assert.That(Message(yaml, strict), Does.StartWith("spec.containers[0].env[0].name: Invalid value: \"1 X\": a valid environment variable name must consist of alphabetic characters"));
            Assert.That(Message(Env("  - name: A=B\n    value: x\n")), Is.EqualTo("spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"));
        });
    }

    [Test]
    public void Env_from_errors_name_the_list()
    {
        var yaml = Pod(Container("envFrom:\n  - configMapRef: {name: a}\n    secretRef: {name: b}\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@10:11" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[0].envFrom: Invalid value: \"\": may not have more than one field specified at a time"));
        });
    }
}
