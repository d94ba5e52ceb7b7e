using System.Text;
using Microsoft.CodeAnalysis;

namespace KubeLint.Roslyn.Typed;

/// <summary>Writes a typed object as block YAML, one key or item per line, remembering each line's C# location.</summary>
internal sealed class YamlTextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<Location> _lines = [];

    public string Text => _text.ToString();

    public IReadOnlyList<Location> Lines => _lines;

    public void WriteEntries(IEnumerable<TypedEntry> entries, int indent)
    {
        foreach (var entry in entries)
        {
            var key = Quote(entry.Key) + ":";
            switch (entry.Value)
            {
                case TypedScalar scalar:
                    Line(indent, key + " " + scalar.Yaml, entry.Location);
                    break;
                case TypedMapping { Entries.Count: 0 }:
                    Line(indent, key + " {}", entry.Location);
                    break;
                case TypedMapping mapping:
                    Line(indent, key, entry.Location);
                    WriteEntries(mapping.Entries, indent + 2);
                    break;
                case TypedSequence { Items.Count: 0 }:
                    Line(indent, key + " []", entry.Location);
                    break;
                case TypedSequence sequence:
                    Line(indent, key, entry.Location);
                    WriteItems(sequence.Items, indent + 2);
                    break;
            }
        }
    }

    /// <summary>A JSON string is a valid double-quoted YAML scalar, and quoting keeps "1.0" or "yes" a string.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    public void Line(int indent, string content, Location location)
    {
        _text.Append(' ', indent).Append(content).Append('\n');
        _lines.Add(location);
    }

    private void WriteItems(IEnumerable<TypedValue> items, int indent)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case TypedScalar scalar:
                    Line(indent, "- " + scalar.Yaml, item.Location);
                    break;
                case TypedMapping { Entries.Count: 0 }:
                    Line(indent, "- {}", item.Location);
                    break;
                case TypedMapping mapping:
                    Line(indent, "-", item.Location);
                    WriteEntries(mapping.Entries, indent + 2);
                    break;
                case TypedSequence { Items.Count: 0 }:
                    Line(indent, "- []", item.Location);
                    break;
                case TypedSequence sequence:
                    Line(indent, "-", item.Location);
                    WriteItems(sequence.Items, indent + 2);
                    break;
            }
        }
    }
}
