#if NET
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Google.Protobuf;
using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// <c>string.format</c> of cel-go's strings extension at the version the API server uses (ext/formatting.go,
/// strings version 2, locale en_US): %s, %d, %f and %e (with an optional precision), %b, %o, %x, %X and %%.
/// %f and %e print through golang.org/x/text's en_US printer: "1,234.500" and "1.234500 × 10⁰³" (whose precision,
/// given as a width by upstream, stays 6). Timestamps and durations print as cel-go converts them to strings (%s), and
/// inside lists and maps as the literals <c>timestamp("...")</c> and <c>duration("...")</c> (clauseForType).
/// Errors are the server's words ("error during formatting: ...").
/// </summary>
internal static class CelStringFormat
{
    private const int DefaultPrecision = 6;
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static string Format(string format, IList args)
    {
        var text = new StringBuilder();
        var argument = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                text.Append(format[i]);
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                text.Append('%');
                i++;
                continue;
            }

            if (argument >= args.Count)
            {
                throw new CelRuntimeError($"index {argument.ToString(CultureInfo.InvariantCulture)} out of range");
            }

            if (i + 1 >= format.Length)
            {
                throw new CelRuntimeError("unexpected end of string");
            }

            i = Clause(format, i + 1, args[argument++], text);
        }

        return text.ToString();
    }

    /// <summary>%s of one value (FormatString), also used for map keys in errors.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        long n => n.ToString(CultureInfo.InvariantCulture),
        ulong n => n.ToString(CultureInfo.InvariantCulture),
        double d => GoValue.FormatFloat(d),
        ByteString bytes => bytes.ToStringUtf8(),
        DateTimeOffset time => TimestampText(time),
        Google.Protobuf.WellKnownTypes.Timestamp time => TimestampText(time.ToDateTimeOffset()),
        TimeSpan duration => DurationText(duration.Ticks / TimeSpan.TicksPerSecond, duration.Ticks % TimeSpan.TicksPerSecond * 100),
        Google.Protobuf.WellKnownTypes.Duration duration => DurationText(duration.Seconds, duration.Nanos),
        IDictionary map => FormatMap(map),
        IList list => FormatList(list),
        _ => throw Error("string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps", value),
    };

    /// <summary>parseFormattingClause from the character after '%': an optional precision, then the verb.</summary>
    private static int Clause(string format, int start, object? value, StringBuilder text)
    {
        var i = start;
        int? precision = null;
        if (format[i] == '.')
        {
            var digits = ++i;
            while (i < format.Length && format[i] is >= '0' and <= '9')
            {
                i++;
            }

            if (i >= format.Length)
            {
                throw new CelRuntimeError("could not parse formatting clause: error while parsing precision: could not find end of precision specifier");
            }

            precision = int.TryParse(format.Substring(digits, i - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p
                : throw new CelRuntimeError("could not parse formatting clause: error while parsing precision: error while converting precision to integer");
        }

        text.Append(format[i] switch
        {
            's' => FormatValue(value),
            'd' => Decimal(value),
            'f' => Fixed(Double(value, "fixed-point clause can only be used on doubles"), precision ?? DefaultPrecision, grouping: true),
            'e' => Scientific(Double(value, "scientific clause can only be used on doubles")),
            'b' => Integer(value, 2, "only integers and bools can be formatted as binary", allowBool: true),
            'o' => Integer(value, 8, "octal clause can only be used on integers", allowBool: false),
            'x' or 'X' => Hex(value, format[i] == 'X'),
            var verb => throw new CelRuntimeError($"could not parse formatting clause: unrecognized formatting clause \"{verb}\""),
        });
        return i;
    }

    private static string Decimal(object? value) => value switch
    {
        long n => n.ToString(CultureInfo.InvariantCulture),
        ulong n => n.ToString(CultureInfo.InvariantCulture),
        _ => throw Error("decimal clause can only be used on integers", value),
    };

    private static double Double(object? value, string message) => value switch
    {
        double d => d,
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => throw Error(message, value),
    };

    /// <summary>Go's %.Nf (the exact binary value rounded half to even), with en_US digit grouping for the printer.</summary>
    private static string Fixed(double value, int precision, bool grouping)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return NonFinite(value);
        }

        var (negative, digits, point) = Rounded(value, precision);
        var whole = digits.Substring(0, point);
        var grouped = new StringBuilder();
        for (var i = 0; i < whole.Length; i++)
        {
            if (grouping && i > 0 && (whole.Length - i) % 3 == 0)
            {
                grouped.Append(',');
            }

            grouped.Append(whole[i]);
        }

        var fraction = digits.Substring(point);
        return (negative ? "-" : string.Empty) + grouped + (fraction.Length > 0 ? "." + fraction : string.Empty);
    }

    /// <summary>x/text's en_US scientific form: six decimals, "× 10" and a two-digit superscript exponent.</summary>
    private static string Scientific(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return NonFinite(value);
        }

        var exponent = value == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var (negative, digits, point) = Rounded(value / Math.Pow(10, exponent), DefaultPrecision);
        if (point > 1)
        {
            // The mantissa rounded up to 10: one more in the exponent.
            exponent++;
            (negative, digits, point) = Rounded(value / Math.Pow(10, exponent), DefaultPrecision);
        }

        var mantissa = digits.Substring(0, point) + "." + digits.Substring(point);
        var power = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        var superscript = new string(power.Select(c => Superscripts[c - '0']).ToArray());
        return (negative ? "-" : string.Empty) + mantissa + "\u202f×\u202f10" + (exponent < 0 ? "⁻" : string.Empty) + superscript;
    }

    private static string NonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";

    /// <summary>The digits of |value| rounded half to even at <paramref name="precision"/> places, and where the point goes.</summary>
    private static (bool Negative, string Digits, int Point) Rounded(double value, int precision)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        BigInteger significand = exponentBits == 0 ? mantissa : mantissa | (1L << 52);
        var exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;

        // |value| = significand × 2^exponent = significand × 5^-exponent / 10^-exponent when exponent < 0.
        BigInteger scaled;
        if (exponent >= 0)
        {
            scaled = (significand << exponent) * BigInteger.Pow(10, precision);
        }
        else
        {
            var numerator = significand * BigInteger.Pow(5, -exponent);
            var shift = -exponent - precision;
            if (shift <= 0)
            {
                scaled = numerator * BigInteger.Pow(10, -shift);
            }
            else
            {
                var divisor = BigInteger.Pow(10, shift);
                scaled = BigInteger.DivRem(numerator, divisor, out var remainder);
                var twice = remainder * 2;
                if (twice > divisor || (twice == divisor && !scaled.IsEven))
                {
                    scaled++;
                }
            }
        }

        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(precision + 1, '0');
        return (negative && !scaled.IsZero, digits, digits.Length - precision);
    }

    private static string Integer(object? value, int radix, string message, bool allowBool) => value switch
    {
        long n => (n < 0 ? "-" : string.Empty) + ToRadix((ulong)(n < 0 ? -(BigInteger)n : n), radix),
        ulong n => ToRadix(n, radix),
        bool b when allowBool => b ? "1" : "0",
        _ => throw Error(message, value),
    };

    private static string Hex(object? value, bool upper)
    {
        var text = value switch
        {
            string s => string.Concat(Encoding.UTF8.GetBytes(s).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
            ByteString bytes => string.Concat(bytes.ToByteArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
            long or ulong => Integer(value, 16, string.Empty, allowBool: false),
            _ => throw Error("only integers, byte buffers, and strings can be formatted as hex", value),
        };
        return upper ? text.ToUpperInvariant() : text;
    }

    private static string ToRadix(ulong value, int radix)
    {
        if (value == 0)
        {
            return "0";
        }

        var text = new StringBuilder();
        while (value > 0)
        {
            text.Insert(0, "0123456789abcdef"[(int)(value % (ulong)radix)]);
            value /= (ulong)radix;
        }

        return text.ToString();
    }

    /// <summary>formatList: members by their type's clause, strings and bytes quoted, doubles as %.6f.</summary>
    private static string FormatList(IList list)
        => "[" + string.Join(", ", list.Cast<object?>().Select(Member)) + "]";

    /// <summary>formatMap: "key:value" pairs sorted by the key's text.</summary>
    private static string FormatMap(IDictionary map)
    {
        var pairs = CelRewriteLibrary.MapEntries(map)
            .Select(e => (Key: e.Key switch
            {
                string s => GoValue.Quote(s),
                bool or long or ulong => FormatValue(e.Key),
                _ => throw Error("no formatting function for map key of type", e.Key),
            }, Value: Member(e.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + ":" + p.Value);
        return "{" + string.Join(", ", pairs) + "}";
    }

    /// <summary>clauseForType and quoteForCEL: a list or map member as a CEL literal.</summary>
    private static string Member(object? value) => value switch
    {
        string s => GoValue.Quote(s),
        ByteString bytes => "b" + GoValue.Quote(bytes.ToStringUtf8()),
        double d when double.IsNaN(d) || double.IsInfinity(d) => GoValue.Quote(GoValue.FormatFloat(d)),
        double d => Fixed(d, DefaultPrecision, grouping: false),
        DateTimeOffset or Google.Protobuf.WellKnownTypes.Timestamp => $"timestamp({GoValue.Quote(FormatValue(value))})",
        TimeSpan or Google.Protobuf.WellKnownTypes.Duration => $"duration({GoValue.Quote(FormatValue(value))})",
        _ => FormatValue(value),
    };

    /// <summary>
    /// Timestamp.ConvertToType(StringType) (common/types/timestamp.go): Go's time.RFC3339Nano of the time at its own
    /// offset (string-to-timestamp keeps the parsed offset), the fraction without trailing zeros, "Z" at offset zero.
    /// </summary>
    private static string TimestampText(DateTimeOffset time)
    {
        var fraction = time.ToString("FFFFFFF", CultureInfo.InvariantCulture);
        var offset = time.Offset == TimeSpan.Zero ? "Z" : time.ToString("zzz", CultureInfo.InvariantCulture);
        return time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : string.Empty) + offset;
    }

    /// <summary>
    /// Duration.ConvertToType(StringType) (common/types/duration.go): <c>strconv.FormatFloat(d.Seconds(), 'f', -1, 64)</c>
    /// and "s", where time.Duration.Seconds is float64(whole seconds) + float64(nanoseconds) / 1e9, so a fraction
    /// prints as the shortest decimal of that float64 ("1.5s", "0.000000001s", "5400s").
    /// </summary>
    private static string DurationText(long seconds, long nanos)
    {
        var general = GoValue.FormatFloat(seconds + (nanos / 1e9));
        var e = general.IndexOf('e');
        if (e < 0)
        {
            return general + "s";
        }

        // 'g' chose an exponent: the same shortest digits, written out in 'f' form.
        var sign = general[0] == '-' ? "-" : string.Empty;
        var digits = general.Substring(sign.Length, e - sign.Length).Replace(".", string.Empty);
        var point = 1 + int.Parse(general.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var text = point <= 0 ? "0." + new string('0', -point) + digits
            : point >= digits.Length ? digits + new string('0', point - digits.Length)
            : digits.Substring(0, point) + "." + digits.Substring(point);
        return sign + text + "s";
    }

    private static CelRuntimeError Error(string message, object? value)
        => new($"error during formatting: {message}, was given {TypeName(value)}");

    /// <summary>The CEL type name of a value, as the errors print it.</summary>
    private static string TypeName(object? value) => value switch
    {
        null => "null_type",
        string => "string",
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        ByteString => "bytes",
        DateTimeOffset or Google.Protobuf.WellKnownTypes.Timestamp => "google.protobuf.Timestamp",
        TimeSpan or Google.Protobuf.WellKnownTypes.Duration => "google.protobuf.Duration",
        IDictionary => "map",
        IList => "list",
        CelQuantity => "kubernetes.Quantity",
        CelOptional => "optional_type",
        NetIpAddress => "net.IP",
        NetIpPrefix => "net.CIDR",
        GoUrl => "kubernetes.URL",
        _ => value.GetType().Name,
    };
}
#endif
