using System.Text;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// The UTF-8 text of an embedded schema bundle, read where it lies. An embedded resource is part of the loaded
/// executable or assembly, which stays mapped for the life of the process; on .NET the text is read through a
/// pointer to it, so opening a bundle writes no copy of its ~100 KB (25 fresh pages, each a page fault, on the
/// start-up path of a one-file run). netstandard2.0 has no spans, so there the text is copied once into an array.
/// </summary>
internal sealed class SchemaBundleText
{
#if NET
    private readonly unsafe byte* _start;

    private unsafe SchemaBundleText(byte* start, int length)
    {
        _start = start;
        Length = length;
    }
#else
    private readonly byte[] _bytes;

    private SchemaBundleText(byte[] bytes)
    {
        _bytes = bytes;
        Length = bytes.Length;
    }
#endif

    public int Length { get; }

#if NET
    private unsafe ReadOnlySpan<byte> Bytes => new(_start, Length);

    public byte this[int index] => Bytes[index];
#else
    public byte this[int index] => _bytes[index];
#endif

    /// <summary>The text of an embedded resource; <paramref name="stream"/> may be disposed afterwards.</summary>
    public static SchemaBundleText Read(Stream stream)
    {
#if NET
        // An assembly loaded from a file or compiled into the executable serves its resources as mapped memory.
        var memory = stream as UnmanagedMemoryStream ?? throw new InvalidDataException("the embedded schema bundle is not mapped memory");
        unsafe
        {
            return new SchemaBundleText(memory.PositionPointer, checked((int)memory.Length));
        }
#else
        var bytes = new byte[stream.Length];
        for (var count = 0; count < bytes.Length;)
        {
            var read = stream.Read(bytes, count, bytes.Length - count);
            count += read > 0 ? read : throw new EndOfStreamException("the embedded schema bundle is truncated");
        }

        return new SchemaBundleText(bytes);
#endif
    }

    /// <summary>The index of the first <paramref name="value"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOf(byte value, int start)
    {
#if NET
        var found = Bytes.Slice(start).IndexOf(value);
        return found < 0 ? -1 : start + found;
#else
        return Array.IndexOf(_bytes, value, start);
#endif
    }

    /// <summary>The index of the last <paramref name="value"/> at or before <paramref name="end"/>, or -1.</summary>
    public int LastIndexOf(byte value, int end)
    {
#if NET
        return Bytes.Slice(0, end + 1).LastIndexOf(value);
#else
        return Array.LastIndexOf(_bytes, value, end);
#endif
    }

    public string GetString(int start, int length)
    {
#if NET
        return Encoding.UTF8.GetString(Bytes.Slice(start, length));
#else
        return Encoding.UTF8.GetString(_bytes, start, length);
#endif
    }
}
