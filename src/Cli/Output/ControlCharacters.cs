using System.Globalization;
using System.Text;

namespace KubeLint.Cli.Output;

/// <summary>
/// Text written to a terminal or a log must not carry control characters from the input: a value with a line break
/// could forge a finding line, and ESC sequences could rewrite the terminal. Control characters (C0, DEL, C1), line
/// and paragraph separators and bidirectional overrides are shown escaped (<c>\n</c>, <c>\0</c>, <c>\x1b</c>,
/// <c>\u202e</c>); everything else is kept as written.
/// </summary>
internal static class ControlCharacters
{
    public static string Escape(string text)
    {
        var first = IndexOfControl(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsEscaped(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\0' => "\\0",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                < '\u0100' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return escaped.ToString();
    }

    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsEscaped(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsEscaped(char c)
        => char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
