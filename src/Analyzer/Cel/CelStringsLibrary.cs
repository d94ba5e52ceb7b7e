#if NET
using System.Globalization;
using System.Text;
using Cel;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// cel-go's strings extension at version 2 (ext/strings.go), as the API server enables it from 1.29: charAt, indexOf,
/// lastIndexOf, lowerAscii, upperAscii, replace, split, substring, trim, join and strings.quote. Positions count code
/// points, as cel-go does; format is <see cref="CelStringFormat"/>.
/// </summary>
internal static class CelStringsLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Type[] text = [typeof(string)];
        Type[] textText = [typeof(string), typeof(string)];
        environment.RegisterFunction("charAt", [typeof(string), typeof(long)], a => CharAt((string)a[0]!, (long)a[1]!));
        environment.RegisterFunction("indexOf", textText, a => IndexOf((string)a[0]!, (string)a[1]!, 0));
        environment.RegisterFunction("indexOf", [typeof(string), typeof(string), typeof(long)], a => IndexOf((string)a[0]!, (string)a[1]!, (long)a[2]!));
        environment.RegisterFunction("lastIndexOf", textText, a => LastIndexOf((string)a[0]!, (string)a[1]!, long.MaxValue));
        environment.RegisterFunction("lastIndexOf", [typeof(string), typeof(string), typeof(long)], a => LastIndexOf((string)a[0]!, (string)a[1]!, (long)a[2]!));
        environment.RegisterFunction("lowerAscii", text, a => MapAscii((string)a[0]!, upper: false));
        environment.RegisterFunction("upperAscii", text, a => MapAscii((string)a[0]!, upper: true));
        environment.RegisterFunction("replace", [typeof(string), typeof(string), typeof(string)], a => Replace((string)a[0]!, (string)a[1]!, (string)a[2]!, -1));
        environment.RegisterFunction("replace", [typeof(string), typeof(string), typeof(string), typeof(long)], a => Replace((string)a[0]!, (string)a[1]!, (string)a[2]!, (long)a[3]!));
        environment.RegisterFunction("split", textText, a => Split((string)a[0]!, (string)a[1]!, -1));
        environment.RegisterFunction("split", [typeof(string), typeof(string), typeof(long)], a => Split((string)a[0]!, (string)a[1]!, (long)a[2]!));
        environment.RegisterFunction("substring", [typeof(string), typeof(long)], a => Substring((string)a[0]!, (long)a[1]!, null));
        environment.RegisterFunction("substring", [typeof(string), typeof(long), typeof(long)], a => Substring((string)a[0]!, (long)a[1]!, (long)a[2]!));
        environment.RegisterFunction("trim", text, a => ((string)a[0]!).Trim());
        environment.RegisterFunction("join", [typeof(object[])], a => Join((object?[])a[0]!, string.Empty));
        environment.RegisterFunction("join", [typeof(object[]), typeof(string)], a => Join((object?[])a[0]!, (string)a[1]!));
        environment.RegisterFunction("quote", [typeof(CelNamespace), typeof(string)], a => CelNamespace.Strings.Call(a[0], () => Quote((string)a[1]!)));

        environment.RegisterFunction("format", [typeof(string), typeof(object[])], a => CelStringFormat.Format((string)a[0]!, (object?[])a[1]!));
    }

    /// <summary>The string's code points (surrogate pairs joined), which positions count.</summary>
    private static int[] Runes(string value)
    {
        var runes = new List<int>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                runes.Add(char.ConvertToUtf32(value[i], value[i + 1]));
                i++;
            }
            else
            {
                runes.Add(value[i]);
            }
        }

        return [.. runes];
    }

    private static string FromRunes(int[] runes, int start, int end)
    {
        var text = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            text.Append(char.ConvertFromUtf32(runes[i]));
        }

        return text.ToString();
    }

    private static string CharAt(string value, long index)
    {
        var runes = Runes(value);
        if (index < 0 || index > runes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "index out of range: " + index.ToString(CultureInfo.InvariantCulture));
        }

        return index == runes.Length ? string.Empty : char.ConvertFromUtf32(runes[index]);
    }

    private static long IndexOf(string value, string part, long from)
    {
        var runes = Runes(value);
        var needle = Runes(part);
        if (from < 0 || from > runes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(from), "index out of range: " + from.ToString(CultureInfo.InvariantCulture));
        }

        for (var i = (int)from; i + needle.Length <= runes.Length; i++)
        {
            if (runes.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static long LastIndexOf(string value, string part, long from)
    {
        var runes = Runes(value);
        var needle = Runes(part);
        if (from != long.MaxValue && (from < 0 || from > runes.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(from), "index out of range: " + from.ToString(CultureInfo.InvariantCulture));
        }

        var start = (int)Math.Min(from, runes.Length - needle.Length);
        for (var i = start; i >= 0; i--)
        {
            if (i + needle.Length <= runes.Length && runes.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static string MapAscii(string value, bool upper)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (upper && chars[i] is >= 'a' and <= 'z')
            {
                chars[i] = (char)(chars[i] - 32);
            }
            else if (!upper && chars[i] is >= 'A' and <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }

    /// <summary>Go's strings.Replace: at most n replacements (all when n is negative); an empty old string matches between runes.</summary>
    private static string Replace(string value, string old, string replacement, long n)
    {
        if (n == 0 || (old.Length == 0 && replacement.Length == 0))
        {
            return value;
        }

        if (old.Length == 0)
        {
            var runes = Runes(value);
            var text = new StringBuilder();
            long done = 0;
            for (var i = 0; i <= runes.Length; i++)
            {
                if (n < 0 || done < n)
                {
                    text.Append(replacement);
                    done++;
                }

                if (i < runes.Length)
                {
                    text.Append(char.ConvertFromUtf32(runes[i]));
                }
            }

            return text.ToString();
        }

        var result = new StringBuilder();
        var at = 0;
        long count = 0;
        while ((n < 0 || count < n) && value.IndexOf(old, at, StringComparison.Ordinal) is var found and >= 0)
        {
            result.Append(value, at, found - at).Append(replacement);
            at = found + old.Length;
            count++;
        }

        return result.Append(value, at, value.Length - at).ToString();
    }

    /// <summary>Go's strings.SplitN: an empty separator splits into runes.</summary>
    private static object?[] Split(string value, string separator, long n)
    {
        if (n == 0)
        {
            return [];
        }

        if (separator.Length == 0)
        {
            var runes = Runes(value);
            var limit = n < 0 || n > runes.Length ? runes.Length : (int)n;
            var parts = new List<object?>();
            for (var i = 0; i < limit; i++)
            {
                parts.Add(i == limit - 1 && limit < runes.Length ? FromRunes(runes, i, runes.Length) : char.ConvertFromUtf32(runes[i]));
            }

            return [.. parts];
        }

        var pieces = n < 0 ? value.Split([separator], StringSplitOptions.None) : value.Split([separator], (int)Math.Min(n, int.MaxValue), StringSplitOptions.None);
        return [.. pieces];
    }

    private static string Substring(string value, long start, long? end)
    {
        var runes = Runes(value);
        var stop = end ?? runes.Length;
        if (start < 0 || start > runes.Length || stop < start || stop > runes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "index out of range");
        }

        return FromRunes(runes, (int)start, (int)stop);
    }

    /// <summary>strings.quote (ext/strings.go quote): Go-style escapes for control characters, backslash and '"', in double quotes; a lone surrogate (invalid UTF-8 in Go) becomes U+FFFD.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            text.Append(c switch
            {
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                '\\' => "\\\\",
                '"' => "\\\"",
                _ when char.IsSurrogate(c) => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Join(object?[] items, string separator)
        => string.Join(separator, items.Select(item => item as string ?? throw new InvalidCastException("join needs a list of strings")));
}
#endif
