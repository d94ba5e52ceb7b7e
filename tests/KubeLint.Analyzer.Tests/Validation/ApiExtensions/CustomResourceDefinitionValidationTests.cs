using KubeLint.Analyzer.Engine;
using KubeLint.Testing;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.ApiExtensions;

/// <summary>ValidateCustomResourceDefinition and its spec, names and version checks, as the API server runs them on create.</summary>
public sealed class CustomResourceDefinitionValidationTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: notes.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            kind: Note
            plural: notes
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
        """;

    [Test]
    public void A_valid_definition_has_no_findings() => Assert.That(Summaries(Crd), Is.Empty);

    [Test]
    public void Short_names_and_categories_are_dns_1035_labels()
    {
        var yaml = Crd.Replace("    plural: notes\n", "    plural: notes\n    shortNames: [nt, Bad_Short]\n    categories: [all]\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@11:22" }));
            Assert.That(Message(yaml), Does.StartWith("spec.names.shortNames[1]: Invalid value: \"Bad_Short\": a DNS-1035 label must consist of lower case alphanumeric characters or '-'"));
        });
    }

    [Test]
    public void Kind_and_list_kind_may_not_be_the_same()
    {
        var yaml = Crd.Replace("    plural: notes\n", "    plural: notes\n    listKind: Note\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@11:15" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.names.listKind: Invalid value: \"Note\": kind and listKind may not be the same"));
        });
    }

    [Test]
    public void A_kind_that_defaults_an_invalid_singular_is_reported_at_names()
    {
        var findings = Validate(Crd.Replace("kind: Note", "kind: No_te"));
        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL1106@8:3", "KL1106@8:3", "KL1106@9:11" }));
            Assert.That(findings.Select(f => f.Message), Has.Some.StartsWith("spec.names.singular: Invalid value: \"no_te\": a DNS-1035 label"));
            Assert.That(findings.Select(f => f.Message), Has.Some.StartsWith("spec.names.listKind: Invalid value: \"No_teList\": may have mixed case, but should otherwise match: a DNS-1035 label"));
        });
    }

    [Test]
    public void A_group_needs_a_dot()
        => Assert.That(
            Validate(Crd.Replace("group: example.com", "group: example").Replace("notes.example.com", "notes.example")).Single().Message,
            Is.EqualTo("spec.group: Invalid value: \"example\": should be a domain with at least one dot"));

    [Test]
    public void A_generate_name_is_held_to_plural_dot_group_too()
    {
        var findings = Validate(Crd.Replace("  name: notes.example.com", "  generateName: notes-"));
        Assert.That(findings.Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column} {f.Message}"), Is.EqualTo(new[]
        {
            "KL1110@4:17 metadata.generateName: Invalid value: \"notes-\": must be spec.names.plural+\".\"+spec.group",
        }));
    }

    [Test]
    public void Two_storage_versions_leave_one_unstored()
    {
        var yaml = Crd + "\n    - name: v2\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n";
        Assert.That(Validate(yaml).Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line} {f.Message}"), Is.EqualTo(new[]
        {
            "KL1106@11 spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have exactly one version marked as storage version",
            "KL1106@11 status.storedVersions: Invalid value: []string{\"v1\"}: must have the storage version v2",
        }));
    }

    [Test]
    public void Version_names_are_unique_dns_1035_labels()
    {
        var yaml = Crd.Replace("- name: v1", "- name: V1") + "\n    - name: V1\n      served: true\n      storage: false\n      schema:\n        openAPIV3Schema:\n          type: object\n";
        Assert.That(Validate(yaml).Select(f => f.Message), Has.Some.EqualTo("spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must contain unique version names")
            .And.Some.StartsWith("spec.versions[0].name: Invalid value: \"V1\": a DNS-1035 label"));
    }

    [Test]
    public void Every_version_needs_a_schema()
    {
        var yaml = Crd.Replace("      schema:\n        openAPIV3Schema:\n          type: object", string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1104@12:7" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required"));
        });
    }

    [Test]
    public void A_deprecation_warning_needs_a_deprecated_version()
        => Assert.That(
            Message(Crd.Replace("      storage: true\n", "      storage: true\n      deprecationWarning: old\n")),
            Is.EqualTo("spec.versions[0].deprecationWarning: Invalid value: \"old\": can only be set for deprecated versions"));

    [Test]
    public void A_deprecation_warning_is_printable()
        => Assert.That(
            Message(Crd.Replace("      storage: true\n", "      storage: true\n      deprecated: true\n      deprecationWarning: \"é\\u0007\"\n")),
            Is.EqualTo("spec.versions[0].deprecationWarning: Invalid value: \"é\\a\": must only contain printable UTF-8 characters; non-printable character found at index 2"));

    [Test]
    public void Preserve_unknown_fields_cannot_be_set_on_create()
        => Assert.That(
            Message(Crd.Replace("  scope: Namespaced\n", "  scope: Namespaced\n  preserveUnknownFields: true\n")),
            Is.EqualTo("spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));

    [Test]
    public void The_area_can_be_turned_off()
        => Assert.That(
            Summaries(Crd.Replace("group: example.com", "group: example"), new AnalysisOptions { DisabledValidationAreas = ["custom-resources"] }),
            Is.Empty);
}
