using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Reads input files within <see cref="LoaderLimits.MaxFileBytes"/>: a file's size is checked before it is opened
/// (a 3 GiB file costs nothing), and standard input, whose size is unknown, is read in chunks and abandoned at the
/// limit. A file that cannot be read is a finding at its path; the run goes on.
/// </summary>
public static class InputReader
{
    private const int ChunkSize = 64 * 1024;
    private const long MaxArrayLength = 0x7FFFFFC7;

    /// <summary>The bytes of <paramref name="file"/>, or null when a problem was added to <paramref name="problems"/>.</summary>
    public static byte[]? Read(InputFile file, IInputFileSystem fileSystem, Func<Stream> standardInput, LoaderLimits limits, ICollection<Finding> problems)
    {
        var display = file.Path.Display;
        var limit = limits.MaxFileBytes;
        if (file.Length is { } length && length > limit)
        {
            problems.Add(Problem(InputRules.InputLimitExceeded, display, $"file is {length:N0} bytes, above the {limit:N0}-byte limit; skipped"));
            return null;
        }

        if (file.Length == 0)
        {
            // Nothing to read; not opening also keeps a FIFO that the system reports as an empty file from blocking.
            return [];
        }

        try
        {
            using var stream = file.IsStandardInput ? standardInput() : fileSystem.OpenRead(file.Path);
            var bytes = ReadAtMost(stream, limit, file.Length);
            if (bytes is null)
            {
                var what = file.IsStandardInput ? "standard input is" : "file is";
                problems.Add(Problem(InputRules.InputLimitExceeded, display, $"{what} larger than the {limit:N0}-byte limit; skipped"));
            }

            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problems.Add(Problem(InputRules.UnreadableInput, display, $"cannot read: {ex.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Reads a file again after loading let its bytes go (<see cref="SourceFile.ReleaseText"/>); null when it
    /// cannot be read now, which the caller reports as a changed input.
    /// </summary>
    public static byte[]? ReadAgain(InputFile file, IInputFileSystem fileSystem, LoaderLimits limits)
    {
        try
        {
            using var stream = fileSystem.OpenRead(file.Path);
            return ReadAtMost(stream, limits.MaxFileBytes, file.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Reads to the end, in chunks; null as soon as more than <paramref name="limit"/> bytes arrive.</summary>
    private static byte[]? ReadAtMost(Stream stream, long limit, long? expected)
    {
        // Arrays stop short of 2 GiB: a limit above that is cut to what one array holds.
        limit = Math.Min(limit, MaxArrayLength - 1);

        // A file of known size is read into an array of exactly that size, then one more read confirms its end: the
        // bytes are allocated once, with no copy to trim them (most of the input is a few large files).
        var buffer = new byte[(int)Math.Min(limit + 1, expected ?? ChunkSize)];
        var count = 0L;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (count > limit)
                {
                    return null;
                }

                var next = count == expected ? stream.ReadByte() : -1;
                if (count == expected && next < 0)
                {
                    return buffer;
                }

                // Larger than its size said (it grew; the byte read to confirm the end is kept), or of unknown
                // size: grow as a stream is read.
                Array.Resize(ref buffer, (int)Math.Min(limit + 1, Math.Max(buffer.Length * 2L, ChunkSize)));
                if (next >= 0)
                {
                    buffer[count++] = (byte)next;
                    continue;
                }
            }

            var read = stream.Read(buffer, (int)count, (int)Math.Min(buffer.Length - count, ChunkSize));
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        if (count > limit)
        {
            return null;
        }

        if (count != buffer.Length)
        {
            Array.Resize(ref buffer, (int)count);
        }

        return buffer;
    }

    private static Finding Problem(RuleDescriptor rule, string path, string message)
        => new(rule, rule.DefaultSeverity, message, new SourceLocation(path, SourceSpan.At(1, 1)), null);
}
