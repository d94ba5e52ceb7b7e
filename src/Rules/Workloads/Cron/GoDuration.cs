namespace KubeLint.Rules.Workloads.Cron;

/// <summary>Go's <c>time.ParseDuration</c> acceptance and error texts, which "@every" schedules go through.</summary>
internal static class GoDuration
{
    private static readonly Dictionary<string, decimal> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1m,
        ["us"] = 1e3m,
        ["\u00b5s"] = 1e3m,
        ["\u03bcs"] = 1e3m,
        ["ms"] = 1e6m,
        ["s"] = 1e9m,
        ["m"] = 60e9m,
        ["h"] = 3600e9m,
    };

    /// <summary>Null when Go accepts the text, else Go's error message.</summary>
    public static string? Validate(string text)
    {
        var invalid = "time: invalid duration " + GoQuote.Quote(text);
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s.Substring(1);
        }

        if (s == "0")
        {
            return null;
        }

        if (s.Length == 0)
        {
            return invalid;
        }

        var total = 0m;
        var pos = 0;
        while (pos < s.Length)
        {
            if (!(s[pos] == '.' || IsDigit(s[pos])))
            {
                return invalid;
            }

            var wholeStart = pos;
            while (pos < s.Length && IsDigit(s[pos]))
            {
                pos++;
            }

            var whole = s.Substring(wholeStart, pos - wholeStart);
            var fraction = string.Empty;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                var fractionStart = pos;
                while (pos < s.Length && IsDigit(s[pos]))
                {
                    pos++;
                }

                fraction = s.Substring(fractionStart, pos - fractionStart);
            }

            if (whole.Length == 0 && fraction.Length == 0)
            {
                return invalid;
            }

            var unitStart = pos;
            while (pos < s.Length && s[pos] != '.' && !IsDigit(s[pos]))
            {
                pos++;
            }

            if (pos == unitStart)
            {
                return "time: missing unit in duration " + GoQuote.Quote(text);
            }

            var unit = s.Substring(unitStart, pos - unitStart);
            if (!Units.TryGetValue(unit, out var scale))
            {
                return "time: unknown unit " + GoQuote.Quote(unit) + " in duration " + GoQuote.Quote(text);
            }

            // Go rejects a component or sum beyond int64 nanoseconds; decimal holds every such value exactly enough to tell.
            if (whole.Length > 20)
            {
                return invalid;
            }

            var value = (whole.Length == 0 ? 0m : decimal.Parse(whole, System.Globalization.CultureInfo.InvariantCulture)) * scale;
            if (fraction.Length > 0)
            {
                value += decimal.Parse("0." + (fraction.Length > 20 ? fraction.Substring(0, 20) : fraction), System.Globalization.CultureInfo.InvariantCulture) * scale;
            }

            total += value;
            if (total > (negative ? 9223372036854775808m : long.MaxValue))
            {
                return invalid;
            }
        }

        return null;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
