using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeLint.Cli.Output;

/// <summary>
/// The JSON reports' common form: <see cref="Utf8JsonWriter"/> (no reflection, so the Native AOT build writes what
/// the JIT build writes), two-space indentation, "\n" line ends, and manifest text (quotes, '&lt;', non-ASCII
/// names) left readable, since the output is a file, not HTML.
/// </summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text <paramref name="write"/> produces.</summary>
    public static string Of(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
