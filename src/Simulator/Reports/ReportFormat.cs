using System.Globalization;

namespace KubeLint.Simulator.Reports;

/// <summary>The number formats every report shares, so the text, HTML and JSON reports round alike.</summary>
internal static class ReportFormat
{
    private const long Mebibyte = 1024 * 1024;

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole percent, truncated; "-" when the whole is not positive.</summary>
    public static string Percent(long part, long whole) => whole <= 0 ? "-" : Int(PercentValue(part, whole)) + "%";

    /// <summary>Whole percent, truncated; 0 when the whole is not positive. Saturating sums keep part · 100 in range.</summary>
    public static long PercentValue(long part, long whole) => whole <= 0 ? 0 : (long)Math.Floor((decimal)part * 100 / whole);

    /// <summary>Millicores as "1500m".</summary>
    public static string Cpu(long milli) => Int(milli) + "m";

    /// <summary>Bytes as whole mebibytes, truncated: "1024Mi".</summary>
    public static string Memory(long bytes) => Int(bytes / Mebibyte) + "Mi";
}
