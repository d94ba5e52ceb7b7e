using System.Globalization;
using System.Text;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// A field of the object under validation, as apimachinery's <c>field.Path</c> names it
/// (<c>spec.template.spec.containers[0].image</c>, <c>metadata.labels[app]</c>), with its value after defaulting:
/// the source node, a default of the <see cref="ObjectView"/>, or nothing when the field is absent.
/// Validations read values through it so that a value the decoder would reject (a mapping where a string belongs)
/// reads as absent: schema validation reports those, and a second finding would only repeat it.
/// </summary>
public sealed class Field
{
    private readonly Field? _parent;
    private readonly string? _name;
    private readonly string? _subscript;

    private Field(ObjectView view, Field? parent, string? name, string? subscript, YamlNode? node, YamlNode? keyNode)
    {
        View = view;
        _parent = parent;
        _name = name;
        _subscript = subscript;
        Node = node is YamlScalar { IsNull: true } ? null : node;
        KeyNode = keyNode;
    }

    public ObjectView View { get; }

    /// <summary>The value: a source node, a defaulted one, or null when the field is absent or null.</summary>
    public YamlNode? Node { get; }

    /// <summary>The key of the field's entry when it is a map entry (<c>labels[app]</c>): findings about keys point there.</summary>
    public YamlNode? KeyNode { get; }

    public Field? Parent => _parent;

    /// <summary>The member name of this field in its parent mapping, or null for an item or map entry.</summary>
    internal string? MemberName => _name;

    /// <summary>The subscript of an item (its index) or a map entry (its key), or null for a member.</summary>
    internal string? Subscript => _subscript;

    public bool IsSet => Node is not null;

    /// <summary>True when the value was filled in by defaulting, not written in the manifest.</summary>
    public bool IsDefaulted => Node is not null && View.IsDefault(Node);

    /// <summary>
    /// Where a finding about this field points: the value as written; its key when written as null or as a value
    /// that a default replaced (an empty string); for a field that is absent (or only defaulted), the nearest enclosing
    /// field that is written, at its key when it is a mapping entry (<c>metadata:</c> for a missing
    /// <c>metadata.name</c>), else at its value (a list item).
    /// </summary>
    public YamlNode Anchor
    {
        get
        {
            if (Node is { } own && !View.IsDefault(own))
            {
                return own;
            }

            if (KeyNode is { } key)
            {
                // Written as null (`selector:`) or as a value defaulting replaced: the key is where the value is.
                return key;
            }

            for (var current = _parent; current is not null; current = current._parent)
            {
                if (current.Node is { } node && !current.View.IsDefault(node))
                {
                    return current.KeyNode ?? node;
                }
            }

            return View.Object.Root;
        }
    }

    public YamlMapping? Mapping => Node as YamlMapping;

    public YamlSequence? Sequence => Node as YamlSequence;

    /// <summary>A scalar's text (numbers and booleans as written), or null for absent, null and non-scalar values.</summary>
    public string? String => Node is YamlScalar scalar ? scalar.Value : null;

    /// <summary>True when the value is a YAML string (quoted, or plain text that is not a number, boolean or null).</summary>
    public bool IsString => Node is YamlScalar { Kind: ScalarKind.String };

    /// <summary>
    /// The integer the API server stores for the value, or null when it is no whole number: a whole float counts (Go
    /// writes 3.0 as 3 on the way to JSON), a number beyond an int32 field's range is wrapped and one beyond int64 is
    /// -9223372036854775808, as decoding does (<see cref="Model.DecodedInteger"/>).
    /// </summary>
    public long? Integer => Node is YamlScalar scalar ? View.DecodedInteger(scalar) : null;

    public bool? Boolean => Node is YamlScalar scalar && scalar.TryGetBool(out var value) ? value : null;

    /// <summary>Items of a sequence (none when the field is absent or not a sequence).</summary>
    public int Count => Node switch
    {
        YamlSequence sequence => sequence.Count,
        YamlMapping mapping => View.EntryCount(mapping),
        _ => 0,
    };

    /// <summary>The member <paramref name="name"/> of a mapping value: <c>path.name</c>.</summary>
    public Field Child(string name)
    {
        var value = Member(name, out var entry);
        return new Field(View, this, name, null, value, entry?.Key);
    }

    /// <summary>
    /// The value of <c>Child(name)</c> (<see cref="Node"/>) without creating the field: for the many reads of a
    /// member that only look at its value (a CRD's schema members are read this way for every schema node, by
    /// several checks), so that only fields that are reported or walked into are allocated.
    /// </summary>
    public YamlNode? ValueOf(string name) => Member(name, out _) is { } value and not YamlScalar { IsNull: true } ? value : null;

    private YamlNode? Member(string name, out YamlEntry? entry)
    {
        if (Node is not YamlMapping mapping)
        {
            entry = null;
            return null;
        }

        entry = mapping.GetEntry(name);
        var value = entry?.Value switch
        {
            YamlScalar { IsNull: true } => null,
            YamlScalar { Kind: ScalarKind.String, Value.Length: 0 } empty => View.DefaultOf(mapping, name) ?? empty,
            var written => written,
        };
        return value ?? View.DefaultOf(mapping, name);
    }

    /// <summary>A path of members, e.g. <c>Child("spec", "template", "spec")</c>.</summary>
    public Field Child(string name, params string[] more)
    {
        var field = Child(name);
        foreach (var next in more)
        {
            field = field.Child(next);
        }

        return field;
    }

    /// <summary>Item <paramref name="index"/> of a sequence value: <c>path[index]</c>.</summary>
    public Field Item(int index)
        => new(View, this, null, index.ToString(CultureInfo.InvariantCulture), Node is YamlSequence s && index >= 0 && index < s.Count ? s.Items[index] : null, null);

    /// <summary>The entry <paramref name="key"/> of a map value: <c>path[key]</c>.</summary>
    public Field Key(string key)
    {
        var entry = (Node as YamlMapping)?.GetEntry(key);
        var value = entry?.Value ?? (Node is YamlMapping mapping ? View.DefaultOf(mapping, key) : null);
        return new Field(View, this, null, key, value, entry?.Key);
    }

    /// <summary>The items of a sequence value, each as <c>path[i]</c> (nothing is allocated for other values).</summary>
    public IEnumerable<Field> Items() => Node is YamlSequence sequence ? ItemsOf(sequence) : [];

    private IEnumerable<Field> ItemsOf(YamlSequence sequence)
    {
        for (var i = 0; i < sequence.Count; i++)
        {
            yield return new Field(View, this, null, i.ToString(CultureInfo.InvariantCulture), sequence.Items[i], null);
        }
    }

    /// <summary>The entries of a map value (labels, annotations, data), each as <c>path[key]</c>, in source order.</summary>
    public IEnumerable<(string Key, Field Value)> Entries() => Node is YamlMapping mapping ? EntriesOf(mapping) : [];

    private IEnumerable<(string Key, Field Value)> EntriesOf(YamlMapping mapping)
    {
        foreach (var entry in mapping.Entries)
        {
            yield return (entry.KeyText, Entry(entry.KeyText, entry.Value, entry.Key));
        }

        foreach (var pair in View.DefaultsOf(mapping))
        {
            yield return (pair.Key, Entry(pair.Key, pair.Value, null));
        }
    }

    /// <summary>One entry of a map value, as <see cref="Entries"/> gives it: for callers that keep the entries themselves.</summary>
    internal Field Entry(string key, YamlNode? value, YamlNode? keyNode) => new(View, this, null, key, value, keyNode);

    /// <summary>The same field under another path, for validations upstream runs with a path that differs from the value's place.</summary>
    public Field WithPath(Field path) => new(View, path._parent, path._name, path._subscript, Node, KeyNode);

    /// <summary>The path as the API server prints it.</summary>
    public override string ToString()
    {
        var chain = new List<Field>();
        for (var current = this; current is not null && (current._name is not null || current._subscript is not null); current = current._parent)
        {
            chain.Add(current);
        }

        var text = new StringBuilder();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var step = chain[i];
            if (step._name is not null)
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(step._name);
            }
            else
            {
                text.Append('[').Append(step._subscript).Append(']');
            }
        }

        return text.ToString();
    }

    internal static Field Root(ObjectView view) => new(view, null, null, null, view.Object.Root, null);
}
