using System.Globalization;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// A quantity of a resource list as the API server holds it after decoding and <c>SetDefaults_ResourceList</c>
/// (values rounded up to milli precision), with the renderings field errors print: <see cref="Canonical"/> is
/// <c>Quantity.String()</c> (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go, <c>CanonicalizeBytes</c>),
/// <see cref="GoSyntax"/> its <c>%#v</c>. Parsing and comparison are <see cref="Quantity"/>'s; only the renderings live here.
/// </summary>
public readonly struct ResourceQuantity
{
    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    // Renderings compute in decimal at nano scale: larger magnitudes (past any real resource amount) saturate here
    // so that scaling by 10^9 stays in decimal's range; comparisons that decide findings use Quantity's exact value.
    private static readonly decimal Bound = 10_000_000_000_000_000_000m;

    private ResourceQuantity(Quantity quantity, decimal value, string format)
    {
        Parsed = quantity;
        Value = value;
        Format = format;
    }

    public Quantity Parsed { get; }

    /// <summary>The value after rounding up to milli units.</summary>
    public decimal Value { get; }

    /// <summary>"DecimalSI", "BinarySI" or "DecimalExponent", from the suffix as <c>quantitySuffixer.interpret</c> reads it.</summary>
    public string Format { get; }

    public bool IsNegative => Value < 0;

    /// <summary>The quantity of a resource-list entry; false when it does not parse (schema validation reports that).</summary>
    public static bool TryRead(Field field, out ResourceQuantity quantity)
    {
        quantity = default;
        return field.String is { } text && TryParse(text, out quantity);
    }

    /// <summary>Parses a quantity as decoding does (surrounding spaces trimmed) and applies the milli rounding.</summary>
    public static bool TryParse(string text, out ResourceQuantity quantity)
    {
        quantity = default;
        if (!Quantity.TryParse(text.Trim(), out var parsed, out _))
        {
            return false;
        }

        var exact = parsed.Value.ToDecimal(Bound);
        var format = parsed.Suffix.Length == 2 && parsed.Suffix[1] == 'i'
            ? "BinarySI"
            : parsed.Suffix.Length > 0 && parsed.Suffix[0] is 'e' or 'E' ? "DecimalExponent" : "DecimalSI";
        if (format == "BinarySI" && Math.Abs(exact) < 1 && exact != 0)
        {
            format = "DecimalSI";
        }

        // SetDefaults_ResourceList: RoundUp(-3), away from zero.
        var milli = exact * 1000m;
        var rounded = (milli < 0 ? Math.Floor(milli) : Math.Ceiling(milli)) / 1000m;
        quantity = new ResourceQuantity(parsed, rounded, format);
        return true;
    }

    /// <summary><c>MilliValue() % 1000 == 0</c>.</summary>
    public bool IsWhole => Value == Math.Floor(Value);

    /// <summary><c>Quantity.String()</c>: the shortest exact form in the quantity's format.</summary>
    public string Canonical => Render(Value, Format);

    /// <summary><c>%#v</c> of the decoded <c>resource.Quantity</c>, as "must be an integer" prints it.</summary>
    public string GoSyntax
    {
        get
        {
            var text = Parsed.Text.Trim();
            var (value, scale, cached) = Amount(text);
            var s = cached && Value == Parsed.Value.ToDecimal(Bound) ? text : string.Empty;
            return value is { } v
                ? $"resource.Quantity{{i:resource.int64Amount{{value:{v.ToString(CultureInfo.InvariantCulture)}, scale:{scale.ToString(CultureInfo.InvariantCulture)}}}, d:resource.infDecAmount{{Dec:(*inf.Dec)(nil)}}, s:{GoValue.Quote(s)}, Format:{GoValue.Quote(Format)}}}"
                : $"resource.Quantity{{i:resource.int64Amount{{value:0, scale:0}}, d:resource.infDecAmount{{Dec:(*inf.Dec)(...)}}, s:\"\", Format:{GoValue.Quote(Format)}}}";
        }
    }

    /// <summary>Renders a value as <c>Quantity.String()</c> does in <paramref name="format"/>.</summary>
    public static string Render(decimal value, string format)
    {
        if (value == 0)
        {
            return "0";
        }

        if (format == "BinarySI" && Math.Abs(value) >= 1024 && value == Math.Floor(value))
        {
            var mantissa = value;
            var power = 0;
            while (power < BinarySuffixes.Length - 1 && mantissa % 1024 == 0)
            {
                mantissa /= 1024;
                power++;
            }

            return mantissa.ToString("0", CultureInfo.InvariantCulture) + BinarySuffixes[power];
        }

        // AsCanonicalBytes: an integer mantissa and the largest exponent, a multiple of 3 from -9 to 18, that keeps it whole.
        var exponent = -9;
        var scaled = value * 1_000_000_000m;
        scaled = scaled < 0 ? Math.Floor(scaled) : Math.Ceiling(scaled);
        while (exponent < 18 && scaled % 1000 == 0)
        {
            scaled /= 1000;
            exponent += 3;
        }

        var digits = scaled.ToString("0", CultureInfo.InvariantCulture);
        if (format == "DecimalExponent")
        {
            return exponent == 0 ? digits : digits + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        var suffix = exponent switch
        {
            -9 => "n",
            -6 => "u",
            -3 => "m",
            3 => "k",
            6 => "M",
            9 => "G",
            12 => "T",
            15 => "P",
            18 => "E",
            _ => string.Empty,
        };
        return digits + suffix;
    }

    /// <summary>
    /// The <c>int64Amount</c> ParseQuantity builds on its fast path, and whether it caches the text (canonical input);
    /// null when the value takes the arbitrary-precision path.
    /// </summary>
    private static (long? Value, int Scale, bool Cached) Amount(string text)
    {
        var negative = text.StartsWith("-", StringComparison.Ordinal);
        var body = text.TrimStart('+', '-');
        var end = 0;
        while (end < body.Length && (char.IsDigit(body[end]) || body[end] == '.'))
        {
            end++;
        }

        var number = body.Substring(0, end);
        var suffix = body.Substring(end);
        var point = number.IndexOf('.');
        var whole = point < 0 ? number : number.Substring(0, point);
        var fraction = point < 0 ? string.Empty : number.Substring(point + 1);
        var shifted = whole + fraction;
        if (shifted.Length == 0 || shifted.Length > 18 || !long.TryParse(shifted, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return (null, 0, false);
        }

        if (suffix.Length == 2 && suffix[1] == 'i')
        {
            var power = Array.IndexOf(BinarySuffixes, suffix);
            if (fraction.Length > 0 || power < 0 || digits > long.MaxValue >> (10 * power))
            {
                return (null, 0, false);
            }

            var value = digits << (10 * power);
            return (negative ? -value : value, 0, (digits & 0x07) != 0);
        }

        var exponent = suffix switch
        {
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "" => 0,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ when suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e) => e,
            _ => 0,
        };
        var scale = exponent - fraction.Length;
        if (scale < -9)
        {
            return (null, 0, false);
        }

        var cached = scale % 3 == 0 && !shifted.EndsWith("000", StringComparison.Ordinal) && shifted[0] != '0';
        return (negative ? -digits : digits, scale, cached);
    }
}
