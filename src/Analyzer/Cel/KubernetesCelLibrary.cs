#if NET
using System.Globalization;
using System.Text;
using Cel;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Re2;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// What the API server's CEL environment adds to the CEL standard (apiserver pkg/cel/environment/base.go): the
/// strings extension of cel-go (ext/strings.go, version 2), Kubernetes' lists, regex and quantity libraries
/// (apiserver pkg/cel/library/lists.go, regex.go, quantity.go), and matches() with Go's RE2 semantics instead of .NET's
/// regular expressions. String positions count code points, as cel-go does. Functions that are not here (url, ip,
/// cidr, format, find, sets, optionals) make a rule that uses them not evaluated.
/// </summary>
internal static class KubernetesCelLibrary
{
    public static void Register(CelEnvironment environment)
    {
        RegisterStrings(environment);
        RegisterLists(environment);
        RegisterQuantity(environment);
    }

    private static void RegisterStrings(CelEnvironment environment)
    {
        Type[] text = [typeof(string)];
        Type[] textText = [typeof(string), typeof(string)];
        environment.RegisterFunction("matches", textText, a => Compile((string)a[1]!).IsMatch((string)a[0]!));
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
    }

    private static void RegisterLists(CelEnvironment environment)
    {
        Type[] list = [typeof(object[])];
        environment.RegisterFunction("isSorted", list, a => IsSorted((object?[])a[0]!));
        environment.RegisterFunction("sum", list, a => Sum((object?[])a[0]!));
        environment.RegisterFunction("min", list, a => Extreme((object?[])a[0]!, -1));
        environment.RegisterFunction("max", list, a => Extreme((object?[])a[0]!, 1));
        environment.RegisterFunction("indexOf", [typeof(object[]), typeof(object)], a => (long)Array.FindIndex((object?[])a[0]!, x => Equals(x, a[1])));
        environment.RegisterFunction("lastIndexOf", [typeof(object[]), typeof(object)], a => (long)Array.FindLastIndex((object?[])a[0]!, x => Equals(x, a[1])));
    }

    private static void RegisterQuantity(CelEnvironment environment)
    {
        Type[] one = [typeof(CelQuantity)];
        Type[] two = [typeof(CelQuantity), typeof(CelQuantity)];
        environment.RegisterFunction("quantity", [typeof(string)], a => new CelQuantity(ToDecimal(Quantity.Parse((string)a[0]!).Value)));
        environment.RegisterFunction("isQuantity", [typeof(string)], a => Quantity.TryParse((string)a[0]!, out _, out _));
        environment.RegisterFunction("isGreaterThan", two, a => Q(a[0]).Value > Q(a[1]).Value);
        environment.RegisterFunction("isLessThan", two, a => Q(a[0]).Value < Q(a[1]).Value);
        environment.RegisterFunction("compareTo", two, a => (long)Q(a[0]).Value.CompareTo(Q(a[1]).Value));
        environment.RegisterFunction("add", two, a => new CelQuantity(Q(a[0]).Value + Q(a[1]).Value));
        environment.RegisterFunction("add", [typeof(CelQuantity), typeof(long)], a => new CelQuantity(Q(a[0]).Value + (long)a[1]!));
        environment.RegisterFunction("sub", two, a => new CelQuantity(Q(a[0]).Value - Q(a[1]).Value));
        environment.RegisterFunction("sub", [typeof(CelQuantity), typeof(long)], a => new CelQuantity(Q(a[0]).Value - (long)a[1]!));
        environment.RegisterFunction("sign", one, a => (long)Math.Sign(Q(a[0]).Value));
        environment.RegisterFunction("isInteger", one, a => Q(a[0]).Value == decimal.Truncate(Q(a[0]).Value) && Math.Abs(Q(a[0]).Value) <= long.MaxValue);
        environment.RegisterFunction("asInteger", one, a => AsInteger(Q(a[0]).Value));
        environment.RegisterFunction("asApproximateFloat", one, a => (double)Q(a[0]).Value);
    }

    private static CelQuantity Q(object? value) => (CelQuantity)value!;

    // CEL quantities are evaluated in decimal: past its range a value saturates, which keeps every comparison with a
    // realistic bound right; rules over such quantities are rare and the schema checks the exact value.
    private static decimal ToDecimal(DecimalNumber value) => value.ToDecimal(decimal.MaxValue);

    private static long AsInteger(decimal value)
        => value == decimal.Truncate(value) && Math.Abs(value) <= long.MaxValue
            ? (long)value
            : throw new InvalidOperationException("cannot convert value to integer");

    private static Re2Regex Compile(string pattern)
        => Re2Regex.TryCompile(pattern, out var regex, out var error) ? regex! : throw new ArgumentException(error!.ToString());

    // ---- strings: positions are code point indexes ----
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

    private static string Join(object?[] items, string separator)
        => string.Join(separator, items.Select(item => item as string ?? throw new InvalidCastException("join needs a list of strings")));

    // ---- lists ----
    private static bool IsSorted(object?[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (Compare(items[i - 1], items[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static object Sum(object?[] items)
    {
        if (items.All(i => i is long))
        {
            return items.Aggregate(0L, (total, i) => checked(total + (long)i!));
        }

        if (items.All(i => i is double))
        {
            return items.Aggregate(0.0, (total, i) => total + (double)i!);
        }

        throw new InvalidCastException("sum needs a list of one numeric type");
    }

    private static object Extreme(object?[] items, int sign)
    {
        if (items.Length == 0)
        {
            throw new ArgumentException(sign < 0 ? "min called on empty list" : "max called on empty list");
        }

        var best = items[0];
        foreach (var item in items)
        {
            if (Compare(item, best) * sign > 0)
            {
                best = item;
            }
        }

        return best!;
    }

    private static int Compare(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        _ => throw new InvalidCastException("the list's elements are not comparable"),
    };
}

/// <summary>A Kubernetes quantity as a CEL value (quantity.go's Quantity type); equal when the amounts are equal.</summary>
internal sealed record CelQuantity(decimal Value);
#endif
