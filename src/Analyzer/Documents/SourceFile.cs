using System.Text;

namespace KubeLint.Analyzer.Documents;

/// <summary>One input with the path used in findings: its decoded text, or its bytes once the text is released.</summary>
public sealed class SourceFile
{
    /// <summary>
    /// What the readers after loading look for (suppression comments, Helm's source comments): a file without
    /// them that can be read again from disk lets its bytes go too, and <see cref="Contains"/> still answers for
    /// these from what it saw while the file was loaded.
    /// </summary>
    private static readonly string[] LaterMarkers = [Engine.Suppressions.CommentMarker, Loading.HelmSources.SourcePrefix];

    // For a file decoded from bytes: the bytes stay, the decoded text is held only while the file is loaded. Every
    // file's text would otherwise live until the end of the run (two bytes per character, for input whose nodes
    // already hold what the checks read); the few readers after loading (suppression comments, Helm source
    // comments) first ask Contains, which searches the bytes, and only a file that has what they look for is
    // decoded again. A file that can be read again (a file on disk, not standard input) and has none of
    // LaterMarkers lets its bytes go as well: the bytes of every file were otherwise most of what a large run holds,
    // and after loading only a definition whose schemas were let go reads its file again.
    private readonly int _offset;
    private readonly Encoding? _encoding;
    private readonly Func<byte[]?>? _reopen;
    private byte[]? _encoded;
    private string? _text;
    private WeakReference<string>? _decoded;
    private long _length;
    private ulong _fingerprint;

    public SourceFile(string path, string text)
    {
        Path = path;
        _text = text;
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> from <paramref name="offset"/> (after a byte order mark) with
    /// <paramref name="encoding"/>, whose decoder errors propagate; <see cref="ReleaseText"/> can then let the text go.
    /// </summary>
    /// <param name="reopen">Reads the same bytes again after <see cref="ReleaseText"/> let them go; null keeps them.</param>
    public SourceFile(string path, byte[] bytes, int offset, Encoding encoding, Func<byte[]?>? reopen = null)
    {
        Path = path;
        _encoded = bytes;
        _offset = offset;
        _encoding = encoding;
        _reopen = reopen;
        _text = Decode(bytes);
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

            var decoded = Decode(_encoded ?? Reopen());
            _decoded = new WeakReference<string>(decoded);
            return decoded;
        }
    }

    /// <summary>
    /// After loading: the text is no longer held (files built from a string keep theirs), nor the bytes of a file
    /// that can be read again and has none of <see cref="LaterMarkers"/>.
    /// </summary>
    public void ReleaseText()
    {
        if (_encoded is not { } bytes || _text is null)
        {
            return;
        }

        var keepBytes = _reopen is null || Array.Exists(LaterMarkers, Contains);
        _text = null;
        if (!keepBytes)
        {
            _length = bytes.LongLength;
            _fingerprint = Fingerprint(bytes);
            _encoded = null;
        }
    }

    /// <summary>Whether the text contains <paramref name="ascii"/> (ASCII only), without decoding a released UTF-8 file.</summary>
    public bool Contains(string ascii)
    {
        if (_text is { } text)
        {
            return text.IndexOf(ascii, StringComparison.Ordinal) >= 0;
        }

        if (_encoded is null && Array.IndexOf(LaterMarkers, ascii) >= 0)
        {
            // Released without its bytes: it had none of these.
            return false;
        }

        return _encoding is UTF8Encoding && _encoded is { } bytes ? ContainsBytes(bytes, _offset, ascii) : Text.IndexOf(ascii, StringComparison.Ordinal) >= 0;
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

    private string Decode(byte[] bytes) => _encoding!.GetString(bytes, _offset, bytes.Length - _offset);

    /// <summary>The bytes read again; the file must not have changed since it was loaded, or positions would not match.</summary>
    private byte[] Reopen()
    {
        var bytes = _reopen!();
        if (bytes is null || bytes.LongLength != _length || Fingerprint(bytes) != _fingerprint)
        {
            throw new InputChangedException(Path);
        }

        return bytes;
    }

    // FNV-1a over 8-byte words (the tail byte by byte): a change of content between the two reads shows; this is no
    // defence against anyone crafting a file, which could as well be changed before it is read.
    private static ulong Fingerprint(byte[] bytes)
    {
        var hash = 14695981039346656037ul;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            hash = (hash ^ BitConverter.ToUInt64(bytes, i)) * 1099511628211ul;
        }

        for (; i < bytes.Length; i++)
        {
            hash = (hash ^ bytes[i]) * 1099511628211ul;
        }

        return hash;
    }

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
