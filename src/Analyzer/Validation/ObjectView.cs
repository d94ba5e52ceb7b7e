using System.Runtime.CompilerServices;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// An object as the API server validates it: the manifest's tree with the API's defaults laid over it
/// (<c>SetDefaults_*</c> in pkg/apis/&lt;group&gt;/v1/defaults.go run before validation). The source tree is never
/// changed: defaults live beside it, keyed by the mapping they belong to, and a defaulted value's span is that of the
/// mapping it was added to, so a finding about it points where the field would have to be written.
/// </summary>
public sealed class ObjectView
{
    // Keyed by node identity: equal-looking mappings of different objects must not share defaults.
    private readonly Dictionary<YamlMapping, List<KeyValuePair<string, YamlNode>>> _defaults = new(ReferenceComparer.Instance);
    private readonly HashSet<YamlNode> _synthetic = new(ReferenceComparer.Instance);

    private readonly IReadOnlyCollection<YamlScalar> _int32Wrapped;

    /// <param name="obj">The object.</param>
    /// <param name="int32Wrapped">The numbers of int32 fields beyond int32, which decoding stores wrapped (<see cref="DecodedInteger"/>).</param>
    public ObjectView(KubeObject obj, IReadOnlyCollection<YamlScalar>? int32Wrapped = null)
    {
        Object = obj;
        _int32Wrapped = int32Wrapped ?? [];
        Root = Field.Root(this);
    }

    public KubeObject Object { get; }

    /// <summary>The object's root; defaults added after this was read are seen by fields read afterwards.</summary>
    public Field Root { get; private set; }

    /// <summary>The integer an int64 or int32 field holds after decoding, or null when the value is no whole number.</summary>
    public long? DecodedInteger(YamlScalar scalar)
        => Model.DecodedInteger.TryRead(scalar, out var value)
            ? _int32Wrapped.Count > 0 && _int32Wrapped.Contains(scalar) ? Model.DecodedInteger.ToInt32(value) : value
            : null;

    /// <summary>Sets <paramref name="key"/> of the mapping <paramref name="parent"/> to a string when it is absent or null.</summary>
    public void Default(Field parent, string key, string value)
        => Default(parent, key, span => new YamlScalar(value, isPlain: false, span));

    /// <summary>
    /// Sets a plain string member that is absent, null or empty, as Go's <c>if x == ""</c> defaulting does for a
    /// non-pointer string field: a written empty string then reads as the default. Pointer fields (<c>*string</c>)
    /// keep a written empty string; default those with <see cref="Default(Field, string, string)"/>.
    /// </summary>
    public void DefaultEmpty(Field parent, string key, string value)
    {
        var target = Ensure(parent);
        if (target.Mapping is not { } mapping || target.Child(key) is { IsSet: true, Node: not YamlScalar { Kind: ScalarKind.String, Value.Length: 0 } })
        {
            return;
        }

        Add(mapping, key, new YamlScalar(value, isPlain: false, SpanOf(target)));
    }

    /// <summary>Sets an integer default.</summary>
    public void Default(Field parent, string key, long value)
        => Default(parent, key, span => new YamlScalar(value.ToString(System.Globalization.CultureInfo.InvariantCulture), isPlain: true, span));

    /// <summary>Sets a boolean default.</summary>
    public void Default(Field parent, string key, bool value)
        => Default(parent, key, span => new YamlScalar(value ? "true" : "false", isPlain: true, span));

    /// <summary>
    /// The mapping at <paramref name="field"/>, created empty (as Go's defaulting allocates a struct) when absent.
    /// Returns the field re-read, so that members defaulted into it are visible. A value that is not a mapping is
    /// left alone: the decoder rejects it and schema validation reports it.
    /// </summary>
    public Field Ensure(Field field)
    {
        if (field.IsSet || field.Parent is not { } parent)
        {
            return field;
        }

        var parentMapping = Ensure(parent);
        if (parentMapping.Mapping is not { } mapping)
        {
            return field;
        }

        if (field.MemberName is not { } name)
        {
            return field;
        }

        var created = new YamlMapping([], SpanOf(parentMapping));
        Add(mapping, name, created);
        return Reread(field);
    }

    /// <summary>Re-reads a field from the root, after defaults were added on its way.</summary>
    public Field Reread(Field field)
    {
        var steps = new Stack<Field>();
        for (var f = field; f.Parent is not null; f = f.Parent)
        {
            steps.Push(f);
        }

        var current = Root;
        while (steps.Count > 0)
        {
            var step = steps.Pop();
            current = step.MemberName is { } name
                ? current.Child(name)
                : current.Sequence is not null && int.TryParse(step.Subscript, out var index) ? current.Item(index) : current.Key(step.Subscript!);
        }

        return current;
    }

    public bool IsDefault(YamlNode node) => _synthetic.Count > 0 && _synthetic.Contains(node);

    internal YamlNode? DefaultOf(YamlMapping mapping, string key)
    {
        if (_defaults.Count == 0 || !_defaults.TryGetValue(mapping, out var added))
        {
            return null;
        }

        foreach (var pair in added)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    internal IEnumerable<KeyValuePair<string, YamlNode>> DefaultsOf(YamlMapping mapping)
        => _defaults.Count > 0 && _defaults.TryGetValue(mapping, out var added) ? added : [];

    internal int EntryCount(YamlMapping mapping) => mapping.Count + (_defaults.Count > 0 && _defaults.TryGetValue(mapping, out var added) ? added.Count : 0);

    /// <summary>Whether defaulting added anything to this object: most kinds (CRDs among them) get nothing, and readers then skip every lookup.</summary>
    internal bool HasDefaults => _defaults.Count > 0;

    private void Default(Field parent, string key, Func<SourceSpan, YamlNode> create)
    {
        var target = Ensure(parent);
        if (target.Mapping is not { } mapping || target.Child(key).IsSet)
        {
            return;
        }

        Add(mapping, key, create(SpanOf(target)));
    }

    private void Add(YamlMapping mapping, string key, YamlNode value)
    {
        if (!_defaults.TryGetValue(mapping, out var added))
        {
            added = [];
            _defaults[mapping] = added;
        }

        added.Add(new KeyValuePair<string, YamlNode>(key, value));
        _synthetic.Add(value);
        Root = Field.Root(this);
    }

    private static SourceSpan SpanOf(Field field) => field.Anchor.Span;

    private sealed class ReferenceComparer : IEqualityComparer<YamlNode>, IEqualityComparer<YamlMapping>
    {
        public static ReferenceComparer Instance { get; } = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public bool Equals(YamlMapping? x, YamlMapping? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);

        public int GetHashCode(YamlMapping obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
