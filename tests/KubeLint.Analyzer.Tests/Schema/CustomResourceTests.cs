using System.Globalization;
using KubeLint.Testing;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Schema;

public sealed class CustomResourceTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            kind: Widget
            plural: widgets
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  required: [spec]
                  properties:
                    spec:
                      type: object
                      required: [size]
                      properties:
                        size:
                          type: integer
                          minimum: 1
                          maximum: 10
                        name:
                          type: string
                          pattern: '^[a-z]+$'
                          maxLength: 8
                        tags:
                          type: array
                          maxItems: 2
                          items:
                            type: string
                        color:
                          type: string
                          enum: [red, green]
                        port:
                          x-kubernetes-int-or-string: true
                        extra:
                          type: object
                          x-kubernetes-preserve-unknown-fields: true
            - name: v0
              served: false
              storage: false
              schema:
                openAPIV3Schema: {type: object}
        """;

    private const string Widget = """
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
        spec:
          size: 3
          color: red
          port: http
          extra:
            anything: goes
        """;

    // The CRD above is 49 lines, so the custom resource's "---" is line 50.
    private const int Offset = 49;

    [Test]
    public void A_custom_resource_matching_its_crd_has_no_findings()
        => Assert.That(Summaries(Crd + "\n" + Widget), Is.Empty);

    [Test]
    public void A_custom_resource_is_validated_against_its_crd_in_the_same_run()
    {
        var yaml = Crd + "\n" + Widget.Replace("size: 3", "size: three").Replace("color: red", "colour: red");
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { $"KL1103@{Offset + 7}:9", $"KL1102@{Offset + 8}:3" }));
    }

    [Test]
    public void Crd_enums_are_enforced()
        => Assert.That(Summaries(Crd + "\n" + Widget.Replace("color: red", "color: Red")), Is.EqualTo(new[] { $"KL1105@{Offset + 8}:10" }));

    [Test]
    public void Crd_required_fields_are_enforced_at_the_object_start_for_top_level_fields()
    {
        var yaml = Crd + "\n" + Widget.Substring(0, Widget.IndexOf("spec:", StringComparison.Ordinal));
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { $"KL1104@{Offset + 2}:1" }));
    }

    [TestCase("size: 3", null)]
    [TestCase("size: 0", "KL1106@{0}:9")]
    [TestCase("size: 11", "KL1106@{0}:9")]
    public void Crd_numeric_bounds_are_enforced(string size, string? expected)
    {
        var yaml = Crd + "\n" + Widget.Replace("size: 3", size);
        Assert.That(Summaries(yaml), Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { string.Format(CultureInfo.InvariantCulture, expected, Offset + 7) }));
    }

    [Test]
    public void Crd_bound_messages_follow_the_api_server()
        => Assert.That(
            Message(Crd + "\n" + Widget.Replace("size: 3", "size: 0")),
            Is.EqualTo("spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1"));

    [TestCase("name: abc", null)]
    [TestCase("name: Abc", "should match '^[a-z]+$'")]
    [TestCase("name: abcdefghij", "spec.name: Too long: may not be more than 8 bytes")]
    [TestCase("tags: [a, b, c]", "spec.tags: Too many: 3: must have at most 2 items")]
    public void Crd_string_and_array_bounds_are_enforced(string field, string? problem)
    {
        var findings = Validate(Crd + "\n" + Widget.Replace("color: red", field));
        Assert.That(findings.Select(f => f.Message), problem is null ? Is.Empty : Has.One.EndsWith(problem));
    }

    [Test]
    public void Int_or_string_fields_of_a_crd_accept_integers()
        => Assert.That(Summaries(Crd + "\n" + Widget.Replace("port: http", "port: 8080")), Is.Empty);

    [Test]
    public void Custom_resource_metadata_is_validated_as_object_meta()
        => Assert.That(Summaries(Crd + "\n" + Widget.Replace("name: w\n", "name: w\n  labels:\n    tier: 3\n")), Is.EqualTo(new[] { $"KL1103@{Offset + 7}:11" }));

    [Test]
    public void A_version_the_crd_does_not_serve_names_the_served_one()
    {
        var yaml = Crd + "\n" + Widget.Replace("example.com/v1", "example.com/v0");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { $"KL1101@{Offset + 2}:13" }));
            Assert.That(Message(yaml), Is.EqualTo("apiVersion example.com/v0 kind Widget is not served by its CustomResourceDefinition; use apiVersion example.com/v1"));
        });
    }

    [Test]
    public void Crds_given_separately_validate_the_input()
    {
        var crds = Manifests.Load(Crd).Objects;
        var findings = Validate(Widget.Replace("size: 3", "size: \"3\""), crds: crds);
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL1103@7:9" }));
    }

    [Test]
    public void Embedded_resources_and_maps_of_a_crd_are_walked()
    {
        var crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: bundles.example.com
            spec:
              group: example.com
              scope: Namespaced
              names:
                kind: Bundle
                plural: bundles
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            template:
                              type: object
                              x-kubernetes-embedded-resource: true
                              properties:
                                replicas:
                                  type: integer
                            weights:
                              type: object
                              additionalProperties:
                                type: integer
            ---
            apiVersion: example.com/v1
            kind: Bundle
            metadata:
              name: b
            spec:
              template:
                apiVersion: v1
                kind: ConfigMap
                metadata: {}
                replicas: 2
                extra: 1
              weights:
                a: 1
                b: heavy
            """;

        // The custom resource starts at line 34: "extra" (line 44) is unknown, "heavy" (line 47) is not an integer.
        Assert.That(Summaries(crd), Is.EqualTo(new[] { "KL1102@43:5", "KL1103@46:8" }));
    }
}
