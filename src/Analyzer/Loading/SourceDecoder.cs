using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Loading;

/// <summary>Turns raw bytes into text: UTF-8 (BOM optional) or UTF-16/32 with a BOM; anything else is reported, not guessed.</summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="reopen">Reads the bytes again once loading let them go (<see cref="SourceFile.ReleaseText"/>); null keeps them.</param>
    public static SourceFile? Decode(string path, byte[] bytes, LoaderLimits limits, ICollection<Finding> findings, Func<byte[]?>? reopen = null)
    {
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            findings.Add(Problem(InputRules.InputLimitExceeded, path, 1, 1, $"file is {bytes.LongLength:N0} bytes, above the {limits.MaxFileBytes:N0}-byte limit; skipped"));
            return null;
        }

        var (encoding, preamble) = DetectEncoding(bytes);
        if (encoding is UTF8Encoding && Array.IndexOf(bytes, (byte)0) is var nul and >= 0)
        {
            var (line, column) = Locate(bytes, nul);
            findings.Add(Problem(InputRules.UnreadableEncoding, path, line, column, "file contains NUL bytes; it looks binary and is skipped"));
            return null;
        }

        try
        {
            return new SourceFile(path, bytes, preamble, encoding, reopen);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = preamble + Math.Max(0, ex.Index);
            var (line, column) = Locate(bytes, offset);
            findings.Add(Problem(InputRules.UnreadableEncoding, path, line, column, $"invalid {encoding.WebName} byte sequence; the file is skipped"));
            return null;
        }
    }

    private static (Encoding Encoding, int Preamble) DetectEncoding(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return (StrictUtf8, 3);
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (StrictUtf8, 0);
    }

    /// <summary>Line and column of a byte offset, counting columns in bytes (good enough to find the bad byte).</summary>
    private static (int Line, int Column) Locate(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static Finding Problem(RuleDescriptor rule, string path, int line, int column, string message)
        => new(rule, rule.DefaultSeverity, message, new SourceLocation(path, SourceSpan.At(line, column)), null);
}
