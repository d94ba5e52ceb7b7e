using System.Globalization;
using System.Text;

namespace KubeLint.Simulator.Reports;

/// <summary>
/// A small deterministic JSON writer (2-space indentation, fixed key order). System.Text.Json is not part of
/// netstandard2.0 and this assembly must not take package dependencies beyond the analyzer's.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _first = new();
    private int _depth;
    private bool _afterName;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        Separate();
        WriteString(name);
        _text.Append(": ");
        _afterName = true;
    }

    public void Value(string? value)
    {
        Separate();
        if (value is null)
        {
            _text.Append("null");
        }
        else
        {
            WriteString(value);
        }
    }

    public void Value(long value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Value(bool value)
    {
        Separate();
        _text.Append(value ? "true" : "false");
    }

    public void Property(string name, string? value)
    {
        Name(name);
        Value(value);
    }

    public void Property(string name, long value)
    {
        Name(name);
        Value(value);
    }

    public void Property(string name, bool value)
    {
        Name(name);
        Value(value);
    }

    public override string ToString() => _text.ToString();

    private void Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _first.Push(true);
        _depth++;
    }

    private void Close(char bracket)
    {
        _depth--;
        if (!_first.Pop())
        {
            NewLine();
        }

        _text.Append(bracket);
    }

    private void Separate()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_first.Count == 0)
        {
            return;
        }

        if (!_first.Pop())
        {
            _text.Append(',');
        }

        _first.Push(false);
        NewLine();
    }

    private void NewLine()
    {
        _text.Append('\n');
        _text.Append(' ', _depth * 2);
    }

    /// <summary>Escapes quotes, backslashes, control characters and '&lt;' '&gt;' '&amp;' (so the text can sit inside an HTML script).</summary>
    private void WriteString(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    _text.Append(c);
                    break;
            }
        }

        _text.Append('"');
    }
}
