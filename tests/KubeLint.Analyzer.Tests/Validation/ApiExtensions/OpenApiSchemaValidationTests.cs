using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.ApiExtensions;

/// <summary>
/// A CRD's openAPIV3Schema as validateCustomResourceDefinitionValidation checks it: the OpenAPI rules, the
/// structural-schema rules and the x-kubernetes-* extensions, with the server's paths and words.
/// </summary>
public sealed class OpenApiSchemaValidationTests
{
    private const string Head = """
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
        """;

    /// <summary>A CRD whose schema is <paramref name="schema"/>, indented under openAPIV3Schema (line 15 is its first line, column 11).</summary>
    private static string Crd(string schema, string version = "")
        => Head + "\n" + string.Join("\n", schema.Split('\n').Select(line => line.Length == 0 ? line : "          " + line)) + "\n" + version;

    private static string[] Described(string yaml)
        => Validate(yaml).Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column} {f.Message}").ToArray();

    [Test]
    public void A_structural_schema_with_an_int_or_string_any_of_is_accepted()
        => Assert.That(Summaries(Crd("""
            type: object
            properties:
              port:
                x-kubernetes-int-or-string: true
                anyOf:
                  - type: integer
                  - type: string
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [port]
                items:
                  type: object
                  required: [port]
                  properties:
                    port: {type: integer}
            """)), Is.Empty);

    [Test]
    public void Only_an_integer_then_string_any_of_in_the_first_all_of_clause_is_the_int_or_string_pattern()
        => Assert.That(Described(Crd("""
            type: object
            properties:
              good:
                x-kubernetes-int-or-string: true
                allOf:
                  - anyOf:
                      - type: integer
                      - type: string
              bad:
                x-kubernetes-int-or-string: true
                allOf:
                  - anyOf:
                      - type: string
                      - type: integer
            """)), Is.EqualTo(new[]
        {
            "KL1106@27:29 spec.validation.openAPIV3Schema.properties[bad].allOf[0].anyOf[0].type: Forbidden: must be empty to be structural",
            "KL1106@28:29 spec.validation.openAPIV3Schema.properties[bad].allOf[0].anyOf[1].type: Forbidden: must be empty to be structural",
        }));

    [Test]
    public void Types_inside_junctions_are_not_structural()
        => Assert.That(Described(Crd("""
            type: object
            properties:
              spec:
                type: object
                oneOf:
                  - type: object
                    required: [a]
                properties:
                  a: {type: string}
            """)), Is.EqualTo(new[]
        {
            "KL1106@20:25 spec.validation.openAPIV3Schema.properties[spec].oneOf[0].type: Forbidden: must be empty to be structural",
        }));

    [Test]
    public void What_a_root_junction_names_must_be_specified()
        => Assert.That(Described(Crd("""
            type: object
            anyOf:
              - required: [spec]
                properties:
                  spec: {}
            """)), Is.EqualTo(new[]
        {
            "KL1104@14:9 spec.validation.openAPIV3Schema.properties[spec]: Required value: because it is defined in spec.validation.openAPIV3Schema.anyOf[0].properties[spec]",
        }));

    [Test]
    public void A_field_of_unknown_type_is_unsupported_and_an_array_needs_items()
        => Assert.That(Described(Crd("""
            type: object
            properties:
              tags: {type: array}
              size: {type: int}
            """)), Is.EqualTo(new[]
        {
            "KL1104@17:13 spec.validation.openAPIV3Schema.properties[tags].items: Required value: must be specified",
            "KL1105@18:26 spec.validation.openAPIV3Schema.properties[size].type: Unsupported value: \"int\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"",
        }));

    [Test]
    public void Metadata_at_the_root_may_only_restrict_name_and_generate_name()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(Crd("type: object\nproperties:\n  metadata:\n    type: object\n    properties:\n      name: {type: string, maxLength: 20}\n")), Is.Empty);
            Assert.That(Described(Crd("type: object\nproperties:\n  metadata:\n    type: object\n    properties:\n      labels: {type: object}\n")), Is.EqualTo(new[]
            {
                "KL1106@18:15 spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified",
            }));
        });
    }

    [Test]
    public void Defaults_are_forbidden_in_top_level_metadata()
        => Assert.That(Described(Crd("type: object\nproperties:\n  metadata:\n    type: object\n    default: {}\n")), Is.EqualTo(new[]
        {
            "KL1106@19:24 spec.validation.openAPIV3Schema.properties[metadata].default: Forbidden: must not be set in top-level metadata",
        }));

    [Test]
    public void With_the_status_subresource_the_root_holds_only_what_survives_splitting_status_off()
        => Assert.That(
            Described(Crd("type: object\nx-kubernetes-preserve-unknown-fields: true\nanyOf: [{required: [spec]}]\nproperties:\n  spec: {type: object}\n", "      subresources: {status: {}}\n")),
            Is.EqualTo(new[]
            {
                "KL1106@15:11 spec.validation.openAPIV3Schema: Invalid value: apiextensions.JSONSchemaProps{...}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled",
            }));

    [Test]
    public void A_schema_of_one_version_among_different_ones_keeps_its_version_path()
    {
        const string second = "    - name: v2\n      served: true\n      storage: false\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            a: {type: strng}\n";
        Assert.That(Validate(Crd("type: object") + second).Single().Message, Does.StartWith("spec.versions[1].schema.openAPIV3Schema.properties[a].type: Unsupported value: \"strng\""));
    }

    [Test]
    public void List_map_keys_must_be_item_properties_that_are_required_or_defaulted()
        => Assert.That(Described(Crd("""
            type: object
            properties:
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [port, name]
                items:
                  type: object
                  properties:
                    port: {type: integer}
            """)), Is.EqualTo(new[]
        {
            "KL1106@20:43 spec.validation.openAPIV3Schema.properties[ports].x-kubernetes-list-map-keys: Invalid value: []string{\"port\", \"name\"}: entries must all be names of item properties",
            "KL1104@24:19 spec.validation.openAPIV3Schema.properties[ports].items.properties[port].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property",
        }));

    [Test]
    public void Items_of_a_set_are_atomic()
        => Assert.That(
            Validate(Crd("type: object\nproperties:\n  tags:\n    type: array\n    x-kubernetes-list-type: set\n    items: {type: object}\n")).Single().Message,
            Is.EqualTo("spec.validation.openAPIV3Schema.properties[tags].items.x-kubernetes-map-type: Invalid value: null: must be atomic as item of a list with x-kubernetes-list-type=set"));

    [Test]
    public void A_list_type_needs_an_array()
        => Assert.That(
            Validate(Crd("type: object\nproperties:\n  tags:\n    type: object\n    x-kubernetes-list-type: atomic\n")).Single().Message,
            Is.EqualTo("spec.validation.openAPIV3Schema.properties[tags].type: Invalid value: \"object\": must be array if x-kubernetes-list-type is specified"));

    [Test]
    public void Unsupported_json_schema_features_are_forbidden()
        => Assert.That(Validate(Crd("type: object\nuniqueItems: true\nproperties:\n  a: {type: string, $ref: '#/x'}\n")).Select(f => f.Message), Is.EqualTo(new[]
        {
            "spec.validation.openAPIV3Schema.uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
            "spec.validation.openAPIV3Schema.properties[a].$ref: Forbidden: $ref is not supported",
        }));

    [Test]
    public void Properties_and_additional_properties_are_mutually_exclusive()
        => Assert.That(
            Validate(Crd("type: object\nproperties:\n  spec:\n    type: object\n    properties: {a: {type: string}}\n    additionalProperties: {type: string}\n")).Single().Message,
            Is.EqualTo("spec.validation.openAPIV3Schema.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive"));

    [Test]
    public void Rule_entries_are_checked_before_compiling()
        => Assert.That(Validate(Crd("""
            type: object
            x-kubernetes-validations:
              - rule: "has(self.a)"
                reason: Bad
                fieldPath: .b
              - rule: " "
            properties:
              a: {type: string}
            """)).Select(f => f.Message), Is.EqualTo(new[]
        {
            "spec.validation.openAPIV3Schema.x-kubernetes-validations[0].reason: Unsupported value: \"Bad\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\"",
            "spec.validation.openAPIV3Schema.x-kubernetes-validations[0].fieldPath: Invalid value: \".b\": fieldPath must be a valid path",
            "spec.validation.openAPIV3Schema.x-kubernetes-validations[1].rule: Required value: rule is not specified",
        }));

    [Test]
    public void A_field_path_may_name_a_map_entry_in_brackets()
        => Assert.That(Summaries(Crd("""
            type: object
            x-kubernetes-validations:
              - rule: "true"
                fieldPath: ".labels['app.kubernetes.io/name']"
            properties:
              labels:
                type: object
                additionalProperties: {type: string}
            """)), Is.Empty);

    [Test]
    public void An_embedded_resource_is_an_object_with_fields()
        => Assert.That(
            Validate(Crd("type: object\nproperties:\n  template:\n    type: object\n    x-kubernetes-embedded-resource: true\n")).Single().Message,
            Is.EqualTo("spec.validation.openAPIV3Schema.properties[template].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));

    [Test]
    public void A_schema_id_is_reported_only_by_the_structural_conversion_when_nothing_else_is_wrong()
        => Assert.That(
            Validate(Crd("type: object\n$schema: http://json-schema.org/draft-04/schema\n")).Single().Message,
            Is.EqualTo("spec.validation.openAPIV3Schema: Invalid value: \"\": OpenAPIV3Schema 'schema' is not supported"));

    [Test]
    public void The_root_is_an_object_and_not_nullable()
        => Assert.That(Validate(Crd("type: array\nnullable: true\nitems: {type: string}\n")).Select(f => f.Message), Is.EqualTo(new[]
        {
            "spec.validation.openAPIV3Schema.type: Invalid value: \"array\": must be object at the root",
            "spec.validation.openAPIV3Schema.nullable: Forbidden: nullable cannot be true at the root",
        }));

    [Test]
    public void The_kubectl_validate_typo_case_is_the_servers_message()
    {
        var yaml = Crd("type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      message:\n        type: strign\n        description: a message to display\n");
        Assert.That(Message(yaml), Is.EqualTo("spec.validation.openAPIV3Schema.properties[spec].properties[message].type: Unsupported value: \"strign\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\""));
    }
}
