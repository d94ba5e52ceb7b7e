using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// One JSONSchemaProps of a CRD (apiextensions-apiserver pkg/apis/apiextensions/types_jsonschema.go), read through its
/// <see cref="Field"/> so errors carry the server's path (<c>...properties[spec].type</c>). Members hold what the
/// decoder makes of the YAML: a null or absent member is unset, <c>false</c> and <c>""</c> are the zero value.
/// </summary>
internal readonly struct SchemaProps
{
    private static readonly HashSet<string> PointerMembers = new(StringComparer.Ordinal)
    {
        "$ref", "default", "example", "items", "not", "additionalProperties", "additionalItems", "externalDocs",
        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-list-type", "x-kubernetes-map-type",
    };

    private readonly bool _isSchema;

    public SchemaProps(Field field)
        : this(field, isSchema: true)
    {
    }

    private SchemaProps(Field field, bool isSchema)
    {
        Field = field;
        _isSchema = isSchema;
    }

    public Field Field { get; }

    /// <summary>Whether a schema is there: a mapping (a list where one schema belongs, or a boolean, is not one).</summary>
    public bool IsSet => _isSchema && Field.Mapping is not null;

    public string Type => Text("type");

    public bool Nullable => Flag("nullable");

    public bool XIntOrString => Flag("x-kubernetes-int-or-string");

    public bool XEmbeddedResource => Flag("x-kubernetes-embedded-resource");

    /// <summary>x-kubernetes-preserve-unknown-fields: null when unset, else its value (false is an error of its own).</summary>
    public bool? XPreserveUnknownFields => Boolean(Member("x-kubernetes-preserve-unknown-fields"));

    public bool PreservesUnknownFields => XPreserveUnknownFields == true;

    /// <summary>x-kubernetes-list-type, or null when unset.</summary>
    public string? XListType => (Member("x-kubernetes-list-type") as YamlScalar)?.Value;

    /// <summary>x-kubernetes-map-type, or null when unset.</summary>
    public string? XMapType => (Member("x-kubernetes-map-type") as YamlScalar)?.Value;

    public IReadOnlyList<string> XListMapKeys => Strings("x-kubernetes-list-map-keys");

    public IReadOnlyList<string> Required => Strings("required");

    public Field Default => Field.Child("default");

    /// <summary>The <c>items</c> member: a schema (a mapping) or, rejected, a list of schemas.</summary>
    public Field ItemsField => Field.Child("items");

    /// <summary>The single items schema, unset when items is absent or a list.</summary>
    public SchemaProps Items => new(ItemsField, ItemsField.Mapping is not null);

    public bool ItemsIsArray => ItemsField.Sequence is not null;

    public Field Properties => Field.Child("properties");

    public IEnumerable<(string Name, SchemaProps Schema)> PropertyEntries
    {
        get
        {
            foreach (var (name, value) in Field.Child("properties").Entries())
            {
                yield return (name, new SchemaProps(value));
            }
        }
    }

    public bool HasProperties => Field.Child("properties").Count > 0;

    public SchemaProps Property(string name) => new(Field.Child("properties").Key(name));

    public bool HasProperty(string name) => Field.Child("properties").Key(name).IsSet;

    /// <summary>The additionalProperties member: a schema, or a boolean (<c>JSONSchemaPropsOrBool</c>).</summary>
    public Field AdditionalPropertiesField => Field.Child("additionalProperties");

    /// <summary>The additionalProperties schema, unset for a boolean.</summary>
    public SchemaProps AdditionalProperties => new(AdditionalPropertiesField, AdditionalPropertiesField.Mapping is not null);

    public Field Not => Field.Child("not");

    public IEnumerable<SchemaProps> Junction(string name)
    {
        foreach (var item in Field.Child(name).Items())
        {
            yield return new SchemaProps(item);
        }
    }

    public Field XValidations => Field.Child("x-kubernetes-validations");

    public string Text(string member) => (Member(member) as YamlScalar)?.Value ?? string.Empty;

    public bool Flag(string member) => Boolean(Member(member)) == true;

    /// <summary>
    /// Whether the member decodes to a non-zero Go value: set, and not false or "" unless the Go field is a pointer
    /// (<c>$ref</c>, <c>x-kubernetes-list-type</c>, <c>additionalProperties: false</c>, ...), which is set whatever it holds.
    /// </summary>
    public bool Has(string member)
        => PointerMembers.Contains(member) ? Member(member) is not null : !IsZero(Member(member));

    /// <summary>The zero value of a decoded member: absent, null, false, 0 or "". An empty list or map is not zero (Go decodes it non-nil).</summary>
    public static bool IsZero(YamlNode? node) => node switch
    {
        null => true,
        YamlScalar { IsNull: true } => true,
        YamlScalar { Kind: ScalarKind.Bool } flag => flag.TryGetBool(out var value) && !value,
        YamlScalar { Kind: ScalarKind.String } text => text.Value.Length == 0,
        _ => false,
    };

    private static bool? Boolean(YamlNode? node) => node is YamlScalar scalar && scalar.TryGetBool(out var value) ? value : null;

    /// <summary>
    /// A member's value as <see cref="Validation.Field.Child(string)"/> reads it, without making a Field: CRD
    /// validation defaults nothing inside schemas, so the written value (null when written as null) is the value.
    /// Schemas are most of a CRD, and these reads are most of its validation.
    /// </summary>
    private YamlNode? Member(string name)
        => Field.Mapping?.GetEntry(name)?.Value is { } value && value is not YamlScalar { IsNull: true } ? value : null;

    private IReadOnlyList<string> Strings(string member)
    {
        var field = Field.Child(member);
        if (field.Sequence is null)
        {
            return [];
        }

        var values = new List<string>(field.Count);
        foreach (var item in field.Items())
        {
            values.Add(item.String ?? string.Empty);
        }

        return values;
    }
}
