#if NET
using System.Globalization;
using Cel.Helpers;
using Duration = Google.Protobuf.WellKnownTypes.Duration;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// The type conversions <c>int</c>, <c>uint</c>, <c>double</c>, <c>bool</c>, <c>string</c> and <c>duration</c>, which
/// <see cref="CelSourceRewriter"/> writes global one-argument calls into, as cel-go's ConvertToType
/// (common/types/int.go, uint.go, double.go, string.go, duration.go). The package converts differently where Go's
/// parsers and checked conversions decide: <c>duration('+90m')</c> and <c>duration('1µs')</c> are valid Go durations,
/// <c>int(' 12')</c> and <c>double('1e400')</c> are not numbers to strconv, <c>int(1e19)</c> is "integer overflow",
/// <c>string(1e6)</c> is Go's <c>%g</c> ("1e+06"), <c>bool('t')</c> is strconv.ParseBool's true and
/// <c>int(duration)</c> its nanoseconds. Conversions of other types are the package's own.
/// </summary>
internal static class CelConversionLibrary
{
    private const string Prefix = "__kl_convert_";

    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>The rewritten function of a global one-argument call of a conversion this library follows, or null.</summary>
    public static string? Function(string name) => name is "int" or "uint" or "double" or "bool" or "string" or "duration" ? Prefix + name : null;

    public static void Register(global::Cel.CelEnvironment environment)
    {
        System.Type[] one = [typeof(object)];
        environment.RegisterFunction(Prefix + "int", one, a => ToInt(Present(a[0])));
        environment.RegisterFunction(Prefix + "uint", one, a => ToUint(Present(a[0])));
        environment.RegisterFunction(Prefix + "double", one, a => ToDouble(Present(a[0])));
        environment.RegisterFunction(Prefix + "bool", one, a => ToBool(Present(a[0])));
        environment.RegisterFunction(Prefix + "string", one, a => ToText(Present(a[0])));
        environment.RegisterFunction(Prefix + "duration", one, a => ToDuration(Present(a[0])));
    }

    private static object? Present(object? value)
    {
        // The package's conversions fail on a missing field's marker; as arguments they receive it.
        CelRewriteLibrary.ThrowIfMissing(value);
        return value;
    }

    private static object ToInt(object? value) => value switch
    {
        long => value,

        // String.ConvertToType: strconv.ParseInt(s, 10, 64), out of range included, else a conversion error.
        string text => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw ConversionError("string", "int"),

        // doubleToInt64Checked: NaN, the infinities and values from 2^63 on either side overflow; else truncation.
        double number => double.IsNaN(number) || number <= long.MinValue || number >= long.MaxValue
            ? throw new CelRuntimeError(CelArithmeticLibrary.IntOverflow)
            : (long)number,
        ulong number => number > long.MaxValue ? throw new CelRuntimeError(CelArithmeticLibrary.IntOverflow) : (long)number,

        // Duration.ConvertToType(IntType): the duration's nanoseconds.
        Duration duration => checked((duration.Seconds * NanosPerSecond) + duration.Nanos),
        TimeSpan span => checked(span.Ticks * 100),
        _ => Int64Helpers.ConvertInt(value!),
    };

    private static object ToUint(object? value) => value switch
    {
        ulong => value,

        // strconv.ParseUint(s, 10, 64): no sign, not even '+'.
        string text => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw ConversionError("string", "uint"),
        long number => number < 0 ? throw new CelRuntimeError(CelArithmeticLibrary.UintOverflow) : (ulong)number,

        // doubleToUint64Checked: negative values, NaN and 2^64 on overflow.
        double number => double.IsNaN(number) || number < 0 || number >= 18446744073709551616.0
            ? throw new CelRuntimeError(CelArithmeticLibrary.UintOverflow)
            : (ulong)number,
        _ => UInt64Helpers.ConvertUInt(value!),
    };

    private static object ToDouble(object? value) => value switch
    {
        double => value,
        string text => ParseFloat(text) ?? throw ConversionError("string", "double"),
        _ => DoubleHelpers.ConvertDouble(value!),
    };

    private static object ToBool(object? value) => value switch
    {
        bool => value,

        // strconv.ParseBool.
        string text => text switch
        {
            "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            _ => throw ConversionError("string", "bool"),
        },
        _ => BooleanHelpers.ConvertBool(value!),
    };

    private static object? ToText(object? value) => value switch
    {
        // Double.ConvertToType(StringType) is fmt.Sprintf("%g", d).
        double number => Validation.GoValue.FormatFloat(number),

        // The IP and CIDR libraries' string(): netip's canonical text (ip.go, cidr.go).
        Validation.NetIpAddress or Validation.NetIpPrefix => value.ToString(),
        _ => StringHelpers.ConvertString(value!),
    };

    private static object ToDuration(object? value) => value switch
    {
        Duration => value,
        TimeSpan span => Duration.FromTimeSpan(span),
        string text => Validation.GoDuration.Parse(text, out var nanoseconds) is null
            ? new Duration { Seconds = nanoseconds / NanosPerSecond, Nanos = (int)(nanoseconds % NanosPerSecond) }
            : throw ConversionError("string", "google.protobuf.Duration"),
        _ => DurationHelpers.ConvertDuration(value!),
    };

    /// <summary>string.go's fall-through: NewErr("type conversion error from '%s' to '%s'").</summary>
    private static CelRuntimeError ConversionError(string from, string to) => new($"type conversion error from '{from}' to '{to}'");

    /// <summary>
    /// strconv.ParseFloat(s, 64) of a decimal number or of inf, infinity and nan in any case; a number past the
    /// float64 range is its range error, not an infinity. Hexadecimal floats are not followed.
    /// </summary>
    private static double? ParseFloat(string text)
    {
        var unsigned = text.Length > 0 && text[0] is '+' or '-' ? text.Substring(1) : text;
        var negative = text.Length > 0 && text[0] == '-';
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (unsigned.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("hexadecimal floating-point strings are not converted");
        }

        if (!IsDecimalFloat(unsigned))
        {
            return null;
        }

        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsInfinity(value) ? null : value;
    }

    /// <summary>digits [. [digits]] | . digits, then an optional exponent: readFloat's decimal form.</summary>
    private static bool IsDecimalFloat(string text)
    {
        var i = 0;
        var mantissa = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            mantissa++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                mantissa++;
            }
        }

        if (mantissa == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponent = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
#endif
