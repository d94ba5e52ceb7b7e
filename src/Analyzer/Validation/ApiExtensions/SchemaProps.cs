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

    private readonly Field? _field;

    // A member that is absent is only named (its parent and name): most schema nodes have no items, not or
    // additionalProperties, and their field is created only when a finding needs its path.
    private readonly Field? _parent;
    private readonly string? _member;
    private readonly bool _isSchema;

    public SchemaProps(Field field)
        : this(field, isSchema: true)
    {
    }

    private SchemaProps(Field field, bool isSchema)
    {
        _field = field;
        _parent = null;
        _member = null;
        _isSchema = isSchema;
    }

    private SchemaProps(Field parent, string member)
    {
        _field = null;
        _parent = parent;
        _member = member;
        _isSchema = false;
    }

    public Field Field => _field ?? _parent!.Child(_member!);

    /// <summary>Whether a schema is there: a mapping (a list where one schema belongs, or a boolean, is not one).</summary>
    public bool IsSet => _isSchema && _field?.Mapping is not null;

    public string Type => Text("type");

    public bool Nullable => Flag("nullable");

    public bool XIntOrString => Flag("x-kubernetes-int-or-string");

    public bool XEmbeddedResource => Flag("x-kubernetes-embedded-resource");

    /// <summary>x-kubernetes-preserve-unknown-fields: null when unset, else its value (false is an error of its own).</summary>
    public bool? XPreserveUnknownFields => Boolean("x-kubernetes-preserve-unknown-fields");

    public bool PreservesUnknownFields => XPreserveUnknownFields == true;

    /// <summary>x-kubernetes-list-type, or null when unset.</summary>
    public string? XListType => String("x-kubernetes-list-type");

    /// <summary>x-kubernetes-map-type, or null when unset.</summary>
    public string? XMapType => String("x-kubernetes-map-type");

    public IReadOnlyList<string> XListMapKeys => Strings("x-kubernetes-list-map-keys");

    public IReadOnlyList<string> Required => Strings("required");

    public Field Default => Field.Child("default");

    /// <summary>The <c>items</c> member: a schema (a mapping) or, rejected, a list of schemas.</summary>
    public Field ItemsField => Field.Child("items");

    /// <summary>The single items schema, unset when items is absent or a list.</summary>
    public SchemaProps Items => Member("items", mappingOnly: true);

    public bool ItemsIsArray => ValueOf("items") is YamlSequence;

    public Field Properties => Field.Child("properties");

    /// <summary>The properties; most schema nodes are leaves, for which nothing is allocated.</summary>
    public IEnumerable<(string Name, SchemaProps Schema)> PropertyEntries
        => ValueOf("properties") is YamlMapping ? PropertiesOf(Field.Child("properties")) : [];

    public bool HasProperties => ValueOf("properties") switch
    {
        YamlMapping properties => Field.View.EntryCount(properties) > 0,
        YamlSequence list => list.Count > 0,
        _ => false,
    };

    public SchemaProps Property(string name) => new(Field.Child("properties").Key(name));

    public bool HasProperty(string name) => ValueOf("properties") is YamlMapping && Field.Child("properties").Key(name).IsSet;

    /// <summary>The additionalProperties member: a schema, or a boolean (<c>JSONSchemaPropsOrBool</c>).</summary>
    public Field AdditionalPropertiesField => Field.Child("additionalProperties");

    /// <summary>The additionalProperties schema, unset for a boolean.</summary>
    public SchemaProps AdditionalProperties => Member("additionalProperties", mappingOnly: true);

    /// <summary>The <c>not</c> schema.</summary>
    public SchemaProps Not => Member("not", mappingOnly: false);

    /// <summary>The clauses of allOf, anyOf or oneOf; nothing is allocated when there are none.</summary>
    public IEnumerable<SchemaProps> Junction(string name)
        => ValueOf(name) is YamlSequence ? ClausesOf(Field.Child(name)) : [];

    public Field XValidations => Field.Child("x-kubernetes-validations");

    public string Text(string member) => String(member) ?? string.Empty;

    public bool Flag(string member) => Boolean(member) == true;

    /// <summary>A member's scalar text, as <see cref="Validation.Field.String"/> of the member.</summary>
    public string? String(string member) => ValueOf(member) is YamlScalar scalar ? scalar.Value : null;

    /// <summary>A member's boolean, as <see cref="Validation.Field.Boolean"/> of the member.</summary>
    public bool? Boolean(string member) => ValueOf(member) is YamlScalar scalar && scalar.TryGetBool(out var value) ? value : null;

    /// <summary>A member's value (<see cref="Validation.Field.ValueOf"/>); an absent schema has none.</summary>
    public YamlNode? ValueOf(string member) => _field?.ValueOf(member);

    /// <summary>
    /// A member that holds a schema: set when it is a mapping, or (unless <paramref name="mappingOnly"/>) whatever it
    /// holds, as <c>new SchemaProps(Field.Child(name))</c>; the field is created only when the member is written.
    /// </summary>
    private SchemaProps Member(string name, bool mappingOnly)
    {
        if (ValueOf(name) is not { } value)
        {
            return new SchemaProps(Field, name);
        }

        return new SchemaProps(Field.Child(name), isSchema: !mappingOnly || value is YamlMapping);
    }

    /// <summary>
    /// Whether the member decodes to a non-zero Go value: set, and not false or "" unless the Go field is a pointer
    /// (<c>$ref</c>, <c>x-kubernetes-list-type</c>, <c>additionalProperties: false</c>, ...), which is set whatever it holds.
    /// </summary>
    public bool Has(string member)
        => PointerMembers.Contains(member) ? ValueOf(member) is not null : !IsZero(ValueOf(member));

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
        if (ValueOf(member) is not YamlSequence)
        {
            return [];
        }

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

    private static IEnumerable<(string Name, SchemaProps Schema)> PropertiesOf(Field properties)
    {
        foreach (var (name, value) in properties.Entries())
        {
            yield return (name, new SchemaProps(value));
        }
    }

    private static IEnumerable<SchemaProps> ClausesOf(Field junction)
    {
        foreach (var item in junction.Items())
        {
            yield return new SchemaProps(item);
        }
    }
}
