using System.Globalization;
using System.Numerics;
using System.Text;

namespace KubeLint.Analyzer.Model;

/// <summary>
/// An exact decimal of any size: a sign, a digit string and a power of ten (value = ±Digits × 10^Exponent).
/// It stands in for the arbitrary-precision inf.Dec behind apimachinery's Quantity. Digits are kept as text so that
/// every operation is linear in the digits written: "1e2147483647" is three characters, not two billion digits, and
/// comparing or converting it never overflows.
/// </summary>
public readonly struct DecimalNumber : IComparable<DecimalNumber>, IEquatable<DecimalNumber>
{
    // Plain renderings longer than this switch to scientific notation, so messages stay short for any value.
    private const int MaxPlainLength = 40;

    // Exponents come from text (at most a file's length) shifted by int32 suffix exponents, so they stay far from
    // long's range and Digits.Length + Exponent never overflows.
    private const long MaxShift = 1L << 32;

    // Sums align the operands' digits: beyond this span they are rounded first (see Add).
    private const int MaxAlignedDigits = 4096;

    private readonly string? _digits;

    private DecimalNumber(bool negative, string digits, long exponent)
    {
        // Normalized: no leading or trailing zeros, and zero has no sign and exponent 0.
        var start = 0;
        while (start < digits.Length && digits[start] == '0')
        {
            start++;
        }

        var end = digits.Length;
        while (end > start && digits[end - 1] == '0')
        {
            end--;
            exponent++;
        }

        _digits = start == 0 && end == digits.Length ? digits : digits.Substring(start, end - start);
        if (_digits.Length == 0)
        {
            negative = false;
            exponent = 0;
        }

        IsNegative = negative;
        Exponent = exponent;
    }

    public static DecimalNumber Zero => default;

    public bool IsNegative { get; }

    /// <summary>The significant digits without leading or trailing zeros; empty for zero.</summary>
    public string Digits => _digits ?? string.Empty;

    public long Exponent { get; }

    public bool IsZero => Digits.Length == 0;

    public int Sign => IsZero ? 0 : IsNegative ? -1 : 1;

    /// <summary>True when the value has no fractional part.</summary>
    public bool IsInteger => Exponent >= 0;

    /// <summary>Position of the leading digit: the value lies in [10^(Magnitude-1), 10^Magnitude).</summary>
    private long Magnitude => Digits.Length + Exponent;

    /// <summary>±(whole.fraction) × 10^exponent, from decimal digit strings.</summary>
    public static DecimalNumber FromParts(bool negative, string whole, string fraction, long exponent)
        => new(negative, whole + fraction, exponent - fraction.Length);

    public static DecimalNumber FromInteger(BigInteger value)
        => new(value.Sign < 0, BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture), 0);

    public static DecimalNumber FromInt64(long value) => FromInteger(value);

    /// <summary>
    /// The exact value of a finite double's shortest round-trip text: what Go's encoding/json writes for a float64,
    /// and so what the API server reads from a YAML float.
    /// </summary>
    public static DecimalNumber FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "not a finite number");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        var body = negative ? text.Substring(1) : text;
        long exponent = 0;
        var e = body.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = long.Parse(body.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body.Substring(0, e);
        }

        var point = body.IndexOf('.');
        return point < 0
            ? FromParts(negative, body, string.Empty, exponent)
            : FromParts(negative, body.Substring(0, point), body.Substring(point + 1), exponent);
    }

    public DecimalNumber Negate() => new(!IsNegative, Digits, Exponent);

    /// <summary>The value times 10^<paramref name="power"/>, for |power| up to 2^32 (exponents of parsed text stay far below).</summary>
    public DecimalNumber ScaleByPowerOfTen(long power)
    {
        if (IsZero)
        {
            return this;
        }

        if (power is > MaxShift or < -MaxShift)
        {
            throw new ArgumentOutOfRangeException(nameof(power));
        }

        return new DecimalNumber(IsNegative, Digits, Exponent + power);
    }

    /// <summary>
    /// Rounds away from zero to a multiple of 10^<paramref name="exponent"/> (inf.RoundUp, which apimachinery applies
    /// at nano scale so that any non-zero request stays non-zero).
    /// </summary>
    public DecimalNumber RoundAwayFromZero(long exponent)
    {
        if (IsZero || Exponent >= exponent)
        {
            return this;
        }

        // Digits at or above 10^exponent; the dropped ones are never all zero, because Digits has no trailing zero.
        var keep = Magnitude - exponent;
        if (keep <= 0)
        {
            return new DecimalNumber(IsNegative, "1", exponent);
        }

        return new DecimalNumber(IsNegative, Increment(Digits.Substring(0, (int)keep)), exponent);
    }

    /// <summary>The value times an integer, exactly; used for binary suffixes, whose factor is at most 2^60.</summary>
    public DecimalNumber Multiply(BigInteger factor)
    {
        if (IsZero || factor.IsZero)
        {
            return Zero;
        }

        var product = BigInteger.Parse(Digits, NumberStyles.None, CultureInfo.InvariantCulture) * BigInteger.Abs(factor);
        return new DecimalNumber(IsNegative ^ (factor.Sign < 0), product.ToString(CultureInfo.InvariantCulture), Exponent);
    }

    /// <summary>
    /// The exact sum (inf.Dec's Add, behind Quantity.Add) when the operands' digits span at most
    /// <see cref="MaxAlignedDigits"/> places; past that (1e1000000 + 1) both are first rounded away from zero to that
    /// many places below the larger one's leading digit, so that a sum never costs more than those digits.
    /// </summary>
    public DecimalNumber Add(DecimalNumber other)
    {
        if (IsZero)
        {
            return other;
        }

        if (other.IsZero)
        {
            return this;
        }

        var left = this;
        var right = other;
        var high = Math.Max(Magnitude, other.Magnitude);
        if (high - Math.Min(Exponent, other.Exponent) > MaxAlignedDigits)
        {
            left = left.RoundAwayFromZero(high - MaxAlignedDigits);
            right = right.RoundAwayFromZero(high - MaxAlignedDigits);
        }

        var low = Math.Min(left.Exponent, right.Exponent);
        var sum = left.Aligned(low) + right.Aligned(low);
        return new DecimalNumber(sum.Sign < 0, BigInteger.Abs(sum).ToString(CultureInfo.InvariantCulture), low);
    }

    /// <summary>The signed integer of the digits shifted to <paramref name="exponent"/> (at most this value's exponent).</summary>
    private BigInteger Aligned(long exponent)
    {
        var integer = BigInteger.Parse(Digits, NumberStyles.None, CultureInfo.InvariantCulture) * BigInteger.Pow(10, (int)(Exponent - exponent));
        return IsNegative ? -integer : integer;
    }

    /// <summary>Number of digits of the integer part, a bound callers use before multiplying digit strings.</summary>
    public long IntegerDigits => IsZero ? 0 : Math.Max(0, Magnitude);

    /// <summary>
    /// The value times 10^<paramref name="scale"/>, rounded up (towards positive infinity) to an integer and saturated
    /// to the range of long: the scheduler's int64 units (MilliValue is scale 3) without its silent overflow.
    /// </summary>
    public long ToInt64Ceiling(int scale = 0)
    {
        if (IsZero)
        {
            return 0;
        }

        var magnitude = Magnitude + scale;
        if (magnitude > 19)
        {
            return IsNegative ? long.MinValue : long.MaxValue;
        }

        if (magnitude <= 0)
        {
            // |value| < 1 after scaling: a positive value rounds up to 1, a negative one to 0.
            return IsNegative ? 0 : 1;
        }

        var exponent = Exponent + scale;
        var integerDigits = exponent >= 0 ? Digits + new string('0', (int)exponent) : Digits.Substring(0, (int)magnitude);
        var hasFraction = exponent < 0;
        var whole = BigInteger.Parse(integerDigits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (IsNegative)
        {
            whole = -whole;
        }
        else if (hasFraction)
        {
            whole += 1;
        }

        return whole > long.MaxValue ? long.MaxValue : whole < long.MinValue ? long.MinValue : (long)whole;
    }

    /// <summary>
    /// The value as a <see cref="decimal"/>, for code that computes in decimal (the simulator's resource sums): at most its
    /// 28 significant digits are kept (the rest cut), values below its scale become zero and magnitudes above
    /// <paramref name="bound"/> saturate to ±bound, so no conversion or later arithmetic within the bound overflows.
    /// </summary>
    public decimal ToDecimal(decimal bound)
    {
        const int MaxDigits = 28;
        if (IsZero || Magnitude < -MaxDigits)
        {
            return 0m;
        }

        if (Magnitude > MaxDigits)
        {
            return IsNegative ? -bound : bound;
        }

        var digits = Digits;
        var exponent = Exponent;
        var keep = Math.Min(digits.Length, MaxDigits);
        if (exponent + (digits.Length - keep) < -MaxDigits)
        {
            keep = (int)Math.Max(1, digits.Length + exponent + MaxDigits);
        }

        exponent += digits.Length - keep;
        var value = decimal.Parse(
            digits.Substring(0, keep) + "e" + exponent.ToString(CultureInfo.InvariantCulture),
            NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture);
        value = Math.Min(value, bound);
        return IsNegative ? -value : value;
    }

    public int CompareTo(DecimalNumber other)
    {
        if (Sign != other.Sign)
        {
            return Sign.CompareTo(other.Sign);
        }

        if (Sign == 0)
        {
            return 0;
        }

        var magnitude = CompareMagnitude(other);
        return IsNegative ? -magnitude : magnitude;
    }

    private int CompareMagnitude(DecimalNumber other)
    {
        if (Magnitude != other.Magnitude)
        {
            return Magnitude.CompareTo(other.Magnitude);
        }

        // Same leading position: the digit strings compare as fractions 0.ddd; the longer one of equal prefix is
        // larger because neither has trailing zeros.
        var a = Digits;
        var b = other.Digits;
        var common = Math.Min(a.Length, b.Length);
        for (var i = 0; i < common; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    public bool Equals(DecimalNumber other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is DecimalNumber other && Equals(other);

    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Digits) * 31) + Exponent.GetHashCode() + (IsNegative ? 1 : 0);

    public static bool operator ==(DecimalNumber left, DecimalNumber right) => left.Equals(right);

    public static bool operator !=(DecimalNumber left, DecimalNumber right) => !left.Equals(right);

    public static bool operator <(DecimalNumber left, DecimalNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(DecimalNumber left, DecimalNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(DecimalNumber left, DecimalNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DecimalNumber left, DecimalNumber right) => left.CompareTo(right) >= 0;

    /// <summary>Plain decimal text ("0.5", "100000000000000000000000000") when short, else scientific ("1.5e+100").</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "0";
        }

        var sign = IsNegative ? "-" : string.Empty;
        var plainLength = Exponent >= 0 ? Digits.Length + Exponent : Math.Max(Digits.Length, -Exponent + 1) + 1;
        if (plainLength <= MaxPlainLength)
        {
            if (Exponent >= 0)
            {
                return sign + Digits + new string('0', (int)Exponent);
            }

            var point = Digits.Length + (int)Exponent;
            return point > 0
                ? sign + Digits.Substring(0, point) + "." + Digits.Substring(point)
                : sign + "0." + new string('0', -point) + Digits;
        }

        var text = new StringBuilder(sign).Append(Digits[0]);
        if (Digits.Length > 1)
        {
            // Long mantissas are cut for display only; comparisons use every digit.
            var shown = Math.Min(Digits.Length, 16);
            text.Append('.').Append(Digits, 1, shown - 1);
            if (shown < Digits.Length)
            {
                text.Append('…');
            }
        }

        var power = Magnitude - 1;
        return text.Append('e').Append(power >= 0 ? "+" : string.Empty).Append(power.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>Adds one to a string of decimal digits ("199" → "200").</summary>
    private static string Increment(string digits)
    {
        var chars = digits.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] != '9')
            {
                chars[i]++;
                return new string(chars);
            }

            chars[i] = '0';
        }

        return "1" + new string(chars);
    }
}
