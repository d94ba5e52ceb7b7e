using System.Globalization;

namespace KubeLint.Analyzer.Model;

/// <summary>
/// A resource quantity parsed exactly as apimachinery's <c>resource.ParseQuantity</c> does, including its quirks
/// (a bare suffix such as "Gi" is zero; "1." is valid; "--1" fails on its suffix). The value is kept as a decimal,
/// saturated at decimal's range, which covers every quantity a real cluster uses (2^60 for "1Ei" fits easily).
/// </summary>
public readonly struct Quantity : IComparable<Quantity>, IEquatable<Quantity>
{
    /// <summary>apimachinery's ErrFormatWrong text.</summary>
    public const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>apimachinery's ErrSuffix text.</summary>
    public const string SuffixError = "unable to parse quantity's suffix";

    private Quantity(decimal value, string text, string suffix, bool hasNumber)
    {
        Value = value;
        Text = text;
        Suffix = suffix;
        HasNumber = hasNumber;
    }

    /// <summary>The value in base units (cores for cpu, bytes for memory).</summary>
    public decimal Value { get; }

    public string Text { get; }

    /// <summary>The suffix as written ("Mi", "m", "e3", or empty).</summary>
    public string Suffix { get; }

    /// <summary>False for a bare suffix such as "Gi", which the API accepts as zero but is surely a mistake.</summary>
    public bool HasNumber { get; }

    public bool IsBinarySuffix => Suffix.Length == 2 && Suffix[1] == 'i';

    public static Quantity Parse(string text)
        => TryParse(text, out var quantity, out var error) ? quantity : throw new FormatException(error);

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

        if (!TryInterpretSuffix(suffix, out var multiplier))
        {
            error = SuffixError;
            return false;
        }

        decimal number;
        try
        {
            number = decimal.Parse(
                (whole.Length == 0 ? "0" : whole) + (fraction.Length > 0 ? "." + fraction : string.Empty),
                NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            number = decimal.MaxValue;
        }

        var value = Multiply(number, multiplier);
        quantity = new Quantity(positive ? value : -value, text, suffix, hasNumber);
        error = string.Empty;
        return true;
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

    private static bool TryInterpretSuffix(string suffix, out decimal multiplier)
    {
        multiplier = suffix switch
        {
            "" => 1m,
            "n" => 0.000000001m,
            "u" => 0.000001m,
            "m" => 0.001m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            "Ki" => 1024m,
            "Mi" => 1024m * 1024,
            "Gi" => 1024m * 1024 * 1024,
            "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
            "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            _ => 0m,
        };
        if (multiplier != 0m)
        {
            return true;
        }

        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && long.TryParse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            multiplier = Pow10(exponent);
            return true;
        }

        return false;
    }

    private static decimal Pow10(long exponent)
    {
        var result = 1m;
        var steps = Math.Min(Math.Abs(exponent), 40);
        for (var i = 0; i < steps; i++)
        {
            result = exponent > 0 ? Multiply(result, 10m) : result / 10m;
        }

        return result;
    }

    private static decimal Multiply(decimal a, decimal b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }

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
