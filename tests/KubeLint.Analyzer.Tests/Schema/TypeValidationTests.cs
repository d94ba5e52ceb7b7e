using KubeLint.Analyzer.Engine;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Schema;

public sealed class TypeValidationTests
{
    private const string ValidDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          strategy:
            rollingUpdate:
              maxSurge: 25%
              maxUnavailable: 0
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  env:
                    - name: ENABLED
                      value: "on"
                  ports:
                    - containerPort: 80
                  resources:
                    limits:
                      memory: 128Mi
                      cpu: 0.5
        """;

    [Test]
    public void A_valid_deployment_has_no_findings()
        => Assert.That(Summaries(ValidDeployment), Is.Empty);

    [TestCase("1.30")]
    [TestCase("1.31")]
    [TestCase("1.32")]
    [TestCase("1.33")]
    [TestCase("1.34")]
    [TestCase("1.35")]
    public void A_valid_deployment_is_valid_for_every_bundled_version(string version)
    {
        var options = new AnalysisOptions { KubernetesVersion = version };
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(ValidDeployment, options), Is.Empty);
            Assert.That(Summaries(ValidDeployment.Replace("replicas: 2", "replicas: three"), options), Is.EqualTo(new[] { "KL1103@8:13" }));
        });
    }

    [Test]
    public void A_word_where_an_integer_is_expected_is_reported_at_the_value()
    {
        var yaml = ValidDeployment.Replace("replicas: 2", "replicas: three");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1103@8:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.replicas: expected integer, got string \"three\""));
        });
    }

    [Test]
    public void A_quoted_number_is_a_string_for_an_integer_field()
        => Assert.That(Summaries(ValidDeployment.Replace("replicas: 2", "replicas: \"2\"")), Is.EqualTo(new[] { "KL1103@8:13" }));

    [TestCase("3.0")]
    [TestCase("2e0")]
    public void A_whole_float_is_an_integer_after_kubernetes_yaml_to_json_conversion(string value)
        => Assert.That(Summaries(ValidDeployment.Replace("replicas: 2", "replicas: " + value)), Is.Empty);

    // One reading of numbers, as the API server decodes them (runtime/converter.go, fromUnstructured): an int32 field
    // keeps the low 32 bits of the int64 (or whole float64) it is given, and a whole number beyond int64 is
    // -9223372036854775808; the object is accepted with that value, as a real server accepts replicas: 10000000000.0.
    [TestCase("10000000000.0", "spec.replicas: 10000000000.0 does not fit int32: the API server stores it as 1410065408")]
    [TestCase("1e10", "spec.replicas: 1e10 does not fit int32: the API server stores it as 1410065408")]
    [TestCase("4294967298", "spec.replicas: 4294967298 does not fit int32: the API server stores it as 2")]
    [TestCase("1e21", "spec.replicas: 1e21 does not fit int32: the API server stores it as 0")]
    [TestCase("99999999999999999999", "spec.replicas: 99999999999999999999 does not fit int32: the API server stores it as 0")]
    public void An_integer_beyond_int32_is_stored_wrapped_and_accepted_when_that_value_is_valid(string value, string message)
    {
        var yaml = ValidDeployment.Replace("replicas: 2", "replicas: " + value);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1114@8:13" }));
            Assert.That(Message(yaml), Is.EqualTo(message));
        });
    }

    [TestCase("2147483648", "-2147483648")]
    [TestCase("2147483648.0", "-2147483648")]
    [TestCase("3e9", "-1294967296")]
    [TestCase("1e18", "-1486618624")]
    public void A_wrapped_integer_is_validated_as_the_value_the_server_stores(string value, string stored)
        => AssertFindings(
            ValidDeployment.Replace("replicas: 2", "replicas: " + value),
            ["KL1106@8:13", "KL1114@8:13"],
            [
                $"spec.replicas: Invalid value: {stored}: must be greater than or equal to 0",
                $"spec.replicas: {value} does not fit int32: the API server stores it as {stored}",
            ]);

    [Test]
    public void An_integer_within_int32_written_as_a_float_is_no_finding()
        => Assert.That(Summaries(ValidDeployment.Replace("replicas: 2", "replicas: 2147483647.0")), Is.Empty);

    [TestCase("2.5", "int32")]
    [TestCase("1e-3", "int32")]
    public void A_fraction_in_an_integer_field_fails_the_conversion_in_the_servers_words(string value, string type)
    {
        var yaml = ValidDeployment.Replace("replicas: 2", "replicas: " + value);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1103@8:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.replicas: cannot convert float64 to " + type));
        });
    }

    [Test]
    public void A_float_beyond_float64_is_a_string_as_go_yaml_reads_it()
        => Assert.That(Message(ValidDeployment.Replace("replicas: 2", "replicas: 1e309")), Is.EqualTo("spec.replicas: expected integer, got string \"1e309\""));

    [Test]
    public void An_int_or_string_integer_must_fit_int32()
        => Assert.That(Summaries(ValidDeployment.Replace("maxSurge: 25%", "maxSurge: 3e9")), Is.EqualTo(new[] { "KL1106@14:17" }));

    [Test]
    public void Unquoted_on_is_a_boolean_for_kubernetes_yaml_so_a_string_field_rejects_it()
    {
        // go-yaml v2 (sigs.k8s.io/yaml) resolves plain yes/no/on/off as booleans.
        var yaml = ValidDeployment.Replace("value: \"on\"", "value: on");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1103@26:22" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.template.spec.containers[0].env[0].value: expected string, got boolean on"));
        });
    }

    [Test]
    public void Label_values_must_be_strings()
        => Assert.That(Summaries(ValidDeployment.Replace("    app: web\nspec:", "    app: web\n    enabled: yes\nspec:")), Is.EqualTo(new[] { "KL1103@7:14" }));

    [TestCase("maxSurge: 1")]
    [TestCase("maxSurge: \"1\"")]
    [TestCase("maxSurge: 30%")]
    public void Int_or_string_accepts_integers_and_strings(string value)
        => Assert.That(Summaries(ValidDeployment.Replace("maxSurge: 25%", value)), Is.Empty);

    [Test]
    public void Int_or_string_rejects_a_fraction()
    {
        var yaml = ValidDeployment.Replace("maxSurge: 25%", "maxSurge: 1.5");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1103@14:17" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.strategy.rollingUpdate.maxSurge: expected integer or string, got number 1.5"));
        });
    }

    [Test]
    public void A_scalar_where_an_object_is_expected_is_reported_at_the_value()
        => Assert.That(Summaries(ValidDeployment.Replace("  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n", "  strategy: fast\n")), Is.EqualTo(new[] { "KL1103@12:13" }));

    [Test]
    public void A_mapping_where_an_array_is_expected_is_reported_at_the_value()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                name: app
            """;
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1103@7:5" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers: expected array, got object"));
        });
    }

    [Test]
    public void Null_values_are_not_type_errors()
        => Assert.That(Summaries(ValidDeployment.Replace("replicas: 2", "replicas: null").Replace("  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n", "  strategy:\n")), Is.Empty);

    [Test]
    public void Map_values_follow_additional_properties()
    {
        var yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              mode: fast
              retries: 3
            """;
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1103@7:12" }));
    }

    [Test]
    public void Unknown_fields_are_reported_at_the_key_with_a_suggestion()
    {
        var yaml = ValidDeployment.Replace("replicas: 2", "replica: 2");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1102@8:3" }));
            Assert.That(Message(yaml), Is.EqualTo("unknown field \"spec.replica\"; did you mean \"replicas\"?"));
        });
    }

    [Test]
    public void Unknown_fields_are_accepted_without_strict_validation()
        => Assert.That(Summaries(ValidDeployment.Replace("replicas: 2", "replica: 2"), new AnalysisOptions { Strict = false }), Is.Empty);

    [Test]
    public void Unknown_top_level_fields_are_reported()
        => Assert.That(Summaries(ValidDeployment + "\nstatuss: {}\n"), Is.EqualTo(new[] { "KL1102@33:1" }));

    [Test]
    public void Free_form_objects_accept_any_field()
    {
        // RawExtension (ControllerRevision.data) holds arbitrary JSON.
        var yaml = """
            apiVersion: apps/v1
            kind: ControllerRevision
            metadata:
              name: rev
            revision: 1
            data:
              anything: [1, 2]
            """;
        Assert.That(Summaries(yaml), Is.Empty);
    }

    [Test]
    public void Missing_required_fields_are_reported_at_the_parent_key()
    {
        var yaml = ValidDeployment.Replace("  selector:\n    matchLabels:\n      app: web\n", string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1104@7:1" }));
            Assert.That(Message(yaml), Is.EqualTo("spec: missing required field \"selector\""));
        });
    }

    [Test]
    public void A_list_item_missing_a_required_field_is_reported_at_the_item()
    {
        var yaml = ValidDeployment.Replace("        - name: app\n          image: nginx:1.27\n", "        - image: nginx:1.27\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1104@22:11" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.template.spec.containers[0]: missing required field \"name\""));
        });
    }

    [Test]
    public void A_required_field_set_to_null_is_missing()
        => Assert.That(Summaries(ValidDeployment.Replace("  selector:\n    matchLabels:\n      app: web\n", "  selector:\n")), Is.EqualTo(new[] { "KL1104@9:3" }));

    [Test]
    public void Odd_shapes_are_type_errors_and_never_crash()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata: just-a-string
            spec:
              containers:
                - plain
                - null
                - name: app
                  ports:
                    - null
                    - [80]
                  env: {}
              volumes: 3
            """;
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1103@3:11", "KL1103@6:7", "KL1103@11:11", "KL1103@12:12", "KL1103@13:12" }));
    }
}
