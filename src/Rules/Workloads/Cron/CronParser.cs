using System.Globalization;
using KubeLint.Analyzer.Validation;

namespace KubeLint.Rules.Workloads.Cron;

/// <summary>
/// robfig/cron v3 <c>ParseStandard</c>, the parser the API server validates CronJob schedules with: five fields
/// (minute, hour, day of month, month, day of week), <c>*</c> <c>?</c> <c>,</c> <c>-</c> <c>/</c>, case-insensitive
/// month and day names, the descriptors, and "@every &lt;duration&gt;". Error texts are upstream's, verbatim.
/// </summary>
internal static class CronParser
{
    private const string EveryPrefix = "@every ";

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    public static CronParseResult Parse(string schedule)
    {
        if (schedule.Length == 0)
        {
            return CronParseResult.Failure("empty spec string", 0);
        }

        var spec = schedule;
        var offset = 0;
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            // Upstream slices up to the first space; without one it would index out of range, so the whole rest is the zone.
            var space = spec.IndexOf(' ');
            var equals = spec.IndexOf('=');
            var zone = space < 0 ? spec.Substring(equals + 1) : spec.Substring(equals + 1, space - equals - 1);
            if (!TimeZoneNames.CanLoad(zone))
            {
                return CronParseResult.Failure($"provided bad location {zone}: unknown time zone {zone}", equals + 1);
            }

            offset = space < 0 ? spec.Length : space;
            while (offset < spec.Length && char.IsWhiteSpace(spec[offset]))
            {
                offset++;
            }

            spec = spec.Substring(offset).TrimEnd();
        }

        if (spec.StartsWith("@", StringComparison.Ordinal))
        {
            return ParseDescriptor(spec, offset);
        }

        var fields = SplitFields(spec);
        if (fields.Count != 5)
        {
            var list = "[" + string.Join(" ", fields.Select(f => f.Text)) + "]";
            return CronParseResult.Failure($"expected exactly 5 fields, found {fields.Count}: {list}", offset);
        }

        var masks = new ulong[5];
        var stars = new bool[5];
        for (var i = 0; i < 5; i++)
        {
            var error = ParseField(fields[i].Text, CronField.Standard[i], out masks[i], out stars[i]);
            if (error is not null)
            {
                return CronParseResult.Failure(error, offset + fields[i].Offset);
            }
        }

        return CronParseResult.Success(
            new CronSchedule(masks[0], masks[1], masks[2], masks[3], masks[4], stars[2], stars[4]),
            offset + fields[2].Offset);
    }

    private static CronParseResult ParseDescriptor(string spec, int offset)
    {
        if (Array.IndexOf(Descriptors, spec) >= 0)
        {
            return CronParseResult.Success(new CronSchedule(1, 1, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, dayOfMonthStar: true, dayOfWeekStar: true), offset);
        }

        if (spec.StartsWith(EveryPrefix, StringComparison.Ordinal))
        {
            var error = GoDuration.Parse(spec.Substring(EveryPrefix.Length), out _);
            return error is null
                ? CronParseResult.Success(CronSchedule.Every, offset)
                : CronParseResult.Failure($"failed to parse duration {spec}: {error}", offset);
        }

        return CronParseResult.Failure("unrecognized descriptor: " + spec, offset);
    }

    /// <summary>Go's <c>strings.Fields</c>, keeping where each field starts.</summary>
    private static List<(string Text, int Offset)> SplitFields(string spec)
    {
        var fields = new List<(string, int)>();
        var pos = 0;
        while (pos < spec.Length)
        {
            while (pos < spec.Length && char.IsWhiteSpace(spec[pos]))
            {
                pos++;
            }

            var start = pos;
            while (pos < spec.Length && !char.IsWhiteSpace(spec[pos]))
            {
                pos++;
            }

            if (pos > start)
            {
                fields.Add((spec.Substring(start, pos - start), start));
            }
        }

        return fields;
    }

    /// <summary>Upstream <c>getField</c>: comma-separated ranges, empty parts dropped.</summary>
    private static string? ParseField(string field, CronField bounds, out ulong mask, out bool star)
    {
        mask = 0;
        star = false;
        foreach (var expression in field.Split([','], StringSplitOptions.RemoveEmptyEntries))
        {
            var error = ParseRange(expression, bounds, out var bits, out var isStar);
            if (error is not null)
            {
                return error;
            }

            mask |= bits;
            star |= isStar;
        }

        return null;
    }

    /// <summary>Upstream <c>getRange</c>, with its checks in its order.</summary>
    private static string? ParseRange(string expression, CronField bounds, out ulong bits, out bool star)
    {
        bits = 0;
        star = false;
        var rangeAndStep = expression.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        var singleDigit = lowAndHigh.Length == 1;
        long start;
        long end;
        if (lowAndHigh[0] is "*" or "?")
        {
            start = bounds.Min;
            end = bounds.Max;
            star = true;
        }
        else
        {
            var error = ParseIntOrName(lowAndHigh[0], bounds, out start);
            if (error is not null)
            {
                return error;
            }

            switch (lowAndHigh.Length)
            {
                case 1:
                    end = start;
                    break;
                case 2:
                    error = ParseIntOrName(lowAndHigh[1], bounds, out end);
                    if (error is not null)
                    {
                        return error;
                    }

                    break;
                default:
                    return "too many hyphens: " + expression;
            }
        }

        long step;
        switch (rangeAndStep.Length)
        {
            case 1:
                step = 1;
                break;
            case 2:
                var stepError = MustParseInt(rangeAndStep[1], out step);
                if (stepError is not null)
                {
                    return stepError;
                }

                // "N/step" means "N-max/step".
                if (singleDigit)
                {
                    end = bounds.Max;
                }

                if (step > 1)
                {
                    star = false;
                }

                break;
            default:
                return "too many slashes: " + expression;
        }

        if (start < bounds.Min)
        {
            return $"beginning of range ({start}) below minimum ({bounds.Min}): {expression}";
        }

        if (end > bounds.Max)
        {
            return $"end of range ({end}) above maximum ({bounds.Max}): {expression}";
        }

        if (start > end)
        {
            return $"beginning of range ({start}) beyond end of range ({end}): {expression}";
        }

        if (step == 0)
        {
            return "step of range should be a positive number: " + expression;
        }

        // Steps up to int64 max are legal; compare before adding so a huge step cannot overflow.
        for (var value = start; ; value += step)
        {
            bits |= 1UL << (int)value;
            if (end - value < step)
            {
                break;
            }
        }

        return null;
    }

    private static string? ParseIntOrName(string text, CronField bounds, out long value)
        => bounds.TryGetNamed(text, out var named) ? SetValue(named, out value) : MustParseInt(text, out value);

    private static string? SetValue(int named, out long value)
    {
        value = named;
        return null;
    }

    /// <summary>Upstream <c>mustParseInt</c> over Go's <c>strconv.Atoi</c> (64-bit): optional sign, decimal digits.</summary>
    private static string? MustParseInt(string text, out long value)
    {
        value = 0;
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text.Substring(1) : text;
        if (digits.Length == 0 || digits.Any(c => c is < '0' or > '9'))
        {
            return $"failed to parse int from {text}: strconv.Atoi: parsing {GoValue.Quote(text)}: invalid syntax";
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return $"failed to parse int from {text}: strconv.Atoi: parsing {GoValue.Quote(text)}: value out of range";
        }

        return value < 0 ? $"negative number ({value}) not allowed: {text}" : null;
    }
}
