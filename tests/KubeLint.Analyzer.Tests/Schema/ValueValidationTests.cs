using KubeLint.Analyzer.Engine;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Schema;

public sealed class ValueValidationTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: ClusterIP
          selector:
            app: web
          ports:
            - name: http
              port: 80
              protocol: TCP
              targetPort: http
        """;

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: app
              image: nginx
              ports:
                - containerPort: 80
              resources:
                requests:
                  memory: 64Mi
        """;

    [Test]
    public void A_valid_service_has_no_findings()
        => Assert.That(Summaries(Service), Is.Empty);

    // With the services area on, ServiceValidation reports supported values in the server's words; the enumeration
    // table of schema validation speaks for kinds no API validation covers, as it does here with the area off.
    private static readonly AnalysisOptions SchemaOnly = new() { DisabledValidationAreas = ["services"] };

    [Test]
    public void An_enum_near_miss_suggests_the_intended_value()
    {
        // Reference G: Service spec.type is ClusterIP, NodePort, LoadBalancer or ExternalName, case-sensitive.
        var yaml = Service.Replace("type: ClusterIP", "type: ClusterIp");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml, SchemaOnly), Is.EqualTo(new[] { "KL1105@6:9" }));
            Assert.That(Message(yaml, SchemaOnly), Is.EqualTo(
                "spec.type: unsupported value \"ClusterIp\": supported values: \"ClusterIP\", \"NodePort\", \"LoadBalancer\", \"ExternalName\"; did you mean \"ClusterIP\"?"));
        });
    }

    [Test]
    public void An_enum_value_far_from_every_allowed_value_has_no_suggestion()
        => Assert.That(Message(Service.Replace("protocol: TCP", "protocol: HTTP"), SchemaOnly), Does.EndWith("supported values: \"TCP\", \"UDP\", \"SCTP\""));

    [Test]
    public void Enum_items_of_an_array_are_checked()
    {
        // Reference G: PV/PVC accessModes are ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod.
        var yaml = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce, ReadWriteAll]
              resources:
                requests:
                  storage: 1Gi
            """;
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1105@6:32" }));
    }

    [TestCase("64Mi")]
    [TestCase("0.5Mi")]
    [TestCase("1e3")]
    [TestCase("2k")]
    [TestCase(".5")]
    [TestCase("1.")]
    [TestCase("+1")]
    [TestCase("1")]
    [TestCase("0.25")]
    public void Valid_quantities_are_accepted(string quantity)
    {
        // Reference F: '+1', '.5', '1.', '1e3', '1E-3', '2k', '0.5Mi' are valid.
        Assert.That(Summaries(Pod.Replace("memory: 64Mi", "memory: " + quantity)), Is.Empty);
    }

    [TestCase("500mi", "unable to parse quantity's suffix")]
    [TestCase("1K", "unable to parse quantity's suffix")]
    [TestCase("1.5.0Gi", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    [TestCase("1gi", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    public void Invalid_quantities_are_reported_with_the_api_server_text(string quantity, string error)
    {
        // Reference F: 500mi and 1K fail with the suffix error; 1.5.0Gi and 1gi with the regex error.
        var yaml = Pod.Replace("memory: 64Mi", "memory: " + quantity);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1107@13:19" }));
            Assert.That(Message(yaml), Is.EqualTo($"spec.containers[0].resources.requests.memory: invalid quantity \"{quantity}\": {error}"));
        });
    }

    [Test]
    public void A_boolean_quantity_is_a_type_error()
        => Assert.That(Summaries(Pod.Replace("memory: 64Mi", "memory: yes")), Is.EqualTo(new[] { "KL1103@13:19" }));

    [Test]
    public void An_int32_field_beyond_its_range_is_validated_wrapped_as_the_server_stores_it()
        => AssertFindings(
            Pod.Replace("containerPort: 80", "containerPort: 3000000000"),
            ["KL1106@10:26", "KL1114@10:26"],
            [
                "spec.containers[0].ports[0].containerPort: Invalid value: -1294967296: must be between 1 and 65535, inclusive",
                "spec.containers[0].ports[0].containerPort: 3000000000 does not fit int32: the API server stores it as -1294967296",
            ]);

    [Test]
    public void An_int32_field_that_wraps_into_its_range_is_accepted_with_a_warning()
        => Assert.That(Summaries(Pod.Replace("containerPort: 80", "containerPort: 4294967376")), Is.EqualTo(new[] { "KL1114@10:26" }));

    [Test]
    public void An_int64_field_beyond_its_range_is_stored_as_the_smallest_int64()
        => AssertFindings(
            Pod.Replace("name: p\n", "name: p\n  generation: 18446744073709551615\n"),
            ["KL1106@5:15", "KL1114@5:15"],
            [
                "metadata.generation: Invalid value: -9223372036854775808: must be greater than or equal to 0",
                "metadata.generation: 18446744073709551615 does not fit int64: the API server stores it as -9223372036854775808",
            ]);


    [TestCase("2024-01-31T12:00:00Z", false)]
    [TestCase("2024-01-31T12:00:00.123+02:00", false)]
    [TestCase("yesterday", true)]
    [TestCase("2024-01-31 12:00:00", true)]
    [TestCase("2024-02-30T12:00:00Z", true)]
    public void Date_times_must_be_rfc3339(string value, bool fires)
    {
        var yaml = Pod.Replace("name: p\n", $"name: p\n  creationTimestamp: \"{value}\"\n");
        Assert.That(Summaries(yaml), Is.EqualTo(fires ? new[] { "KL1106@5:22" } : Array.Empty<string>()));
    }

    [TestCase("aGVsbG8=", false)]
    [TestCase("aGVsbG8", true)]
    [TestCase("hello world!", true)]
    public void Secret_data_must_be_base64(string value, bool fires)
    {
        var yaml = $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: s
            data:
              key: {value}
            """;
        Assert.That(Summaries(yaml), Is.EqualTo(fires ? new[] { "KL1106@6:8" } : Array.Empty<string>()));
    }

    [Test]
    public void Two_containers_with_the_same_name_are_duplicate_list_keys()
    {
        var yaml = Pod.Replace("      resources:\n        requests:\n          memory: 64Mi", "    - name: app\n      image: busybox");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1108@11:13" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[1]: duplicate entry with name=app"));
        });
    }

    [Test]
    public void Ports_are_keyed_by_port_and_protocol_with_tcp_as_the_default()
        => Assert.That(
            Summaries(Pod.Replace("        - containerPort: 80\n", "        - containerPort: 80\n        - containerPort: 80\n          protocol: TCP\n")),
            Is.EqualTo(new[] { "KL1108@11:26" }));

    [Test]
    public void The_same_port_with_another_protocol_is_not_a_duplicate()
        => Assert.That(
            Summaries(Pod.Replace("        - containerPort: 80\n", "        - containerPort: 80\n        - containerPort: 80\n          protocol: UDP\n")),
            Is.Empty);

    [Test]
    public void Duplicate_values_of_a_set_are_reported()
    {
        var yaml = """
            apiVersion: v1
            kind: Node
            metadata:
              name: n1
            spec:
              podCIDRs: [10.0.0.0/24, 10.0.0.0/24]
            """;

        // The cluster area would also report that both CIDRs are IPv4.
        Assert.That(Summaries(yaml, new AnalysisOptions { DisabledValidationAreas = ["cluster"] }), Is.EqualTo(new[] { "KL1108@6:27" }));
    }
}
