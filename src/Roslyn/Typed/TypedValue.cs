using Microsoft.CodeAnalysis;

namespace KubeLint.Roslyn.Typed;

/// <summary>A value read from a C# initializer tree, with the C# location a finding about it is reported at.</summary>
internal abstract class TypedValue
{
    protected TypedValue(Location location)
    {
        Location = location;
    }

    public Location Location { get; }
}

/// <summary>A constant, already rendered as a YAML scalar (strings double-quoted, so they are never re-typed).</summary>
internal sealed class TypedScalar(string yaml, Location location) : TypedValue(location)
{
    public string Yaml { get; } = yaml;
}

internal sealed class TypedMapping(Location location) : TypedValue(location)
{
    private readonly List<TypedEntry> _entries = [];

    public IReadOnlyList<TypedEntry> Entries => _entries;

    /// <summary>Sets a key; a later assignment of the same property replaces an earlier one, as it does at run time.</summary>
    public void Set(TypedEntry entry)
    {
        var index = _entries.FindIndex(e => string.Equals(e.Key, entry.Key, StringComparison.Ordinal));
        if (index >= 0)
        {
            _entries[index] = entry;
        }
        else
        {
            _entries.Add(entry);
        }
    }

    public void Remove(string key) => _entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.Ordinal));
}

internal sealed class TypedSequence(IReadOnlyList<TypedValue> items, Location location) : TypedValue(location)
{
    public IReadOnlyList<TypedValue> Items { get; } = items;
}

/// <summary>A key of a mapping: a property (by its JSON name) or a dictionary key.</summary>
internal sealed class TypedEntry(string key, TypedValue value, Location location)
{
    public string Key { get; } = key;

    public TypedValue Value { get; } = value;

    /// <summary>The property name for nested objects and lists, the whole assignment for a constant.</summary>
    public Location Location { get; } = location;
}
