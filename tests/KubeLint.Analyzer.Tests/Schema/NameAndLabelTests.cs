using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Schema;

public sealed class NameAndLabelTests
{
    private static string ConfigMap(string name, string labelKey = "app", string labelValue = "web") => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          labels:
            {labelKey}: {labelValue}
        """;

    [TestCase("web")]
    [TestCase("web.example.com")]
    [TestCase("1st-config")]
    public void Dns_subdomain_names_are_accepted(string name)
        => Assert.That(Summaries(ConfigMap(name)), Is.Empty);

    [TestCase("Web")]
    [TestCase("web_config")]
    [TestCase("-web")]
    public void Names_that_are_not_dns_subdomains_are_reported_at_the_value(string name)
        => Assert.That(Summaries(ConfigMap(name)), Is.EqualTo(new[] { "KL1110@4:9" }));

    [Test]
    public void Service_names_must_start_with_a_letter()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: 1web
            spec:
              ports:
                - port: 80
            """;
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1110@4:9" }));
            Assert.That(Message(yaml), Does.StartWith("metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of"));
        });
    }

    [Test]
    public void An_object_without_a_name_is_reported_at_metadata()
    {
        var yaml = ConfigMap("web").Replace("  name: web\n", string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1104@3:1" }));
            Assert.That(Message(yaml), Is.EqualTo("metadata.name: Required value: name or generateName is required"));
        });
    }

    [Test]
    public void Generate_name_replaces_the_name()
        => Assert.That(Summaries(ConfigMap("web").Replace("  name: web\n", "  generateName: web-\n")), Is.Empty);

    [Test]
    public void An_object_without_metadata_is_reported_at_its_start()
        => Assert.That(Summaries("apiVersion: v1\nkind: ConfigMap\ndata: {}\n"), Is.EqualTo(new[] { "KL1104@1:1" }));

    [Test]
    public void Rbac_names_may_contain_colons()
    {
        var yaml = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: system:metrics-reader
            rules: []
            """;
        Assert.That(Summaries(yaml), Is.Empty);
    }

    [TestCase("app.kubernetes.io/name", "web")]
    [TestCase("tier", "")]
    [TestCase("version", "v1.2_3")]
    public void Valid_labels_are_accepted(string key, string value)
        => Assert.That(Summaries(ConfigMap("web", key, value)), Is.Empty);

    [TestCase("-tier", "KL1111@6:5")]
    [TestCase("Example.com/tier", "KL1111@6:5")]
    [TestCase("/tier", "KL1111@6:5")]
    public void Invalid_label_keys_are_reported_at_the_key(string key, string expected)
        => Assert.That(Summaries(ConfigMap("web", key)), Is.EqualTo(new[] { expected }));

    [Test]
    public void Invalid_label_values_are_reported_at_the_value_with_the_api_server_text()
    {
        // Reference D: a value is at most 63 characters matching (([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?.
        var yaml = ConfigMap("web", "app", "web-");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1111@6:10" }));
            Assert.That(Message(yaml), Is.EqualTo(
                "metadata.labels: Invalid value: \"web-\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
        });
    }

    [Test]
    public void Label_values_longer_than_63_characters_are_reported()
        => Assert.That(Summaries(ConfigMap("web", "app", new string('a', 64))), Is.EqualTo(new[] { "KL1111@6:10" }));

    [Test]
    public void Pod_template_labels_are_checked_too()
    {
        var yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: once
            spec:
              template:
                metadata:
                  labels:
                    app: "bad value"
                spec:
                  restartPolicy: Never
                  containers:
                    - name: main
                      image: busybox
            """;
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1111@9:14" }));
    }

    [Test]
    public void Selector_labels_are_checked()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector:
                app: web server
              ports:
                - port: 80
            """;
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1111@7:10" }));
            Assert.That(Message(yaml), Does.StartWith("spec.selector: Invalid value: \"web server\""));
        });
    }

    [Test]
    public void Match_labels_are_checked()
    {
        var yaml = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: 1
              selector:
                matchLabels:
                  -app: web
            """;
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1111@9:7" }));
    }
}
