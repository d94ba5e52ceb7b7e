using System.Globalization;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Model;

/// <summary>
/// An int-or-string value such as maxSurge ("25%" or 2), resolved as apimachinery's
/// <c>GetScaledValueFromIntOrPercent</c> does.
/// </summary>
public readonly record struct IntOrPercent(int Value, bool IsPercent)
{
    /// <summary>The percent-string error text of the API server's validation.</summary>
    public const string PercentError = "a valid percent string must be a numeric string followed by an ending '%'";

    /// <summary>Reads an int or a "N%" string; false for anything else (other strings, negative values are still returned).</summary>
    public static bool TryRead(YamlNode? node, out IntOrPercent value)
    {
        value = default;
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } scalar when scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue:
                value = new IntOrPercent((int)number, IsPercent: false);
                return true;
            case YamlScalar { Kind: ScalarKind.String } scalar:
                return TryParsePercent(scalar.Value, out value);
            default:
                return false;
        }
    }

    /// <summary>"25%" → 25 percent. Go's strconv.Atoi is used upstream: an optional sign and decimal digits only.</summary>
    public static bool TryParsePercent(string text, out IntOrPercent value)
    {
        value = default;
        if (text.Length < 2 || text[text.Length - 1] != '%')
        {
            return false;
        }

        if (!int.TryParse(text.Substring(0, text.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
        {
            return false;
        }

        value = new IntOrPercent(percent, IsPercent: true);
        return true;
    }

    /// <summary>Scales a percentage against <paramref name="total"/>, rounding up or down; plain ints are returned as they are.</summary>
    public int Scale(int total, bool roundUp)
    {
        if (!IsPercent)
        {
            return Value;
        }

        var scaled = (long)Value * total;
        return (int)(roundUp ? CeilDiv(scaled, 100) : FloorDiv(scaled, 100));
    }

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    public override string ToString() => IsPercent ? Value + "%" : Value.ToString(CultureInfo.InvariantCulture);
}
