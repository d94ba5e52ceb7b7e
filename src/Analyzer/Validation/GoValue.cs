using System.Globalization;
using System.Text;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// A bad value as a field error prints it (<c>field.Error.ErrorBody</c>): strings quoted by <c>strconv.Quote</c>,
/// integers, floats and booleans with <c>%v</c>, anything else as its Go rendering, which the caller provides.
/// </summary>
public readonly struct GoValue
{
    private GoValue(string? rendered) => Rendered = rendered;

    /// <summary>The text printed after the error type, or null when the value is left out (<c>omitValue</c>).</summary>
    public string? Rendered { get; }

    /// <summary>The value is not printed: <c>field.OmitValueType</c>.</summary>
    public static GoValue Omit { get; } = new(null);

    public static GoValue Null { get; } = new("null");

    public static GoValue Of(string value) => new(Quote(value));

    public static GoValue Of(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static GoValue Of(bool value) => new(value ? "true" : "false");

    public static GoValue Of(double value) => new(FormatFloat(value));

    /// <summary>A value printed as written: a Go struct's <c>%#v</c> or a <c>Stringer</c>'s text (e.g. a quantity "-1Gi" prints as -1Gi).</summary>
    public static GoValue Raw(string text) => new(text);

    /// <summary>A slice as <c>%#v</c> prints it: <c>[]string{"a", "b"}</c>, or <c>[]string(nil)</c> when empty.</summary>
    public static GoValue Slice(string elementType, IEnumerable<string> items)
    {
        var quoted = items.Select(Quote).ToList();
        return new("[]" + elementType + (quoted.Count == 0 ? "(nil)" : "{" + string.Join(", ", quoted) + "}"));
    }

    public static implicit operator GoValue(string value) => Of(value);

    public static implicit operator GoValue(long value) => Of(value);

    public static implicit operator GoValue(bool value) => Of(value);

    /// <summary>Go's <c>strconv.Quote</c>: printable characters as they are, escapes for the rest.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\a':
                    builder.Append("\\a");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\v':
                    builder.Append("\\v");
                    break;
                case < ' ' or '\u007f':
                    builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append("\\ufffd");
                    }
                    else if (c >= '\u0080' && IsNonPrintable(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Go's <c>%v</c> of a float64 (<c>strconv.FormatFloat(v, 'g', -1, 64)</c>): the shortest digits that read back
    /// as the same value, in exponent form when the exponent is below -4 or at least 6 (1e+06, 1.5e-05).
    /// </summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return 1 / value < 0 ? "-0" : "0";
        }

        // .NET's "E16" is not always the shortest; "R" is, in either notation, so take its digits and exponent.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E');
        var mantissa = e < 0 ? shortest : shortest.Substring(0, e);
        var exponent = e < 0 ? 0 : int.Parse(shortest.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = (point < 0 ? mantissa : mantissa.Remove(point, 1)).TrimStart('0');
        var leadingZeros = (point < 0 ? mantissa : mantissa.Remove(point, 1)).Length - digits.Length;
        var pointAt = (point < 0 ? mantissa.Length : point) - leadingZeros + exponent;
        digits = digits.TrimEnd('0');
        var decimalExponent = pointAt - 1;
        var sign = value < 0 ? "-" : string.Empty;
        if (decimalExponent < -4 || decimalExponent >= 6)
        {
            var fraction = digits.Length > 1 ? "." + digits.Substring(1) : string.Empty;
            var expSign = decimalExponent < 0 ? "-" : "+";
            return sign + digits[0] + fraction + "e" + expSign + Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture);
        }

        if (pointAt <= 0)
        {
            return sign + "0." + new string('0', -pointAt) + digits;
        }

        return pointAt >= digits.Length
            ? sign + digits + new string('0', pointAt - digits.Length)
            : sign + digits.Substring(0, pointAt) + "." + digits.Substring(pointAt);
    }

    public override string ToString() => Rendered ?? string.Empty;

    // Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsNonPrintable(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
}
