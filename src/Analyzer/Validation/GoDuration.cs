namespace KubeLint.Analyzer.Validation;

/// <summary>
/// Go's <c>time.ParseDuration</c> (time/format.go), its value and its error texts: an optional sign, then numbers with
/// optional fractions each followed by a unit (ns, us, µs, μs, ms, s, m, h); "0" alone needs no unit; the total
/// must fit int64 nanoseconds. CronJob "@every" schedules and CEL's <c>duration()</c> go through it upstream.
/// </summary>
public static class GoDuration
{
    private const ulong Limit = 1UL << 63;

    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["\u00b5s"] = 1_000,
        ["\u03bcs"] = 1_000,
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
    };

    /// <summary>Null when Go accepts the text, with its nanoseconds; else Go's error message.</summary>
    public static string? Parse(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        var invalid = "time: invalid duration " + GoValue.Quote(text);
        var s = text;
        var pos = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            pos = 1;
        }

        if (s.Length - pos == 1 && s[pos] == '0')
        {
            return null;
        }

        if (pos == s.Length)
        {
            return invalid;
        }

        ulong total = 0;
        while (pos < s.Length)
        {
            if (s[pos] != '.' && !IsDigit(s[pos]))
            {
                return invalid;
            }

            // leadingInt: the whole part; past 2^63 is an invalid duration.
            var start = pos;
            ulong whole = 0;
            for (; pos < s.Length && IsDigit(s[pos]); pos++)
            {
                if (whole > (Limit - 1) / 10)
                {
                    return invalid;
                }

                whole = (whole * 10) + (ulong)(s[pos] - '0');
                if (whole > Limit)
                {
                    return invalid;
                }
            }

            var hasWhole = pos > start;

            // leadingFraction: digits past what fits are read but add no precision.
            ulong fraction = 0;
            var scale = 1.0;
            var hasFraction = false;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                start = pos;
                var overflow = false;
                for (; pos < s.Length && IsDigit(s[pos]); pos++)
                {
                    overflow = overflow || fraction > (Limit - 1) / 10 || (fraction * 10) + (ulong)(s[pos] - '0') > Limit;
                    if (!overflow)
                    {
                        fraction = (fraction * 10) + (ulong)(s[pos] - '0');
                        scale *= 10;
                    }
                }

                hasFraction = pos > start;
            }

            if (!hasWhole && !hasFraction)
            {
                return invalid;
            }

            start = pos;
            while (pos < s.Length && s[pos] != '.' && !IsDigit(s[pos]))
            {
                pos++;
            }

            if (pos == start)
            {
                return "time: missing unit in duration " + GoValue.Quote(text);
            }

            var name = s.Substring(start, pos - start);
            if (!Units.TryGetValue(name, out var unit))
            {
                return "time: unknown unit " + GoValue.Quote(name) + " in duration " + GoValue.Quote(text);
            }

            if (whole > Limit / unit)
            {
                return invalid;
            }

            whole *= unit;
            if (fraction > 0)
            {
                // Go adds uint64(float64(f) * (float64(unit) / scale)): the same float rounding.
                whole += (ulong)(fraction * (unit / scale));
                if (whole > Limit)
                {
                    return invalid;
                }
            }

            total += whole;
            if (total > Limit)
            {
                return invalid;
            }
        }

        if (!negative && total > Limit - 1)
        {
            return invalid;
        }

        nanoseconds = negative ? unchecked(-(long)total) : (long)total;
        return null;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
