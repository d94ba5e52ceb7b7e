using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Schema;

/// <summary>
/// CustomResourceDefinitions checked as the API server checks them on create. A schema every version shares is
/// reported under spec.validation.openAPIV3Schema, where the server's conversion to the internal version puts it.
/// </summary>
public sealed class CrdDefinitionTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: notes.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Note, plural: notes}
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
                        message:
                          type: string
                          pattern: '^[a-z]+$'
        """;

    [Test]
    public void A_valid_crd_has_no_findings() => Assert.That(Summaries(Crd), Is.Empty);

    [Test]
    public void An_unknown_type_is_the_servers_unsupported_value_at_the_type()
    {
        var yaml = Crd.Replace("type: string", "type: strign");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1105@21:25" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.validation.openAPIV3Schema.properties[spec].properties[message].type: Unsupported value: \"strign\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\""));
        });
    }

    [Test]
    public void A_pattern_go_rejects_is_reported_at_the_pattern()
    {
        var yaml = Crd.Replace("'^[a-z]+$'", "'(?=a)'");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@22:28" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.validation.openAPIV3Schema.properties[spec].properties[message].pattern: Invalid value: \"(?=a)\": must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"));
        });
    }

    [Test]
    public void A_field_without_type_is_not_structural()
        => Assert.That(Message(Crd.Replace("type: string\n", string.Empty)), Is.EqualTo("spec.validation.openAPIV3Schema.properties[spec].properties[message].type: Required value: must not be empty for specified object fields"));

    [Test]
    public void The_name_must_be_plural_dot_group()
        => Assert.That(Summaries(Crd.Replace("name: notes.example.com", "name: memos.example.com")), Is.EqualTo(new[] { "KL1110@4:9" }));

    [Test]
    public void Exactly_one_storage_version()
        => Assert.That(Validate(Crd.Replace("storage: true", "storage: false")).Select(f => f.Message), Is.EqualTo(new[]
        {
            "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have exactly one version marked as storage version",
            "status.storedVersions: Invalid value: []string(nil): must have at least one stored version",
        }));

    [Test]
    public void A_bad_scope_is_unsupported()
        => Assert.That(Summaries(Crd.Replace("scope: Namespaced", "scope: namespaced")), Is.EqualTo(new[] { "KL1105@7:10" }));

    [Test]
    public void Custom_resource_names_are_dns_subdomains()
        => Assert.That(Summaries(Crd + "\n---\napiVersion: example.com/v1\nkind: Note\nmetadata:\n  name: Bad_Name\n"), Is.EqualTo(new[] { "KL1110@27:9" }));

    [Test]
    public void A_pattern_is_matched_with_re2_semantics_without_backtracking()
    {
        var yaml = Crd.Replace("'^[a-z]+$'", "'^(a+)+$'") + "\n---\napiVersion: example.com/v1\nkind: Note\nmetadata:\n  name: note\nspec:\n  message: " + new string('a', 50_000) + "!\n";
        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@29:12" }));
    }

    [Test]
    public void A_v1beta1_crd_is_not_served_but_its_schema_still_validates_its_resources()
    {
        const string beta = """
            apiVersion: apiextensions.k8s.io/v1beta1
            kind: CustomResourceDefinition
            metadata:
              name: notes.example.com
            spec:
              group: example.com
              version: v1
              scope: Namespaced
              names: {kind: Note, plural: notes}
              validation:
                openAPIV3Schema:
                  type: object
                  properties:
                    size: {type: integer}
            ---
            apiVersion: example.com/v1
            kind: Note
            metadata:
              name: note
            size: big
            """;
        var findings = Validate(beta);
        Assert.Multiple(() =>
        {
            Assert.That(findings.Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}"), Is.EqualTo(new[] { "KL1101@1", "KL1103@20" }));
            Assert.That(findings[0].Message, Does.EndWith("; its schema is still used to validate its custom resources"));
        });
    }
}
