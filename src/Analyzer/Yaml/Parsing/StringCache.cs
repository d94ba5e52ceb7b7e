namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>
/// Reuses the string of a short scalar seen before in the same input: manifests repeat the same keys and values
/// ("name", "image", "true") thousands of times, and one lookup is cheaper than a new string and its collection.
/// A fixed-size table where a new string replaces the old one in its slot; no chaining, so cost stays bounded.
/// </summary>
internal sealed class StringCache
{
    public const int MaxLength = 32;
    private const int Size = 1024;
    private readonly string?[] _entries = new string?[Size];

    public string Get(string text, int start, int length)
    {
        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 16777619u;
        }

        var slot = (int)(hash & (Size - 1));
        var cached = _entries[slot];
        if (cached is not null && cached.Length == length && string.CompareOrdinal(cached, 0, text, start, length) == 0)
        {
            return cached;
        }

        var value = text.Substring(start, length);
        _entries[slot] = value;
        return value;
    }
}
