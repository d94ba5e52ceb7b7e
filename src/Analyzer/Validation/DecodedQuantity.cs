using System.Globalization;
using System.Numerics;
using System.Text;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// A <c>resource.Quantity</c> as the API server holds it after decoding (staging/src/k8s.io/apimachinery/pkg/api/resource
/// quantity.go, <c>ParseQuantity</c> from <c>UnmarshalJSON</c>), with the two renderings field errors print:
/// <see cref="ToString"/> is <c>Quantity.String()</c> (the text cached when the input was canonical, else
/// <c>CanonicalizeBytes</c>) and <see cref="GoSyntax"/> its <c>%#v</c>. The value is the exact <see cref="DecimalNumber"/>
/// of <see cref="Quantity"/>, so no magnitude saturates; the int64 fast path is tracked only for what <c>%#v</c> shows.
/// Validations read and print quantities only through this type.
/// </summary>
public readonly struct DecodedQuantity
{
    private const string DecimalSI = "DecimalSI";
    private const string BinarySI = "BinarySI";
    private const string DecimalExponent = "DecimalExponent";

    // int64Amount's digit budget (maxInt64Factors) on ParseQuantity's fast path.
    private const int MaxInt64Factors = 18;

    // Binary renderings of integers longer than this (only sums of huge quantities reach them) print in short
    // scientific form: upstream prints every digit of the mantissa left after removing factors of 1024.
    private const int MaxBinaryDigits = 40;

    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private static readonly DecimalNumber One = DecimalNumber.FromInt64(1);

    private static readonly DecimalNumber Binary1024 = DecimalNumber.FromInt64(1024);

    private readonly string? _format;
    private readonly string? _cached;

    // Parsing rounds an inf.Dec up to nano units (inf.Dec.Round to scale 9), which fixes its scale.
    private const int ParsedDecScale = 9;

    private readonly int _scale;

    /// <param name="amount">The exact value.</param>
    /// <param name="format">The format.</param>
    /// <param name="cached">The cached text, or null.</param>
    /// <param name="isInt64">Whether the value is an int64Amount (else an inf.Dec).</param>
    /// <param name="int64Value">The int64Amount's value.</param>
    /// <param name="scale">The int64Amount's scale (a power of ten), or the inf.Dec's (digits after the point).</param>
    private DecodedQuantity(DecimalNumber amount, string format, string? cached, bool isInt64, long int64Value, int scale)
    {
        Amount = amount;
        _format = format;
        _cached = cached;
        IsInt64 = isInt64;
        Int64Value = int64Value;
        _scale = scale;
    }

    /// <summary>The exact value.</summary>
    public DecimalNumber Amount { get; }

    /// <summary>"DecimalSI", "BinarySI" or "DecimalExponent", from the suffix as <c>quantitySuffixer.interpret</c> reads it.</summary>
    public string Format => _format ?? DecimalSI;

    public bool IsNegative => Amount.IsNegative;

    public bool IsPositive => Amount.Sign > 0;

    public bool IsZero => Amount.IsZero;

    /// <summary><c>Quantity.Value()</c>: the value rounded up to an integer (saturated to int64).</summary>
    public long IntegerValue => Amount.ToInt64Ceiling();

    /// <summary><c>Quantity.MilliValue()</c>: the value in thousandths, rounded up (saturated to int64).</summary>
    public long MilliValue => Amount.ToInt64Ceiling(scale: 3);

    /// <summary>
    /// <c>MilliValue() % 1000 == 0</c>. Upstream's int64 milli value wraps past 9.2e15; the exact value decides here.
    /// </summary>
    public bool IsWhole => Amount.IsInteger;

    // The int64Amount{value, scale} of the fast path; false when the value is held in an inf.Dec.
    private bool IsInt64 { get; }

    private long Int64Value { get; }

    private int Int64Scale => _scale;

    // The inf.Dec's scale: its unscaled integer is the value times 10^DecScale.
    private int DecScale => _scale;

    /// <summary>
    /// The quantity of a field as decoding reads it: a string (spaces trimmed) or a YAML number, which reaches the
    /// server as JSON text (<see cref="JsonText"/>). False when absent or unparseable: schema validation reports that.
    /// </summary>
    public static bool TryRead(Field field, out DecodedQuantity quantity) => TryRead(field.Node, out quantity);

    /// <inheritdoc cref="TryRead(Field, out DecodedQuantity)"/>
    public static bool TryRead(YamlNode? node, out DecodedQuantity quantity)
    {
        quantity = default;
        return node is YamlScalar { IsNull: false } scalar && JsonText(scalar) is { } text && TryParse(text, out quantity);
    }

    /// <summary>
    /// A quantity of a resource list: decoded, then rounded up to milli units as <c>SetDefaults_ResourceList</c>
    /// (pkg/apis/core/v1/defaults.go) does for every <c>ResourceList</c> of the core API.
    /// </summary>
    public static bool TryReadListEntry(Field field, out DecodedQuantity quantity) => TryReadListEntry(field.Node, out quantity);

    /// <inheritdoc cref="TryReadListEntry(Field, out DecodedQuantity)"/>
    public static bool TryReadListEntry(YamlNode? node, out DecodedQuantity quantity)
    {
        if (!TryRead(node, out quantity))
        {
            return false;
        }

        quantity = quantity.RoundUp(-3);
        return true;
    }

    /// <summary><c>ParseQuantity(strings.TrimSpace(text))</c>.</summary>
    public static bool TryParse(string text, out DecodedQuantity quantity)
    {
        quantity = default;
        text = text.Trim();
        if (!Quantity.TryParse(text, out var parsed, out _))
        {
            return false;
        }

        if (text == "0")
        {
            quantity = new DecodedQuantity(parsed.Value, DecimalSI, text, isInt64: true, 0, 0);
            return true;
        }

        Quantity.TryInterpretSuffix(parsed.Suffix, out var binaryExponent, out var decimalExponent);
        var format = binaryExponent > 0 ? BinarySI : parsed.Suffix.Length > 1 && parsed.Suffix[0] is 'e' or 'E' ? DecimalExponent : DecimalSI;
        if (TryFastPath(text, parsed.Suffix, binaryExponent, decimalExponent, out var value, out var scale, out var cached))
        {
            quantity = new DecodedQuantity(parsed.Value, format, cached ? text : null, isInt64: true, value, scale);
            return true;
        }

        // The inf.Dec path: a binary value of magnitude below one is shown as DecimalSI.
        var magnitude = parsed.Value.IsNegative ? parsed.Value.Negate() : parsed.Value;
        if (format == BinarySI && !magnitude.IsZero && magnitude < One)
        {
            format = DecimalSI;
        }

        quantity = new DecodedQuantity(parsed.Value, format, null, isInt64: false, 0, parsed.Value.IsZero ? 0 : ParsedDecScale);
        return true;
    }

    /// <summary>
    /// <c>Quantity.RoundUp(scale)</c>: rounds away from zero to a multiple of 10^scale. The int64 form moves to that
    /// scale (<c>negativeScaleInt64</c>) and forgets its cached text only when its scale was finer; an inf.Dec always does.
    /// </summary>
    public DecodedQuantity RoundUp(int scale)
    {
        if (IsInt64)
        {
            if (Int64Scale >= scale)
            {
                return this;
            }

            var value = NegativeScaleInt64(Int64Value, scale - Int64Scale);
            return new DecodedQuantity(DecimalNumber.FromInt64(value).ScaleByPowerOfTen(scale), Format, null, isInt64: true, value, scale);
        }

        return new DecodedQuantity(Amount.RoundAwayFromZero(scale), Format, null, isInt64: false, 0, -scale);
    }

    /// <summary><c>NewQuantity(value, DecimalExponent)</c>: an int64Amount of scale 0.</summary>
    public static DecodedQuantity FromInt64(long value)
        => new(DecimalNumber.FromInt64(value), DecimalExponent, null, isInt64: true, value, 0);

    /// <summary>
    /// <c>Quantity.AsInt64()</c>: the value as an int64 when the fast form holds it at a scale of zero or above and
    /// the scaled value fits (<c>int64Amount.AsInt64</c>, <c>positiveScaleInt64</c>); an inf.Dec never converts, even a
    /// whole one (a parsed value of more than 18 digits, a sum that left int64).
    /// </summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (!IsInt64 || Int64Scale < 0)
        {
            return false;
        }

        return TryScaleUp(Int64Value, Int64Scale, out value);
    }

    /// <summary>
    /// <c>Quantity.AsApproximateFloat64()</c>: the unscaled integer as the nearest float64 (int64 to float64, or
    /// big.Float's Float64 of an inf.Dec's, ±Inf past its range) times Go's <c>math.Pow10</c> of the exponent, in
    /// float64 arithmetic: 0 times an infinite power is NaN, as in Go.
    /// </summary>
    public double AsApproximateFloat64()
    {
        double unscaled;
        long exponent;
        if (IsInt64)
        {
            unscaled = Int64Value;
            exponent = Int64Scale;
        }
        else
        {
            unscaled = UnscaledDecAsDouble();
            exponent = -DecScale;
        }

        return exponent == 0 ? unscaled : unscaled * GoPow10(exponent);
    }

    /// <summary>
    /// <c>Quantity.Add</c>: two int64Amounts add in int64 at the finer scale when nothing overflows
    /// (<c>int64Amount.Add</c>), else both become inf.Dec and add exactly at the larger inf.Dec scale. The sum forgets
    /// the cached text, and a zero left side takes the right side's format.
    /// </summary>
    public DecodedQuantity Add(DecodedQuantity other)
    {
        if (IsInt64 && other.IsInt64)
        {
            var format = Int64Value == 0 ? other.Format : Format;
            if (TryAddInt64(Int64Value, Int64Scale, other.Int64Value, other.Int64Scale, out var value, out var scale))
            {
                return new DecodedQuantity(DecimalNumber.FromInt64(value).ScaleByPowerOfTen(scale), format, null, isInt64: true, value, scale);
            }

            return AddDec(other, other.Amount, format);
        }

        return AddDec(other, other.Amount, IsZero ? other.Format : Format);
    }

    /// <summary>
    /// <c>Quantity.Sub</c>: <c>int64Amount.Sub</c> adds the negated value (Go's negation, so the smallest int64 stays
    /// itself), else inf.Dec subtracts exactly; a zero left side takes the right side's format.
    /// </summary>
    public DecodedQuantity Sub(DecodedQuantity other)
    {
        var format = IsZero ? other.Format : Format;
        if (IsInt64 && other.IsInt64
            && TryAddInt64(Int64Value, Int64Scale, unchecked(-other.Int64Value), other.Int64Scale, out var value, out var scale))
        {
            return new DecodedQuantity(DecimalNumber.FromInt64(value).ScaleByPowerOfTen(scale), format, null, isInt64: true, value, scale);
        }

        return AddDec(other, other.Amount.Negate(), format);
    }

    /// <summary>The inf.Dec sum: exact, at the larger of the two inf.Dec scales (an int64Amount's is its scale negated).</summary>
    private DecodedQuantity AddDec(DecodedQuantity other, DecimalNumber addend, string format)
    {
        var scale = Math.Max(IsInt64 ? -(long)Int64Scale : DecScale, other.IsInt64 ? -(long)other.Int64Scale : other.DecScale);
        return new DecodedQuantity(Amount.Add(addend), format, null, isInt64: false, 0, (int)scale);
    }

    /// <summary>
    /// <c>int64Amount.Add</c>: a zero side gives the other; otherwise the coarser value is scaled to the finer scale
    /// and the two added, failing on int64 overflow. The scale difference is Go's int32 arithmetic, which wraps.
    /// </summary>
    private static bool TryAddInt64(long a, int aScale, long b, int bScale, out long value, out int scale)
    {
        value = a;
        scale = aScale;
        if (b == 0)
        {
            return true;
        }

        if (a == 0)
        {
            value = b;
            scale = bScale;
            return true;
        }

        if (aScale == bScale)
        {
            return TryAdd(a, b, out value);
        }

        if (aScale > bScale)
        {
            scale = bScale;
            return TryScaleUp(a, unchecked(aScale - bScale), out var scaled) && TryAdd(scaled, b, out value);
        }

        return TryScaleUp(b, unchecked(bScale - aScale), out var other) && TryAdd(a, other, out value);
    }

    /// <summary><c>int64Add</c>: the sum, or false when it overflows.</summary>
    private static bool TryAdd(long a, long b, out long sum)
    {
        sum = unchecked(a + b);
        return !((a > 0 && b > 0 && sum < 0) || (a < 0 && b < 0 && (sum > 0 || (a == long.MinValue && b == long.MinValue))));
    }

    /// <summary>
    /// <c>positiveScaleInt64</c>: the value times 10^scale, or false when it overflows; a scale of zero or less (which
    /// a wrapped difference can be) leaves the value as it is.
    /// </summary>
    private static bool TryScaleUp(long value, int scale, out long result)
    {
        result = value;
        if (scale <= 0 || value == 0)
        {
            return true;
        }

        if (scale > 18)
        {
            return false;
        }

        var product = (BigInteger)value * BigInteger.Pow(10, scale);
        if (product < long.MinValue || product > long.MaxValue)
        {
            return false;
        }

        result = (long)product;
        return true;
    }

    /// <summary>big.Float's Float64 of the inf.Dec's unscaled integer: the nearest float64, ±Inf beyond its range.</summary>
    private double UnscaledDecAsDouble()
    {
        if (Amount.IsZero)
        {
            return 0;
        }

        // The unscaled integer is Digits × 10^(Exponent + DecScale); past 10^310 it is beyond float64.
        var power = Amount.Exponent + DecScale;
        if (Amount.Digits.Length + power > 310)
        {
            return Amount.IsNegative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        // .NET's parsing rounds to the nearest float64, ties to even, as big.Float's Float64 does.
        var magnitude = double.Parse(Amount.Digits + "e" + power.ToString(CultureInfo.InvariantCulture), NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return Amount.IsNegative ? -magnitude : magnitude;
    }

    /// <summary>
    /// Go's <c>math.Pow10</c>: a product (or quotient) of two table entries, each the float64 nearest its power of ten,
    /// so not always the float64 nearest 10^n; +Inf above 10^308 and 0 below 10^-323.
    /// </summary>
    private static double GoPow10(long n)
    {
        if (n is >= 0 and <= 308)
        {
            return Pow10PositiveBy32[n / 32] * Pow10Table[n % 32];
        }

        if (n is >= -323 and < 0)
        {
            return Pow10NegativeBy32[-n / 32] / Pow10Table[-n % 32];
        }

        return n > 0 ? double.PositiveInfinity : 0;
    }

    private static readonly double[] Pow10Table =
    [
        1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31,
    ];

    private static readonly double[] Pow10PositiveBy32 = [1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288];

    private static readonly double[] Pow10NegativeBy32 = [1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320];

    /// <summary><c>Quantity.String()</c>.</summary>
    public override string ToString() => _cached ?? Canonicalize(Amount, Format);

    /// <summary>
    /// <c>%#v</c> of the quantity, as field errors print a <c>resource.Quantity</c> passed by value (it is no
    /// <c>fmt.Stringer</c>: String has a pointer receiver). An inf.Dec prints as a pointer, whose address is not known.
    /// </summary>
    public string GoSyntax
        => IsInt64
            ? $"resource.Quantity{{i:resource.int64Amount{{value:{Int64Value.ToString(CultureInfo.InvariantCulture)}, scale:{Int64Scale.ToString(CultureInfo.InvariantCulture)}}}, d:resource.infDecAmount{{Dec:(*inf.Dec)(nil)}}, s:{GoValue.Quote(_cached ?? string.Empty)}, Format:{GoValue.Quote(Format)}}}"
            : $"resource.Quantity{{i:resource.int64Amount{{value:0, scale:0}}, d:resource.infDecAmount{{Dec:(*inf.Dec)(...)}}, s:\"\", Format:{GoValue.Quote(Format)}}}";

    /// <summary>
    /// <c>CanonicalizeBytes</c>: BinarySI for whole values of magnitude 1024 or more (the mantissa with factors of 1024
    /// moved into Ki..Ei), else decimal with the largest exponent, a multiple of three, that keeps the mantissa whole;
    /// DecimalSI prints the exponent as its suffix (none beyond n..E, as <c>constructBytes</c> finds none),
    /// DecimalExponent as "e" and the exponent.
    /// </summary>
    public static string Canonicalize(DecimalNumber value, string format)
    {
        if (value.IsZero)
        {
            return "0";
        }

        var sign = value.IsNegative ? "-" : string.Empty;
        if (format == BinarySI)
        {
            var magnitude = value.IsNegative ? value.Negate() : value;
            if (magnitude >= Binary1024 && value.IsInteger)
            {
                return sign + Base1024(magnitude);
            }

            format = DecimalSI;
        }

        // AsCanonicalBytes: the digits without trailing zeros, then widened until the exponent is a multiple of 3.
        var exponent = value.Exponent;
        var widen = (int)(((exponent % 3) + 3) % 3);
        var mantissa = value.Digits + new string('0', widen);
        exponent -= widen;
        if (format == DecimalExponent)
        {
            return exponent == 0 ? sign + mantissa : sign + mantissa + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        return sign + mantissa + DecimalSuffix(exponent);
    }

    /// <summary>The text a YAML scalar reaches the server as: a string as written, a number as Go's encoding/json writes it.</summary>
    private static string? JsonText(YamlScalar scalar)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.String:
                return scalar.Value;
            case ScalarKind.Int:
                return scalar.TryGetInteger(out var integer) ? integer.ToString(CultureInfo.InvariantCulture) : null;
            case ScalarKind.Float when scalar.TryGetDouble(out var number) && !double.IsNaN(number) && !double.IsInfinity(number):
                return JsonFloat(number);
            default:
                return null;
        }
    }

    /// <summary>
    /// encoding/json's float64 text: the shortest digits, plain from 1e-6 to below 1e21, else exponent form
    /// ("1e+21", "1.5e-7": encoding/json cuts strconv's "e-07").
    /// </summary>
    private static string JsonFloat(double number)
    {
        var value = DecimalNumber.FromDouble(number);
        var magnitude = Math.Abs(number);
        if (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21))
        {
            return value.ToString();
        }

        var digits = value.Digits;
        var power = digits.Length - 1 + value.Exponent;
        var text = new StringBuilder(value.IsNegative ? "-" : string.Empty).Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }

        // Exponents here are at least 21 or at most -7, so the two-digit minimum shows only as the cut "e-07".
        return text.Append('e').Append(power < 0 ? '-' : '+').Append(Math.Abs(power).ToString(CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>
    /// ParseQuantity's int64 fast path: at most 18 digits (fewer for binary suffixes, by their size), a scale of nano
    /// or above and no int64 overflow. The input is cached as the canonical text when it already is canonical.
    /// </summary>
    private static bool TryFastPath(string text, string suffix, int binaryExponent, int decimalExponent, out long value, out int scale, out bool cached)
    {
        value = 0;
        scale = 0;
        cached = false;
        var negative = text[0] == '-';
        var start = text[0] is '+' or '-' ? 1 : 0;
        var number = text.Substring(start, text.Length - suffix.Length - start);
        var point = number.IndexOf('.');
        var num = (point < 0 ? number : number.Substring(0, point)).TrimStart('0');
        var denom = point < 0 ? string.Empty : number.Substring(point + 1);
        if (num.Length == 0)
        {
            num = "0";
        }

        long mantissa = 1;
        int precision;
        if (binaryExponent > 0)
        {
            if (denom.Length > 0)
            {
                return false;
            }

            mantissa <<= binaryExponent;
            precision = 15 - num.Length - (binaryExponent * 3 / 10) - 1;
        }
        else
        {
            scale = decimalExponent;
            precision = MaxInt64Factors - (num.Length + denom.Length);
        }

        if (precision < 0)
        {
            return false;
        }

        scale = unchecked(scale - denom.Length);
        var shifted = num + denom;
        if (scale < -9 || !long.TryParse(shifted, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return false;
        }

        if (mantissa != 1 && digits > long.MaxValue / mantissa)
        {
            return false;
        }

        value = negative ? -(digits * mantissa) : digits * mantissa;
        cached = binaryExponent > 0
            ? (digits & 0x07) != 0
            : scale % 3 == 0 && !shifted.EndsWith("000", StringComparison.Ordinal) && shifted[0] != '0';
        return true;
    }

    /// <summary><c>negativeScaleInt64</c>: divides by 10^scale, rounding away from zero (never to zero from non-zero).</summary>
    private static long NegativeScaleInt64(long value, int scale)
    {
        var fraction = false;
        var result = value;
        for (var i = 0; i < scale; i++)
        {
            fraction |= result % 10 != 0;
            result /= 10;
            if (result == 0)
            {
                return fraction ? value > 0 ? 1 : -1 : 0;
            }
        }

        return fraction ? value > 0 ? result + 1 : result - 1 : result;
    }

    /// <summary><c>AsCanonicalBase1024Bytes</c> of a whole magnitude: the mantissa and Ki..Ei for the factors of 1024 removed.</summary>
    private static string Base1024(DecimalNumber magnitude)
    {
        if (magnitude.IntegerDigits > MaxBinaryDigits)
        {
            return magnitude.ToString();
        }

        var integer = BigInteger.Parse(magnitude.Digits, NumberStyles.None, CultureInfo.InvariantCulture) * BigInteger.Pow(10, (int)magnitude.Exponent);
        var power = 0;
        while (integer >= 1024 && integer % 1024 == 0)
        {
            integer /= 1024;
            power++;
        }

        // constructBytes knows Ki..Ei only; other powers print the mantissa alone.
        var suffix = power < BinarySuffixes.Length ? BinarySuffixes[power] : string.Empty;
        return integer.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string DecimalSuffix(long exponent) => exponent switch
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
}
