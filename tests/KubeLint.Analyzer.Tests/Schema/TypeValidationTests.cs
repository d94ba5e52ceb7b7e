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

    // One reading of numbers: a float is range-checked like the integer it becomes, and a value go-yaml cannot read
    // as a float64 (1e309) stays a string.
    [TestCase("1e18", "expected int32, got 1e18, which is out of range")]
    [TestCase("1000000000000000000", "expected int32, got 1000000000000000000, which is out of range")]
    [TestCase("2147483648.0", "expected int32, got 2147483648.0, which is out of range")]
    [TestCase("1e21", "expected int32, got 1e21, which is out of range")]
    [TestCase("99999999999999999999", "expected int32, got 99999999999999999999, which is out of range")]
    public void An_integer_out_of_int32_range_is_one_finding_whichever_way_it_is_written(string value, string message)
    {
        var yaml = ValidDeployment.Replace("replicas: 2", "replicas: " + value);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@8:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.replicas: " + message));
        });
    }

    [Test]
    public void A_float_beyond_float64_is_a_string_as_go_yaml_reads_it()
        => Assert.That(Message(ValidDeployment.Replace("replicas: 2", "replicas: 1e309")), Is.EqualTo("spec.replicas: expected integer, got string \"1e309\""));

    [Test]
    public void An_int_or_string_integer_must_fit_int32()
        => Assert.That(Summaries(ValidDeployment.Replace("maxSurge: 25%", "maxSurge: 3e9")), Is.EqualTo(new[] { "KL1106@14:17" }));

    [Test]
    public void A_fraction_is_not_an_integer()
        => Assert.That(Summaries(ValidDeployment.Replace("replicas: 2", "replicas: 2.5")), Is.EqualTo(new[] { "KL1103@8:13" }));

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
