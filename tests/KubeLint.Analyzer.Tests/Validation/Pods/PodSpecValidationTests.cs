using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>The pod-level fields of ValidatePodSpec, ValidatePodTemplateSpec, DNS and the Pod-only create checks.</summary>
public sealed class PodSpecValidationTests
{
    [TestCase("activeDeadlineSeconds: 0", "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive")]
    [TestCase("hostname: host.name", "spec.hostname: Invalid value: \"host.name\": must not contain dots")]
    [TestCase("serviceAccountName: sa name", "spec.serviceAccountName: Invalid value: \"sa name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    [TestCase("readinessGates: [{conditionType: bad condition}]", "spec.readinessGates[0].conditionType: Invalid value: \"bad condition\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [TestCase("dnsPolicy: None", "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None")]
    [TestCase("dnsConfig: {nameservers: [dns.example.com]}", "spec.dnsConfig.nameservers[0]: Invalid value: \"dns.example.com\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    [TestCase("hostAliases: [{ip: 300.1.1.1, hostnames: [a]}]", "spec.hostAliases[0].ip: Invalid value: \"300.1.1.1\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")]
    [TestCase("overhead: {cpu: 100m}", "spec.overhead: Forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead")]
    public void Pod_fields_are_checked(string field, string message)
        => Assert.That(Message(Pod(field + "\n" + Container())), Is.EqualTo(message));

    [Test]
    public void A_missing_container_list_is_required()
        => Assert.That(Message(Pod("containers: []\n")), Is.EqualTo("spec.containers: Required value"));

    [Test]
    public void Template_annotations_are_named_without_metadata()
        => Assert.That(
            Message(Deployment(Container()).Replace("      labels: {app: web}\n", "      labels: {app: web}\n      annotations: {controller.kubernetes.io/pod-deletion-cost: \"+1\"}\n")),
            Is.EqualTo("spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"+1\": must be a 32bit integer"));

    [Test]
    public void A_pod_template_is_validated_under_template()
        => Assert.That(
            Message("apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: t\ntemplate:\n  spec:\n    containers:\n      - name: App\n        image: nginx:1.27\n"),
            Does.StartWith("template.spec.containers[0].name: Invalid value: \"App\": a lowercase RFC 1123 label"));

    [Test]
    public void A_valid_pod_is_accepted()
        => Assert.That(Summaries(Pod("restartPolicy: OnFailure\nsubdomain: web\n" + Container("ports: [{name: http, containerPort: 80}]\n"))), Is.Empty);

    [Test]
    public void The_pods_area_can_be_turned_off()
        => Assert.That(Summaries(Pod("hostname: host.name\n" + Container()), new Engine.AnalysisOptions { DisabledValidationAreas = ["pods"] }), Is.Empty);
}
