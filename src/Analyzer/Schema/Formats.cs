using System.Globalization;

namespace KubeLint.Analyzer.Schema;

/// <summary>The OpenAPI formats Kubernetes decodes strictly: date-time (metav1.Time, RFC 3339), byte (base64).</summary>
internal static class Formats
{
    /// <summary>RFC 3339 as Go's time.RFC3339 parses it: date, 'T', time with optional fraction, then 'Z' or an offset.</summary>
    public static bool IsDateTime(string text)
    {
        if (text.Length < 20 || text[10] is not ('T' or 't'))
        {
            return false;
        }

        var zoneStart = text.Length - 1;
        if (text[zoneStart] is not ('Z' or 'z'))
        {
            zoneStart = text.Length - 6;
            if (zoneStart < 19 || text[zoneStart] is not ('+' or '-') || text[zoneStart + 3] != ':'
                || !IsDigits(text, zoneStart + 1, 2) || !IsDigits(text, zoneStart + 4, 2))
            {
                return false;
            }
        }

        var dateTime = text.Substring(0, zoneStart);
        string[] layouts = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd't'HH:mm:ss"];
        var fraction = dateTime.IndexOf('.', 19);
        if (fraction >= 0)
        {
            if (fraction != 19 || !IsDigits(dateTime, 20, dateTime.Length - 20) || dateTime.Length == 20)
            {
                return false;
            }

            dateTime = dateTime.Substring(0, 19);
        }

        return DateTime.TryParseExact(dateTime, layouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Standard base64 with padding, as encoding/json decodes []byte.</summary>
    public static bool IsBase64(string text)
    {
        if (text.Length % 4 != 0)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/'
                || (c == '=' && i >= text.Length - 2 && (i == text.Length - 1 || text[i + 1] == '='));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
