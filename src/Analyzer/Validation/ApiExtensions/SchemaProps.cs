using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// One JSONSchemaProps of a CRD (apiextensions-apiserver pkg/apis/apiextensions/types_jsonschema.go), with the
/// <see cref="Field"/> that names it as the server does (<c>...properties[spec].type</c>). Members hold what the
/// decoder makes of the YAML: a null or absent member is unset, <c>false</c> and <c>""</c> are the zero value.
/// </summary>
/// <remarks>
/// Shaped for speed, since every node of every CRD schema is read by several checks (the structural-schema
/// conversion and invariants, the OpenAPI-schema validation, field paths of rules), each asking for a dozen members:
/// <list type="bullet">
/// <item>a node's members are decoded once, on first read, into a bit mask of the members it sets and an array of
/// their values in member order, so reading one (mostly absent) costs a mask test and a population count;</item>
/// <item>its child schemas (items, properties, junction clauses, not, additionalProperties) are created once and
/// kept, so the checks walk one tree instead of each building its own;</item>
/// <item>the <see cref="Field"/> of a node, which only a finding needs, is built from its parent's on first use.</item>
/// </list>
/// </remarks>
internal sealed class SchemaProps
{
    private const int MemberCount = (int)SchemaMember.XValidations + 1;

    private static readonly HashSet<SchemaMember> PointerMembers =
    [
        SchemaMember.Ref, SchemaMember.Default, SchemaMember.Example, SchemaMember.Items, SchemaMember.Not,
        SchemaMember.AdditionalProperties, SchemaMember.AdditionalItems, SchemaMember.ExternalDocs,
        SchemaMember.XPreserveUnknownFields, SchemaMember.XListType, SchemaMember.XMapType,
    ];

    // Decoding gathers a node's member values here before it knows how many there are; one per thread, since
    // objects are validated in parallel.
    [ThreadStatic]
    private static YamlNode?[]? _scratch;

    // What an absent member (no items, no not, the usual case) reads as: one shared node, since such nodes are
    // asked for on every schema node and only ever asked whether they are set. Its field is never read: every
    // check reports about a member through its parent (ItemsField, AdditionalPropertiesField) when it is absent.
    private static readonly SchemaProps Absent = new();

    private readonly ObjectView? _view;
    private readonly YamlNode? _value;

    // How this node is reached from its parent, to build its field when one is needed: a member of the parent
    // (items, not), an entry of a map member (properties[name]) or an item of a list member (allOf[0]).
    private readonly SchemaProps? _parent;
    private readonly SchemaMember _member;
    private readonly string? _key;
    private readonly YamlNode? _keyNode;
    private readonly bool _lookedUp;
    private readonly int _index;
    private Field? _field;

    private bool _decoded;
    private ulong _present;
    private YamlNode[] _values = [];

    private SchemaProps? _items;
    private SchemaProps? _additionalProperties;
    private SchemaProps? _not;
    private (string Name, SchemaProps Schema)[]? _properties;
    private SchemaProps[]? _allOf;
    private SchemaProps[]? _anyOf;
    private SchemaProps[]? _oneOf;
    private bool _conversionChecked;
    private string? _conversionError;

    private SchemaProps()
    {
        _index = -1;
        _decoded = true;
        _conversionChecked = true;
    }

    public SchemaProps(Field field)
    {
        _view = field.View;
        _value = field.Node;
        _field = field;
        _index = -1;
    }

    private SchemaProps(SchemaProps parent, SchemaMember member, YamlNode? value, string? key = null, YamlNode? keyNode = null, int index = -1, bool lookedUp = false)
    {
        _view = parent._view;
        _value = value is YamlScalar { IsNull: true } ? null : value;
        _parent = parent;
        _member = member;
        _key = key;
        _keyNode = keyNode;
        _index = index;
        _lookedUp = lookedUp;
    }

    public Field Field => _field ??= CreateField();

    /// <summary>Whether a schema is there: a mapping (a list where one schema belongs, or a boolean, is not one).</summary>
    public bool IsSet => _value is YamlMapping;

    public string Type => Text(SchemaMember.Type);

    public bool Nullable => Flag(SchemaMember.Nullable);

    public bool XIntOrString => Flag(SchemaMember.XIntOrString);

    public bool XEmbeddedResource => Flag(SchemaMember.XEmbeddedResource);

    /// <summary>x-kubernetes-preserve-unknown-fields: null when unset, else its value (false is an error of its own).</summary>
    public bool? XPreserveUnknownFields => Boolean(SchemaMember.XPreserveUnknownFields);

    public bool PreservesUnknownFields => XPreserveUnknownFields == true;

    /// <summary>x-kubernetes-list-type, or null when unset.</summary>
    public string? XListType => String(SchemaMember.XListType);

    /// <summary>x-kubernetes-map-type, or null when unset.</summary>
    public string? XMapType => String(SchemaMember.XMapType);

    public IReadOnlyList<string> XListMapKeys => Strings(SchemaMember.XListMapKeys);

    public IReadOnlyList<string> Required => Strings(SchemaMember.Required);

    public Field Default => Field.Child("default");

    /// <summary>The <c>items</c> member: a schema (a mapping) or, rejected, a list of schemas.</summary>
    public Field ItemsField => Field.Child("items");

    /// <summary>The single items schema, unset when items is absent or a list.</summary>
    public SchemaProps Items => _items ??= Child(SchemaMember.Items);

    public bool ItemsIsArray => ValueOf(SchemaMember.Items) is YamlSequence;

    /// <summary>The schemas of an <c>items</c> list (rejected, but still validated inside, as upstream does).</summary>
    public SchemaProps[] ItemClauses => ClauseArray(SchemaMember.Items);

    public Field Properties => Field.Child("properties");

    /// <summary>The properties, in source order (then any defaulted ones); none for the many leaves.</summary>
    /// <remarks>Arrays, here and for junctions, so that the checks' foreach loops need no enumerator.</remarks>
    public (string Name, SchemaProps Schema)[] PropertyEntries => _properties ??= MapEntries(SchemaMember.Properties);

    public bool HasProperties => ValueOf(SchemaMember.Properties) switch
    {
        YamlMapping properties => _view!.EntryCount(properties) > 0,
        YamlSequence list => list.Count > 0,
        _ => false,
    };

    /// <summary>The additionalProperties member: a schema, or a boolean (<c>JSONSchemaPropsOrBool</c>).</summary>
    public Field AdditionalPropertiesField => Field.Child("additionalProperties");

    /// <summary>The additionalProperties schema, unset for a boolean.</summary>
    public SchemaProps AdditionalProperties => _additionalProperties ??= Child(SchemaMember.AdditionalProperties);

    /// <summary>The <c>not</c> schema.</summary>
    public SchemaProps Not => _not ??= Child(SchemaMember.Not);

    public Field XValidations => Field.Child("x-kubernetes-validations");

    /// <summary>
    /// The error of <c>NewStructural</c> for this schema (<see cref="StructuralSchema.ConversionError"/>), worked out
    /// once per node: the rules' field paths ask again for the schema they are written on.
    /// </summary>
    public string? ConversionError
    {
        get
        {
            if (!_conversionChecked)
            {
                _conversionError = StructuralSchema.FindConversionError(this);
                _conversionChecked = true;
            }

            return _conversionError;
        }
    }

    /// <summary>The zero value of a decoded member: absent, null, false, 0 or "". An empty list or map is not zero (Go decodes it non-nil).</summary>
    public static bool IsZero(YamlNode? node) => node switch
    {
        null => true,
        YamlScalar { IsNull: true } => true,
        YamlScalar { Kind: ScalarKind.Bool } flag => flag.TryGetBool(out var value) && !value,
        YamlScalar { Kind: ScalarKind.String } text => text.Value.Length == 0,
        _ => false,
    };

    /// <summary>The clauses of allOf, anyOf or oneOf; none when the member is absent or no list.</summary>
    public SchemaProps[] Junction(SchemaMember junction) => junction switch
    {
        SchemaMember.AllOf => _allOf ??= ClauseArray(SchemaMember.AllOf),
        SchemaMember.AnyOf => _anyOf ??= ClauseArray(SchemaMember.AnyOf),
        SchemaMember.OneOf => _oneOf ??= ClauseArray(SchemaMember.OneOf),
        _ => throw new ArgumentOutOfRangeException(nameof(junction)),
    };

    /// <summary>The schema a member holds (items, not, additionalProperties, additionalItems), set or not.</summary>
    public SchemaProps Schema(SchemaMember member) => member switch
    {
        SchemaMember.Items => Items,
        SchemaMember.AdditionalProperties => AdditionalProperties,
        SchemaMember.Not => Not,
        _ => Child(member),
    };

    /// <summary>The schemas of a map member (properties, patternProperties, definitions, dependencies), each as <c>member[key]</c>.</summary>
    public (string Name, SchemaProps Schema)[] MapEntries(SchemaMember member)
    {
        if (member == SchemaMember.Properties && _properties is { } properties)
        {
            return properties;
        }

        if (ValueOf(member) is not YamlMapping mapping)
        {
            return [];
        }

        var view = _view!;
        var written = mapping.Entries;
        var entries = new (string, SchemaProps)[view.EntryCount(mapping)];
        for (var i = 0; i < written.Count; i++)
        {
            var entry = written[i];
            entries[i] = (entry.KeyText, new SchemaProps(this, member, entry.Value, entry.KeyText, entry.Key));
        }

        if (entries.Length > written.Count)
        {
            var i = written.Count;
            foreach (var pair in view.DefaultsOf(mapping))
            {
                entries[i++] = (pair.Key, new SchemaProps(this, member, pair.Value, pair.Key));
            }
        }

        return entries;
    }

    /// <summary>The property <paramref name="name"/> as <c>properties[name]</c>, set or not.</summary>
    public SchemaProps Property(string name)
    {
        if (ValueOf(SchemaMember.Properties) is YamlMapping mapping)
        {
            // As Field.Key: the last entry of that name, else a default.
            var written = mapping.Count;
            var entries = PropertyEntries;
            for (var i = written - 1; i >= 0; i--)
            {
                if (entries[i].Name == name)
                {
                    return entries[i].Schema;
                }
            }

            for (var i = written; i < entries.Length; i++)
            {
                if (entries[i].Name == name)
                {
                    return entries[i].Schema;
                }
            }
        }

        return new SchemaProps(this, SchemaMember.Properties, null, name, lookedUp: true);
    }

    /// <summary>Whether <c>properties[name]</c> is set, found through the mapping's own lookup: this is asked of every node (has it metadata?).</summary>
    public bool HasProperty(string name)
    {
        if (ValueOf(SchemaMember.Properties) is not YamlMapping mapping)
        {
            return false;
        }

        // As Field.Key: a written entry counts whatever it holds, a default only where there is none.
        var value = mapping.GetEntry(name) is { } entry ? entry.Value : _view!.HasDefaults ? _view.DefaultOf(mapping, name) : null;
        return value is not null and not YamlScalar { IsNull: true };
    }

    public string Text(SchemaMember member) => String(member) ?? string.Empty;

    public bool Flag(SchemaMember member) => Boolean(member) == true;

    /// <summary>A member's scalar text, as <see cref="Validation.Field.String"/> of the member.</summary>
    public string? String(SchemaMember member) => ValueOf(member) is YamlScalar scalar ? scalar.Value : null;

    /// <summary>A member's boolean, as <see cref="Validation.Field.Boolean"/> of the member.</summary>
    public bool? Boolean(SchemaMember member) => ValueOf(member) is YamlScalar scalar && scalar.TryGetBool(out var value) ? value : null;

    /// <summary>A member's value, as <see cref="Validation.Field.ValueOf"/>; an absent schema has none.</summary>
    public YamlNode? ValueOf(SchemaMember member)
    {
        if (!_decoded)
        {
            Decode();
        }

        var bit = 1UL << (int)member;
        return (_present & bit) == 0 ? null : _values[PopCount(_present & (bit - 1))];
    }

    /// <summary>A member's value by JSON name; a name JSONSchemaProps does not have is read from the YAML as written.</summary>
    public YamlNode? ValueOf(string member)
        => SchemaMembers.TryParse(member, out var known) ? ValueOf(known) : _value is YamlMapping ? Field.ValueOf(member) : null;

    /// <summary>
    /// Whether the member decodes to a non-zero Go value: set, and not false or "" unless the Go field is a pointer
    /// (<c>$ref</c>, <c>x-kubernetes-list-type</c>, <c>additionalProperties: false</c>, ...), which is set whatever it holds.
    /// </summary>
    public bool Has(SchemaMember member)
        => PointerMembers.Contains(member) ? ValueOf(member) is not null : !IsZero(ValueOf(member));

    /// <summary><see cref="Has(SchemaMember)"/> by JSON name; a name JSONSchemaProps does not have is read as written.</summary>
    public bool Has(string member)
        => SchemaMembers.TryParse(member, out var known) ? Has(known) : !IsZero(ValueOf(member));

    private static int PopCount(ulong value)
    {
#if NET
        return System.Numerics.BitOperations.PopCount(value);
#else
        var count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
#endif
    }

    /// <summary>
    /// Reads the members as <see cref="Validation.Field.ValueOf"/> would, one at a time: the last entry of a name
    /// counts, a null is unset, and defaulting fills an absent (or, for an empty string, replaced) member.
    /// </summary>
    private void Decode()
    {
        _decoded = true;
        if (_value is not YamlMapping mapping)
        {
            return;
        }

        var view = _view!;
        var scratch = _scratch ??= new YamlNode?[MemberCount];
        ulong present = 0;
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!SchemaMembers.TryParse(entry.KeyText, out var member))
            {
                continue;
            }

            var value = entry.Value switch
            {
                YamlScalar { IsNull: true } => null,
                YamlScalar { Kind: ScalarKind.String, Value.Length: 0 } empty => (view.HasDefaults ? view.DefaultOf(mapping, entry.KeyText) : null) ?? empty,
                var written => written,
            };
            scratch[(int)member] = value;
            present = value is null ? present & ~(1UL << (int)member) : present | (1UL << (int)member);
        }

        if (view.HasDefaults)
        {
            foreach (var pair in view.DefaultsOf(mapping))
            {
                if (SchemaMembers.TryParse(pair.Key, out var member) && (present & (1UL << (int)member)) == 0 && pair.Value is not YamlScalar { IsNull: true })
                {
                    scratch[(int)member] = pair.Value;
                    present |= 1UL << (int)member;
                }
            }
        }

        _present = present;
        _values = new YamlNode[PopCount(present)];
        var next = 0;
        for (var i = 0; i < MemberCount; i++)
        {
            if ((present & (1UL << i)) != 0)
            {
                _values[next++] = scratch[i]!;
            }

            scratch[i] = null;
        }
    }

    private Field CreateField()
    {
        var parent = _parent ?? throw new InvalidOperationException("an absent schema has no field; report through its parent");
        var owner = parent.Field.Child(SchemaMembers.NameOf(_member));
        if (_lookedUp)
        {
            return owner.Key(_key!);
        }

        if (_key is not null)
        {
            return owner.Entry(_key, _value, _keyNode);
        }

        return _index >= 0 ? owner.Item(_index) : owner;
    }

    private SchemaProps Child(SchemaMember member) => ValueOf(member) is { } value ? new(this, member, value) : Absent;

    private SchemaProps[] ClauseArray(SchemaMember member)
    {
        if (ValueOf(member) is not YamlSequence sequence)
        {
            return [];
        }

        var clauses = new SchemaProps[sequence.Count];
        for (var i = 0; i < clauses.Length; i++)
        {
            clauses[i] = new SchemaProps(this, member, sequence.Items[i], index: i);
        }

        return clauses;
    }

    private IReadOnlyList<string> Strings(SchemaMember member)
    {
        if (ValueOf(member) is not YamlSequence sequence)
        {
            return [];
        }

        var values = new List<string>(sequence.Count);
        foreach (var item in sequence.Items)
        {
            values.Add(item is YamlScalar { IsNull: false } scalar ? scalar.Value : string.Empty);
        }

        return values;
    }
}
