using System.Globalization;

namespace KubeLint.Simulator.Admission;

/// <summary>
/// resource.Quantity's canonical String() for the values admission messages print (sums and limits): binary-suffixed
/// values keep the largest binary suffix with a whole mantissa (1536Mi, 2Gi), others the largest decimal SI suffix
/// with a whole mantissa (1500m, 2, 4k); values that need a smaller unit than milli print in nano units.
/// </summary>
internal static class QuantityFormat
{
    private static readonly (string Suffix, decimal Factor)[] Binary =
    [
        ("Ei", 1152921504606846976m), ("Pi", 1125899906842624m), ("Ti", 1099511627776m), ("Gi", 1073741824m), ("Mi", 1048576m), ("Ki", 1024m),
    ];

    private static readonly (string Suffix, decimal Factor)[] Decimal =
    [
        ("E", 1e18m), ("P", 1e15m), ("T", 1e12m), ("G", 1e9m), ("M", 1e6m), ("k", 1e3m), (string.Empty, 1m), ("m", 1e-3m), ("u", 1e-6m), ("n", 1e-9m),
    ];

    public static string Format(decimal value, bool binary)
    {
        if (value == 0)
        {
            return "0";
        }

        if (binary && value == decimal.Truncate(value))
        {
            foreach (var (suffix, factor) in Binary)
            {
                if (value % factor == 0)
                {
                    return Int(value / factor) + suffix;
                }
            }

            return Int(value);
        }

        foreach (var (suffix, factor) in Decimal)
        {
            var mantissa = value / factor;
            if (mantissa == decimal.Truncate(mantissa))
            {
                return Int(mantissa) + suffix;
            }
        }

        // Below a nano unit the API rounds up.
        return Int(decimal.Ceiling(value / 1e-9m)) + "n";
    }

    private static string Int(decimal value) => decimal.Truncate(value).ToString(CultureInfo.InvariantCulture);
}
