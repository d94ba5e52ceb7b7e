using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Yaml;

/// <summary>A mapping with its entries in source order. Duplicate keys were reported while loading; the last one is kept.</summary>
public sealed class YamlMapping : YamlNode
{
    // Most Kubernetes mappings have a handful of keys: a linear scan beats hashing until a mapping grows large.
    private const int IndexThreshold = 12;
    private readonly IReadOnlyList<YamlEntry> _entries;
    private Dictionary<string, YamlEntry>? _index;

    public YamlMapping(IReadOnlyList<YamlEntry> entries, SourceSpan span, string? tag = null)
        : base(span, tag)
    {
        _entries = entries;
    }

    public IReadOnlyList<YamlEntry> Entries => _entries;

    public int Count => _entries.Count;

    public override string TypeName => "object";

    public YamlNode? this[string key] => GetEntry(key)?.Value;

    public YamlEntry? GetEntry(string key)
    {
        if (_entries.Count > IndexThreshold)
        {
            _index ??= BuildIndex();
            return _index.TryGetValue(key, out var hit) ? hit : null;
        }

        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].KeyText == key)
            {
                return _entries[i];
            }
        }

        return null;
    }

    public bool ContainsKey(string key) => GetEntry(key) is not null;

    public YamlMapping? GetMapping(string key) => this[key] as YamlMapping;

    public YamlSequence? GetSequence(string key) => this[key] as YamlSequence;

    public YamlScalar? GetScalar(string key) => this[key] as YamlScalar;

    /// <summary>The value of a scalar entry that is not null, or null.</summary>
    public string? GetString(string key) => this[key] is YamlScalar { IsNull: false } s ? s.Value : null;

    /// <summary>Follows a path of mapping keys; null as soon as one step is missing or not a mapping.</summary>
    public YamlNode? GetPath(params string[] keys)
    {
        YamlNode? current = this;
        foreach (var key in keys)
        {
            current = (current as YamlMapping)?[key];
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private Dictionary<string, YamlEntry> BuildIndex()
    {
        var index = new Dictionary<string, YamlEntry>(_entries.Count, StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            index[entry.KeyText] = entry;
        }

        return index;
    }
}
