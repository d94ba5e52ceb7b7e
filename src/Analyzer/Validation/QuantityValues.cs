using System.Globalization;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// Quantities as the API server's validation sees and prints them (staging/src/k8s.io/apimachinery/pkg/api/resource):
/// the value after parsing, its canonical text (<c>Quantity.String()</c>, which error messages print: "2048Mi" prints
/// as "2Gi") and its integer value (<c>Quantity.Value()</c>, rounded up). Validations read quantities only here.
/// </summary>
public static class QuantityValues
{
    private const decimal Int64Limit = 9_223_372_036_854_775_807m;

    private static readonly Quantity Zero = Quantity.Parse("0");

    /// <summary>
    /// The quantity of a field: a string in apimachinery's grammar or a YAML number (sent as a JSON number, which the
    /// decoder formats and parses again). False when absent or unparseable: schema validation reports the latter.
    /// </summary>
    public static bool TryRead(Field field, out Quantity quantity)
    {
        quantity = default;
        return field.Node is YamlScalar { IsNull: false } scalar
            && scalar.Kind is ScalarKind.String or ScalarKind.Int or ScalarKind.Float
            && Quantity.TryParse(scalar.Value, out quantity, out _);
    }

    public static bool IsNegative(Quantity quantity) => quantity < Zero;

    public static bool IsPositive(Quantity quantity) => quantity > Zero;

    /// <summary><c>Quantity.Value()</c>: the value rounded up to an integer.</summary>
    public static long Ceiling(Quantity quantity) => quantity.Value.ToInt64Ceiling();

    /// <summary><c>Quantity.MilliValue()</c>: the value in thousandths, rounded up.</summary>
    public static long MilliValue(Quantity quantity) => quantity.Value.ToInt64Ceiling(scale: 3);

    /// <summary><c>Quantity.MilliValue() % 1000 == 0</c>: the value is a whole number.</summary>
    public static bool IsInteger(Quantity quantity)
        => quantity.Value.IntegerDigits > 15 || quantity.Value.ToInt64Ceiling(scale: 3) % 1000 == 0;

    /// <summary>
    /// <c>ValidateResourceQuantityValue</c> (pkg/apis/core/validation): not negative, and whole for resources counted
    /// in units (object counts, extended resources).
    /// </summary>
    public static void ValidateResourceValue(ValidationContext context, Field field, string resourceName)
    {
        if (!TryRead(field, out var quantity))
        {
            return;
        }

        if (IsNegative(quantity))
        {
            context.Invalid(field, Canonical(quantity), "must be greater than or equal to 0");
        }

        if (ResourceNames.IsInteger(resourceName) && !IsInteger(quantity))
        {
            context.Invalid(field, GoValue.Raw(Canonical(quantity)), "must be an integer");
        }
    }

    /// <summary>
    /// <c>Quantity.String()</c> (<c>CanonicalizeBytes</c>): binary suffixes stay binary when the value is a whole
    /// number of at least 1024 in magnitude, exponents stay exponents, anything else is decimal SI with the mantissa's
    /// exponent a multiple of three ("1500" stays "1500", "2000" prints "2k", "0.5" prints "500m").
    /// </summary>
    public static string Canonical(Quantity quantity)
    {
        if (quantity.Value.IntegerDigits > 19)
        {
            // Beyond int64 (and decimal's nano-scale range) upstream prints inf.Dec's exact digits; shown shortened.
            return quantity.Value.ToString();
        }

        // apimachinery keeps at most nano precision, rounding away from zero.
        var value = RoundToNano(quantity.Value.ToDecimal(Int64Limit));
        if (value == 0)
        {
            return "0";
        }

        var sign = value < 0 ? "-" : string.Empty;
        var magnitude = Math.Abs(value);
        var binary = quantity.IsBinarySuffix && magnitude >= 1024 && decimal.Truncate(magnitude) == magnitude;
        if (binary)
        {
            var exponent = 0;
            while (exponent < BinarySuffixes.Length - 1 && magnitude % 1024 == 0)
            {
                magnitude /= 1024;
                exponent++;
            }

            return sign + magnitude.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[exponent];
        }

        var (mantissa, tens) = CanonicalDecimal(magnitude);
        var exponentForm = quantity.Suffix.Length > 0 && quantity.Suffix[0] is 'e' or 'E';
        var suffix = exponentForm
            ? tens == 0 ? string.Empty : "e" + tens.ToString(CultureInfo.InvariantCulture)
            : DecimalSuffix(tens);
        return sign + mantissa + suffix;
    }

    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private static decimal RoundToNano(decimal value)
    {
        if (Math.Abs(value) >= Int64Limit)
        {
            // Far beyond nano precision: nothing to round.
            return value;
        }

        var scaled = value * 1_000_000_000m;
        var rounded = scaled < 0 ? Math.Floor(scaled) : Math.Ceiling(scaled);
        return rounded / 1_000_000_000m;
    }

    /// <summary>An integer mantissa without trailing zeros, then widened so that the exponent is a multiple of three.</summary>
    private static (string Mantissa, int Exponent) CanonicalDecimal(decimal magnitude)
    {
        var exponent = 0;
        var mantissa = magnitude;
        while (decimal.Truncate(mantissa) != mantissa)
        {
            mantissa *= 10;
            exponent--;
        }

        while (mantissa != 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        var text = decimal.Truncate(mantissa).ToString(CultureInfo.InvariantCulture);
        var remainder = ((exponent % 3) + 3) % 3;
        return (text + new string('0', remainder), exponent - remainder);
    }

    private static string DecimalSuffix(int exponent) => exponent switch
    {
        -9 => "n",
        -6 => "u",
        -3 => "m",
        0 => string.Empty,
        3 => "k",
        6 => "M",
        9 => "G",
        12 => "T",
        15 => "P",
        18 => "E",
        _ => "e" + exponent.ToString(CultureInfo.InvariantCulture),
    };
}
