using System.Globalization;
using System.Numerics;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Model;

/// <summary>
/// A resource quantity parsed exactly as apimachinery's <c>resource.ParseQuantity</c> does, including its quirks
/// (a bare suffix such as "Gi" is zero; "1." is valid; "--1" fails on its suffix; an exponent is cut to int32).
/// The value is exact and of any size (<see cref="DecimalNumber"/>, in place of inf.Dec): comparisons never
/// overflow, values are rounded up to nano units and binary-suffixed ones capped at 2^63-1 as upstream does.
/// </summary>
public readonly struct Quantity : IComparable<Quantity>, IEquatable<Quantity>
{
    /// <summary>apimachinery's ErrFormatWrong text.</summary>
    public const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>apimachinery's ErrSuffix text.</summary>
    public const string SuffixError = "unable to parse quantity's suffix";

    // resource.maxAllowed: binary-suffixed quantities are capped at the largest int64.
    private static readonly DecimalNumber MaxAllowed = DecimalNumber.FromInt64(long.MaxValue);

    // 2^60 (Ei) is below 10^19: a product with it moves digits at most 19 places, so fraction digits past
    // nano + 19 (+1 kept as a sticky digit) cannot change the product rounded up to nano units.
    private const int BinaryFractionDigits = 9 + 19 + 1;

    private Quantity(DecimalNumber value, string text, string suffix, bool hasNumber)
    {
        Value = value;
        Text = text;
        Suffix = suffix;
        HasNumber = hasNumber;
    }

    /// <summary>The exact value in base units (cores for cpu, bytes for memory).</summary>
    public DecimalNumber Value { get; }

    public string Text { get; }

    /// <summary>The suffix as written ("Mi", "m", "e3", or empty).</summary>
    public string Suffix { get; }

    /// <summary>False for a bare suffix such as "Gi", which the API accepts as zero but is surely a mistake.</summary>
    public bool HasNumber { get; }

    public bool IsBinarySuffix => Suffix.Length == 2 && Suffix[1] == 'i';

    public static Quantity Parse(string text)
        => TryParse(text, out var quantity, out var error) ? quantity : throw new FormatException(error);

    /// <summary>
    /// A quantity as the API server reads it from a YAML scalar: strings are parsed, and numbers are first written
    /// as JSON the way sigs.k8s.io/yaml does (an integer as its digits, a float as Go's shortest float64 text, so
    /// <c>0x10</c> is 16 and <c>1e3</c> is 1000). Infinite floats have no JSON form.
    /// </summary>
    public static bool TryRead(YamlScalar scalar, out Quantity quantity, out string error)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Int when scalar.TryGetInteger(out var integer):
                quantity = new Quantity(DecimalNumber.FromInteger(integer), scalar.Value, string.Empty, hasNumber: true);
                error = string.Empty;
                return true;
            case ScalarKind.Float when scalar.TryGetDouble(out var number):
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    // encoding/json's UnsupportedValueError, which kubectl reports before sending anything.
                    quantity = default;
                    error = "json: unsupported value: " + (double.IsNaN(number) ? "NaN" : number > 0 ? "+Inf" : "-Inf");
                    return false;
                }

                quantity = new Quantity(DecimalNumber.FromDouble(number).RoundAwayFromZero(-9), scalar.Value, string.Empty, hasNumber: true);
                error = string.Empty;
                return true;
            default:
                return TryParse(scalar.Value, out quantity, out error);
        }
    }

    public static bool TryParse(string text, out Quantity quantity, out string error)
    {
        quantity = default;
        error = FormatError;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (!TrySplit(text, out var positive, out var whole, out var fraction, out var suffix, out var hasNumber))
        {
            return false;
        }

        if (!TryInterpretSuffix(suffix, out var binaryExponent, out var decimalExponent))
        {
            error = SuffixError;
            return false;
        }

        var value = binaryExponent > 0
            ? Binary(whole, fraction, binaryExponent)
            : Decimal(whole, fraction, decimalExponent);
        quantity = new Quantity(positive ? value : value.Negate(), text, suffix, hasNumber);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// A decimal (SI or exponent) quantity. ParseQuantity takes an int64 fast path for at most 18 digits at a scale
    /// of nano or above, where the scale is int32 arithmetic (exponent - fraction digits, wrapping); otherwise inf.Dec,
    /// whose scale is fraction digits - exponent (int32, wrapping), rounded up to nano. Both wraps are kept.
    /// </summary>
    private static DecimalNumber Decimal(string whole, string fraction, int exponent)
    {
        var digits = Math.Max(1, whole.TrimStart('0').Length) + fraction.Length;
        var fastScale = unchecked(exponent - fraction.Length);
        if (digits <= 18 && fastScale >= -9)
        {
            return DecimalNumber.FromParts(false, whole, fraction, 0).ScaleByPowerOfTen(fastScale + (long)fraction.Length);
        }

        var infScale = unchecked(fraction.Length + unchecked(-exponent));
        return DecimalNumber.FromParts(false, whole, fraction, 0)
            .ScaleByPowerOfTen(fraction.Length - (long)infScale)
            .RoundAwayFromZero(-9);
    }

    /// <summary>A binary-suffixed quantity: the number times 2^exponent, rounded up to nano and capped at 2^63-1.</summary>
    private static DecimalNumber Binary(string whole, string fraction, int exponent)
    {
        var number = DecimalNumber.FromParts(false, whole, StickyFraction(fraction), 0);
        if (number.IntegerDigits > 19)
        {
            return MaxAllowed;
        }

        var value = number.Multiply(BigInteger.One << exponent).RoundAwayFromZero(-9);
        return value > MaxAllowed ? MaxAllowed : value;
    }

    private static string StickyFraction(string fraction)
    {
        if (fraction.Length <= BinaryFractionDigits)
        {
            return fraction;
        }

        var kept = fraction.Substring(0, BinaryFractionDigits);
        return fraction.Substring(BinaryFractionDigits).Any(c => c != '0') ? kept + "1" : kept;
    }

    /// <summary>The grammar walk of apimachinery's parseQuantityString.</summary>
    private static bool TrySplit(string s, out bool positive, out string whole, out string fraction, out string suffix, out bool hasNumber)
    {
        positive = true;
        whole = fraction = suffix = string.Empty;
        var pos = 0;
        var end = s.Length;
        if (s[0] is '-' or '+')
        {
            positive = s[0] == '+';
            pos++;
        }

        var digitsStart = pos;
        while (pos < end && s[pos] is >= '0' and <= '9')
        {
            pos++;
        }

        whole = s.Substring(digitsStart, pos - digitsStart);
        hasNumber = whole.Length > 0;
        if (pos < end && s[pos] == '.')
        {
            pos++;
            var fractionStart = pos;
            while (pos < end && s[pos] is >= '0' and <= '9')
            {
                pos++;
            }

            fraction = s.Substring(fractionStart, pos - fractionStart);
            hasNumber |= fraction.Length > 0;
        }

        var suffixStart = pos;
        while (pos < end && "eEinumkKMGTP".IndexOf(s[pos]) >= 0)
        {
            pos++;
        }

        if (pos < end && s[pos] is '-' or '+')
        {
            pos++;
        }

        while (pos < end && s[pos] is >= '0' and <= '9')
        {
            pos++;
        }

        suffix = s.Substring(suffixStart);
        return pos == end;
    }

    /// <summary>
    /// apimachinery's suffixer: SI and binary suffixes, or e/E and an integer read with strconv.ParseInt(s, 10, 64)
    /// and then cut to int32 (<c>int32(parsed)</c>): "1E+2147483648" has exponent -2147483648, which the scale
    /// arithmetic of <see cref="Decimal"/> negates back (int32 wrap), so it is 10^2147483648 as upstream.
    /// </summary>
    public static bool TryInterpretSuffix(string suffix, out int binaryExponent, out int decimalExponent)
    {
        binaryExponent = 0;
        decimalExponent = 0;
        switch (suffix)
        {
            case "":
                return true;
            case "n":
                decimalExponent = -9;
                return true;
            case "u":
                decimalExponent = -6;
                return true;
            case "m":
                decimalExponent = -3;
                return true;
            case "k":
                decimalExponent = 3;
                return true;
            case "M":
                decimalExponent = 6;
                return true;
            case "G":
                decimalExponent = 9;
                return true;
            case "T":
                decimalExponent = 12;
                return true;
            case "P":
                decimalExponent = 15;
                return true;
            case "E":
                decimalExponent = 18;
                return true;
            case "Ki" or "Mi" or "Gi" or "Ti" or "Pi" or "Ei":
                binaryExponent = 10 * ("KMGTPE".IndexOf(suffix[0]) + 1);
                return true;
        }

        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && GoParseInt64(suffix.Substring(1), out var exponent))
        {
            decimalExponent = unchecked((int)exponent);
            return true;
        }

        return false;
    }

    /// <summary>strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64.</summary>
    private static bool GoParseInt64(string text, out long value)
        => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
           && text.Length > 0 && text.Skip(text[0] is '+' or '-' ? 1 : 0).All(c => c is >= '0' and <= '9');

    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    public bool Equals(Quantity other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    public override string ToString() => Text;
}
