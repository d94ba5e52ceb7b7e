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
    public bool? XPreserveUnknownFields => Field.Child("x-kubernetes-preserve-unknown-fields").Boolean;

    public bool PreservesUnknownFields => XPreserveUnknownFields == true;

    /// <summary>x-kubernetes-list-type, or null when unset.</summary>
    public string? XListType => Field.Child("x-kubernetes-list-type").String;

    /// <summary>x-kubernetes-map-type, or null when unset.</summary>
    public string? XMapType => Field.Child("x-kubernetes-map-type").String;

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

    public string Text(string member) => Field.Child(member).String ?? string.Empty;

    public bool Flag(string member) => Field.Child(member).Boolean == true;

    /// <summary>
    /// Whether the member decodes to a non-zero Go value: set, and not false or "" unless the Go field is a pointer
    /// (<c>$ref</c>, <c>x-kubernetes-list-type</c>, <c>additionalProperties: false</c>, ...), which is set whatever it holds.
    /// </summary>
    public bool Has(string member)
        => PointerMembers.Contains(member) ? Field.Child(member).IsSet : !IsZero(Field.Child(member).Node);

    /// <summary>The zero value of a decoded member: absent, null, false, 0 or "". An empty list or map is not zero (Go decodes it non-nil).</summary>
    public static bool IsZero(YamlNode? node) => node switch
    {
        null => true,
        YamlScalar { IsNull: true } => true,
        YamlScalar { Kind: ScalarKind.Bool } flag => flag.TryGetBool(out var value) && !value,
        YamlScalar { Kind: ScalarKind.String } text => text.Value.Length == 0,
        _ => false,
    };

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
