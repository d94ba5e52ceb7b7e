using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeLint.Fuzz;

/// <summary>
/// Seeded, structure-aware mutations of manifest text: some work on bytes (flips, NUL, bad UTF-8, BOMs, UTF-16),
/// most on lines and YAML structure (line edits, indentation shifts, truncation, scalar type swaps, huge and special
/// scalars, anchors, aliases and merge keys, tags, separators, line endings). One mutant applies one to four of them;
/// the same seed always gives the same mutants.
/// </summary>
internal sealed partial class Mutator
{
    private static readonly string[] SpecialScalars =
    [
        "1e26", "1e309", "-1e309", "9999999999Ei", "1E+2147483648", "1e-2147483648", "2147483647", "2147483648", "-2147483649",
        "9223372036854775808", "18446744073709551616", "99999999999999999999", "1e18", "1e3", "3.0", "3.5", "-0", "0x7fffffffffffffff",
        "0o777", "0b101", "1_000", ".inf", "-.inf", ".nan", "~", "null", "yes", "off", "\"\"", "''", "[]", "{}", "!!binary AAAA",
        "\"\\x1b[31mred\\x1b[0m\\n\\r\\0\"", "\"\\u202e\\u2028\"", "500mi", "1Ki", "Gi", "+-1", "1.5.5", "0.1n", "\"*/5 * * * *\"",
        "\"0 0 * * 7\"", "\"@every 1h\"", "\"25%\"", "\"-1%\"", "\"a\"", "|\n    x\n", ">-\n    y\n",
    ];

    private static readonly string[] Tags = ["!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!map ", "!!seq ", "!!binary ", "!custom ", "!<tag:yaml.org,2002:str> "];

    private readonly Random _random;

    public Mutator(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>One mutant of <paramref name="text"/>, as the bytes of a file.</summary>
    public byte[] Mutate(string text)
    {
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            text = MutateText(text);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return _random.Next(6) == 0 ? MutateBytes(bytes) : bytes;
    }

    private string MutateText(string text) => _random.Next(16) switch
    {
        0 => DeleteLine(text),
        1 => DuplicateLine(text),
        2 => SwapLines(text),
        3 => ShiftIndentation(text),
        4 => Truncate(text),
        5 or 6 => SwapScalar(text),
        7 => AddAlias(text),
        8 => AddMergeKey(text),
        9 => AddTag(text),
        10 => Separators(text),
        11 => LineEndings(text),
        12 => InsertIndicator(text),
        13 => AliasBomb(text),
        14 => HugeMapping(text),
        _ => Concatenate(text),
    };

    private byte[] MutateBytes(byte[] bytes)
    {
        var list = new List<byte>(bytes);
        switch (_random.Next(6))
        {
            case 0 when list.Count > 0:
                var at = _random.Next(list.Count);
                list[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                list.Insert(_random.Next(list.Count + 1), 0);
                break;
            case 2:
                // Invalid UTF-8: a lone continuation byte, a truncated sequence or an overlong form.
                var bad = _random.Next(3) switch { 0 => new byte[] { 0x80 }, 1 => [0xE2, 0x82], _ => [0xC0, 0xAF] };
                list.InsertRange(_random.Next(list.Count + 1), bad);
                break;
            case 3:
                list.InsertRange(_random.Next(2) == 0 ? 0 : _random.Next(list.Count + 1), new byte[] { 0xEF, 0xBB, 0xBF });
                break;
            case 4:
                return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))];
            default:
                list.InsertRange(0, new byte[] { 0xFE, 0xFF });
                break;
        }

        return [.. list];
    }

    private List<string> Lines(string text) => [.. text.Split('\n')];

    private string DeleteLine(string text)
    {
        var lines = Lines(text);
        lines.RemoveAt(_random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private string DuplicateLine(string text)
    {
        var lines = Lines(text);
        var at = _random.Next(lines.Count);
        lines.Insert(at, lines[at]);
        return string.Join('\n', lines);
    }

    private string SwapLines(string text)
    {
        var lines = Lines(text);
        var a = _random.Next(lines.Count);
        var b = _random.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    /// <summary>Indents or dedents a block of lines, or puts a tab where indentation is.</summary>
    private string ShiftIndentation(string text)
    {
        var lines = Lines(text);
        var start = _random.Next(lines.Count);
        var count = 1 + _random.Next(Math.Min(8, lines.Count - start));
        var shift = _random.Next(5) - 2;
        for (var i = start; i < start + count; i++)
        {
            lines[i] = shift switch
            {
                > 0 => new string(' ', shift) + lines[i],
                0 => "\t" + lines[i].TrimStart(' '),
                _ => lines[i].Length >= -shift && lines[i].StartsWith(new string(' ', -shift), StringComparison.Ordinal) ? lines[i].Substring(-shift) : lines[i],
            };
        }

        return string.Join('\n', lines);
    }

    private string Truncate(string text) => text.Substring(0, _random.Next(text.Length + 1));

    /// <summary>Replaces the value of a "key: value" line with a scalar of another type, a huge one or a special one.</summary>
    private string SwapScalar(string text)
    {
        var matches = KeyValue().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var match = matches[_random.Next(matches.Count)];
        var value = _random.Next(8) switch
        {
            0 => new string('9', 1 + _random.Next(400)),
            1 => "\"" + new string('x', _random.Next(20_000)) + "\"",
            2 => (_random.Next(2) == 0 ? "-" : string.Empty) + _random.NextInt64().ToString(CultureInfo.InvariantCulture),
            _ => SpecialScalars[_random.Next(SpecialScalars.Length)],
        };
        var group = match.Groups["value"];
        return text.Substring(0, group.Index) + value + text.Substring(group.Index + group.Length);
    }

    /// <summary>Anchors a value and refers to it from another key.</summary>
    private string AddAlias(string text)
    {
        var matches = KeyValue().Matches(text);
        if (matches.Count < 2)
        {
            return text;
        }

        var anchor = matches[_random.Next(matches.Count)].Groups["value"];
        var use = matches[_random.Next(matches.Count)].Groups["value"];
        var name = "a" + _random.Next(100).ToString(CultureInfo.InvariantCulture);
        var edits = new[] { (anchor.Index, 0, "&" + name + " "), (use.Index, use.Length, "*" + (_random.Next(4) == 0 ? "undefined" : name)) }
            .OrderByDescending(e => e.Item1);
        var result = new StringBuilder(text);
        foreach (var (index, length, insert) in edits)
        {
            if (index + length <= result.Length)
            {
                result.Remove(index, length).Insert(index, insert);
            }
        }

        return result.ToString();
    }

    /// <summary>A merge key ("&lt;&lt;: *base") inside a mapping, with its anchor defined before it or not at all.</summary>
    private string AddMergeKey(string text)
    {
        var lines = Lines(text);
        var at = _random.Next(lines.Count);
        var indent = lines[at].Length - lines[at].TrimStart(' ').Length;
        lines.Insert(at, new string(' ', indent) + "<<: " + (_random.Next(2) == 0 ? "*base" : "[*base, {x: 1}]"));
        if (_random.Next(3) > 0)
        {
            lines.Insert(0, "base: &base {replicas: 1, image: x}");
        }

        return string.Join('\n', lines);
    }

    private string AddTag(string text)
    {
        var matches = KeyValue().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var value = matches[_random.Next(matches.Count)].Groups["value"];
        return text.Insert(value.Index, Tags[_random.Next(Tags.Length)]);
    }

    /// <summary>Document markers: '---' lines with content, '...' lines, empty documents, directives.</summary>
    private string Separators(string text)
    {
        var lines = Lines(text);
        var marker = _random.Next(6) switch
        {
            0 => "---",
            1 => "--- # comment",
            2 => "--- {a: 1}",
            3 => "...",
            4 => "%YAML 1.1",
            _ => "---\n---",
        };
        lines.Insert(_random.Next(lines.Count + 1), marker);
        return string.Join('\n', lines);
    }

    private string LineEndings(string text) => _random.Next(3) switch
    {
        0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
        1 => text.Replace("\n", "\r", StringComparison.Ordinal),
        _ => text.Insert(_random.Next(text.Length + 1), _random.Next(2) == 0 ? "\u2028" : "\u0085"),
    };

    private string InsertIndicator(string text)
    {
        const string Indicators = "-?:,[]{}#&*!|>'\"%@`\\ \t";
        var at = _random.Next(text.Length + 1);
        return text.Insert(at, Indicators[_random.Next(Indicators.Length)].ToString());
    }

    /// <summary>Nested aliases that expand exponentially ("billion laughs").</summary>
    private string AliasBomb(string text)
    {
        var bomb = new StringBuilder("bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        var depth = 3 + _random.Next(8);
        for (var i = 1; i <= depth; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        return text + "\n---\n" + bomb;
    }

    /// <summary>A mapping with thousands of keys, many repeated (duplicate detection must stay linear).</summary>
    private string HugeMapping(string text)
    {
        var keys = 1_000 + _random.Next(20_000);
        var mapping = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n");
        for (var i = 0; i < keys; i++)
        {
            mapping.Append("  k").Append((_random.Next(3) == 0 ? i / 2 : i).ToString(CultureInfo.InvariantCulture)).Append(": v\n");
        }

        return text + "\n---\n" + mapping;
    }

    /// <summary>The text twice, as two documents or as one with its keys repeated.</summary>
    private string Concatenate(string text) => _random.Next(2) == 0 ? text + "\n---\n" + text : text + "\n" + text;

    [GeneratedRegex(@"^[ \-]*[A-Za-z0-9_./""'-]+: (?<value>[^\n#]+)$", RegexOptions.Multiline)]
    private static partial Regex KeyValue();
}
