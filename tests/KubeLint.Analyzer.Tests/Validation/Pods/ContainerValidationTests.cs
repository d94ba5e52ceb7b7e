using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>validateContainers, validateInitContainers, validateContainerCommon and validateContainerPorts.</summary>
public sealed class ContainerValidationTests
{
    [Test]
    public void Container_names_are_dns_labels()
    {
        var yaml = Pod("containers:\n  - name: app.v1\n    image: nginx:1.27\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@7:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[0].name: Invalid value: \"app.v1\": must not contain dots"));
        });
    }

    [Test]
    public void A_container_without_image_is_rejected_at_the_container()
    {
        var yaml = Pod("containers:\n  - name: web\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1104@7:7" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[0].image: Required value"));
        });
    }

    [Test]
    public void Image_whitespace_is_rejected_for_pods_but_not_for_templates()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Message(Pod("containers:\n  - name: web\n    image: \" nginx\"\n")), Is.EqualTo("spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing whitespace"));
            Assert.That(Summaries(Deployment("containers:\n  - name: web\n    image: \" nginx\"\n")), Is.Empty);
        });
    }

    [Test]
    public void Init_container_names_may_not_repeat_app_container_names()
    {
        var yaml = Pod(Container() + "initContainers:\n  - name: web\n    image: busybox:1\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1108@10:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.initContainers[0].name: Duplicate value: \"web\""));
        });
    }

    [Test]
    public void Only_restartable_init_containers_may_have_probes()
    {
        var plain = Pod(Container() + "initContainers:\n  - name: setup\n    image: busybox:1\n    readinessProbe:\n      tcpSocket: {port: 80}\n");
        var sidecar = Pod(Container() + "initContainers:\n  - name: proxy\n    image: envoy:1\n    restartPolicy: Always\n    readinessProbe:\n      tcpSocket: {port: 80}\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(plain), Is.EqualTo(new[] { "KL1106@13:9" }));
            Assert.That(Message(plain), Is.EqualTo("spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"));
            Assert.That(Summaries(sidecar), Is.Empty);
        });
    }

    [Test]
    public void App_containers_may_not_set_a_restart_policy()
        => Assert.That(Message(Pod(Container("restartPolicy: Always\n"))), Is.EqualTo("spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"));

    [TestCase("name: http_port", "spec.containers[0].ports[0].name: Invalid value: \"http_port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")]
    [TestCase("name: metrics-endpoint", "spec.containers[0].ports[0].name: Invalid value: \"metrics-endpoint\": must be no more than 15 characters")]
    [TestCase("hostPort: 70000", "spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive")]
    public void Ports_are_checked_as_the_server_does(string field, string message)
        => Assert.That(Message(Pod(Container("ports:\n  - containerPort: 80\n    " + field + "\n"))), Is.EqualTo(message));

    [Test]
    public void A_container_port_of_zero_is_missing()
        => Assert.That(Message(Pod(Container("ports:\n  - containerPort: 0\n"))), Is.EqualTo("spec.containers[0].ports[0].containerPort: Required value"));

    [Test]
    public void Port_names_are_unique_within_a_container()
    {
        var yaml = Pod(Container("ports:\n  - {name: web, containerPort: 80}\n  - {name: web, containerPort: 81}\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1108@11:18" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[0].ports[1].name: Duplicate value: \"web\""));
        });
    }

    [Test]
    public void Host_ports_conflict_across_containers_and_default_on_the_host_network()
    {
        var conflict = Pod(Container("ports:\n  - {containerPort: 80, hostPort: 8888}\n  - {containerPort: 81, hostPort: 8888}\n"));
        var mismatch = Pod("hostNetwork: true\n" + Container("ports:\n  - {containerPort: 80, hostPort: 81}\n"));
        var defaulted = Pod("hostNetwork: true\n" + Container("ports:\n  - {containerPort: 80}\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Message(conflict), Is.EqualTo("spec.containers[0].ports[1].hostPort: Duplicate value: \"TCP//8888\""));
            Assert.That(Message(mismatch), Is.EqualTo("spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true"));
            Assert.That(Summaries(defaulted), Is.Empty);
        });
    }

    [Test]
    public void Ephemeral_containers_may_not_be_created_with_a_pod_or_template()
    {
        var ephemeral = "ephemeralContainers:\n  - name: debug\n    image: busybox:1\n";
        Assert.Multiple(() =>
        {
            Assert.That(Message(Pod(Container() + ephemeral)), Is.EqualTo("spec.ephemeralContainers: Forbidden: cannot be set on create"));
            Assert.That(Message(Deployment(Container() + ephemeral)), Is.EqualTo("spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"));
        });
    }

    // The schema's enum reports an unknown protocol or pull policy first; the API validation does not repeat it.
    [TestCase("ports:\n  - {containerPort: 80, protocol: tcp}\n", "KL1105@10:41")]
    [TestCase("imagePullPolicy: Sometimes\n", "KL1105@9:24")]
    public void Enum_values_are_reported_once(string fields, string expected)
        => Assert.That(Summaries(Pod(Container(fields))), Is.EqualTo(new[] { expected }));

    [Test]
    public void Resize_policies_name_cpu_or_memory()
        => Assert.That(
            Message(Pod(Container("resizePolicy:\n  - {resourceName: gpu, restartPolicy: NotRequired}\n"))),
            Is.EqualTo("spec.containers[0].resizePolicy: Unsupported value: gpu: supported values: \"cpu\", \"memory\""));
}
