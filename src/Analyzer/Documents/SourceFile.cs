using System.Text;

namespace KubeLint.Analyzer.Documents;

/// <summary>One input with the path used in findings: its decoded text, or its bytes once the text is released.</summary>
public sealed class SourceFile
{
    // For a file decoded from bytes: the bytes stay, the decoded text is held only while the file is loaded. Every
    // file's text would otherwise live until the end of the run (two bytes per character, for input whose nodes
    // already hold what the checks read); the few readers after loading (suppression comments, Helm source
    // comments) first ask Contains, which searches the bytes, and only a file that has what they look for is
    // decoded again.
    private readonly byte[]? _encoded;
    private readonly int _offset;
    private readonly Encoding? _encoding;
    private string? _text;
    private WeakReference<string>? _decoded;

    public SourceFile(string path, string text)
    {
        Path = path;
        _text = text;
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> from <paramref name="offset"/> (after a byte order mark) with
    /// <paramref name="encoding"/>, whose decoder errors propagate; <see cref="ReleaseText"/> can then let the text go.
    /// </summary>
    public SourceFile(string path, byte[] bytes, int offset, Encoding encoding)
    {
        Path = path;
        _encoded = bytes;
        _offset = offset;
        _encoding = encoding;
        _text = Decode();
    }

    /// <summary>The path as given by the user (relative paths stay relative); "-" for standard input.</summary>
    public string Path { get; }

    /// <summary>The decoded text (decoded again from the file's bytes when it was released and is asked for).</summary>
    public string Text
    {
        get
        {
            if (_text is { } text)
            {
                return text;
            }

            if (_decoded is not null && _decoded.TryGetTarget(out var kept))
            {
                return kept;
            }

            var decoded = Decode();
            _decoded = new WeakReference<string>(decoded);
            return decoded;
        }
    }

    /// <summary>After loading: the text is no longer held (files built from a string keep theirs).</summary>
    public void ReleaseText()
    {
        if (_encoded is not null)
        {
            _text = null;
        }
    }

    /// <summary>Whether the text contains <paramref name="ascii"/> (ASCII only), without decoding a released UTF-8 file.</summary>
    public bool Contains(string ascii)
    {
        if (_text is { } text)
        {
            return text.IndexOf(ascii, StringComparison.Ordinal) >= 0;
        }

        return _encoding is UTF8Encoding ? ContainsBytes(_encoded!, _offset, ascii) : Text.IndexOf(ascii, StringComparison.Ordinal) >= 0;
    }

    /// <summary>Translates a 0-based character offset into a 1-based line and column.</summary>
    public SourcePosition PositionOf(int offset)
    {
        var text = Text;
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(offset, text.Length);
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, end - lineStart + 1);
    }

    private string Decode() => _encoding!.GetString(_encoded!, _offset, _encoded!.Length - _offset);

    // An ASCII string is the same bytes in UTF-8, and no byte of a multi-byte UTF-8 sequence is ASCII.
    private static bool ContainsBytes(byte[] bytes, int from, string ascii)
    {
        var first = (byte)ascii[0];
        for (var at = Array.IndexOf(bytes, first, from); at >= 0 && at + ascii.Length <= bytes.Length; at = Array.IndexOf(bytes, first, at + 1))
        {
            var i = 1;
            while (i < ascii.Length && bytes[at + i] == ascii[i])
            {
                i++;
            }

            if (i == ascii.Length)
            {
                return true;
            }
        }

        return false;
    }
}
