using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Model;

/// <summary>
/// The number an integer field of a built-in kind holds once the API server has decoded a YAML number. The way there:
/// kubectl converts the YAML to JSON (sigs.k8s.io/yaml: go-yaml v2 reads an integer within int64 as int64, a larger
/// one as uint64 or float64 and every float as float64; encoding/json writes a float64 without fraction below 1e21
/// as plain digits, so <c>1e10</c> and <c>10000000000.0</c> are sent as <c>10000000000</c>); the server reads the
/// apply patch with UseNumber (apimachinery pkg/util/json convertNumber: int64 when the text parses as one, else
/// float64) and runtime.DefaultUnstructuredConverter stores it in the typed object (apimachinery pkg/runtime
/// converter.go, fromUnstructured): an int64 goes through reflect's Convert, which keeps the low 32 bits in an int32
/// field; a float64 without fraction is converted too (reflect's cvtFloatInt makes it an int64 first, which for a
/// value beyond int64 is the amd64 "integer indefinite" 0x8000000000000000), and one with a fraction fails with
/// "cannot convert float64 to int32". So an out-of-range integer is accepted with another value: a real API server
/// accepts <c>replicas: 10000000000.0</c> (stored as 1410065408) and rejects <c>replicas: 2147483648</c> only because
/// the wrapped -2147483648 fails validation. That is what the server does, rather than a range check of the OpenAPI
/// format, and validations here read the same values.
/// </summary>
public static class DecodedInteger
{
    // 2^63 as a double: whole float64 values from -2^63 up to below this convert to int64 exactly.
    private const double TwoToThe63 = 9223372036854775808.0;

    /// <summary>
    /// The int64 the converter stores for a YAML number without fraction; false for anything else (a string, a
    /// fraction, an infinity or NaN, which encoding/json cannot write, or an integer beyond float64).
    /// </summary>
    public static bool TryRead(YamlScalar scalar, out long value)
    {
        value = 0;
        double number;
        switch (scalar.Kind)
        {
            case ScalarKind.Int when ScalarResolver.TryParseInteger(scalar.Value, out var integer):
                if (integer >= long.MinValue && integer <= long.MaxValue)
                {
                    value = (long)integer;
                    return true;
                }

                number = (double)integer;
                break;
            case ScalarKind.Float when ScalarResolver.TryParseFloat(scalar.Value, out var parsed):
                number = parsed;
                break;
            default:
                return false;
        }

        if (double.IsInfinity(number) || double.IsNaN(number) || Math.Floor(number) != number)
        {
            return false;
        }

        // C# leaves an out-of-range conversion unspecified (and saturates on .NET 9 and later); Go on amd64 gives MinInt64.
        value = number >= -TwoToThe63 && number < TwoToThe63 ? (long)number : long.MinValue;
        return true;
    }

    /// <summary>A float with a fraction, which the converter refuses for an integer field ("cannot convert float64 to int32").</summary>
    public static bool HasFraction(YamlScalar scalar)
        => scalar.Kind == ScalarKind.Float && ScalarResolver.TryParseFloat(scalar.Value, out var number)
           && !double.IsInfinity(number) && !double.IsNaN(number) && Math.Floor(number) != number;

    /// <summary>Go's <c>int32(v)</c>, as reflect's Convert stores an int64 in an int32 field: the low 32 bits.</summary>
    public static int ToInt32(long value) => unchecked((int)value);

    /// <summary>The value an int32 field holds for <paramref name="scalar"/>: <see cref="TryRead"/>, then the low 32 bits.</summary>
    public static bool TryReadInt32(YamlScalar scalar, out int value)
    {
        var read = TryRead(scalar, out var wide);
        value = ToInt32(wide);
        return read;
    }
}
