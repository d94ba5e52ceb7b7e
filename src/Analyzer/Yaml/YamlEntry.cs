namespace KubeLint.Analyzer.Yaml;

/// <summary>One key/value pair of a mapping. <see cref="KeyText"/> is the key as a string (non-scalar keys render as their type).</summary>
public sealed class YamlEntry
{
    public YamlEntry(YamlNode key, YamlNode value, string keyText)
    {
        Key = key;
        Value = value;
        KeyText = keyText;
    }

    public YamlNode Key { get; }

    public YamlNode Value { get; }

    public string KeyText { get; }
}
