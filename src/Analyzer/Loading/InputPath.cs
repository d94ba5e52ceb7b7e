using System.Text;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// A path as the operating system gives it. On Unix a file name is bytes: <see cref="Native"/> keeps them exactly,
/// so a name that is not valid UTF-8 can still be opened, while <see cref="Display"/> shows such bytes escaped
/// (<c>\xff</c>). Elsewhere, and for names that are valid UTF-8, the two say the same.
/// </summary>
public sealed class InputPath
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private InputPath(string display, byte[]? native)
    {
        Display = display;
        Native = native;
    }

    /// <summary>The path for reports: the OS's name, with bytes that are not UTF-8 written as \xNN.</summary>
    public string Display { get; }

    /// <summary>The exact bytes of the path where they differ from <see cref="Display"/>'s UTF-8; null otherwise.</summary>
    public byte[]? Native { get; }

    /// <summary>The path to open: the exact bytes on Unix (NUL-terminated for the C library).</summary>
    internal byte[] NativeBytes() => Terminated(Native ?? Encoding.UTF8.GetBytes(Display));

    public static InputPath FromString(string path) => new(path, null);

    /// <summary>A path from raw bytes (a directory entry, a raw command-line argument).</summary>
    public static InputPath FromBytes(byte[] bytes)
    {
        try
        {
            return new InputPath(StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return new InputPath(Escape(bytes), bytes);
        }
    }

    /// <summary>The entry <paramref name="name"/> of this directory.</summary>
    public InputPath Join(InputPath name)
    {
        var separator = Display.Length > 0 && Display[Display.Length - 1] == '/' ? string.Empty : "/";
        var display = Display + separator + name.Display;
        if (Native is null && name.Native is null)
        {
            return new InputPath(display, null);
        }

        var head = Native ?? Encoding.UTF8.GetBytes(Display);
        var tail = name.Native ?? Encoding.UTF8.GetBytes(name.Display);
        var bytes = new byte[head.Length + separator.Length + tail.Length];
        head.CopyTo(bytes, 0);
        if (separator.Length > 0)
        {
            bytes[head.Length] = (byte)'/';
        }

        tail.CopyTo(bytes, head.Length + separator.Length);
        return new InputPath(display, bytes);
    }

    public override string ToString() => Display;

    /// <summary>Valid UTF-8 sequences as text, every other byte as \xNN (as Go's %q and git's quoting show them).</summary>
    private static string Escape(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length + 8);
        var i = 0;
        while (i < bytes.Length)
        {
            var length = SequenceLength(bytes, i);
            if (length == 0)
            {
                text.Append("\\x").Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }
            else
            {
                text.Append(Encoding.UTF8.GetString(bytes, i, length));
                i += length;
            }
        }

        return text.ToString();
    }

    /// <summary>The length of the valid UTF-8 sequence at <paramref name="i"/>, or 0.</summary>
    private static int SequenceLength(byte[] bytes, int i)
    {
        var b = bytes[i];
        var (length, min) = b switch
        {
            < 0x80 => (1, 0),
            >= 0xC2 and <= 0xDF => (2, 0x80),
            >= 0xE0 and <= 0xEF => (3, 0x800),
            >= 0xF0 and <= 0xF4 => (4, 0x10000),
            _ => (0, 0),
        };
        if (length <= 1 || i + length > bytes.Length)
        {
            return length == 1 ? 1 : 0;
        }

        var code = b & (0xFF >> (length + 1));
        for (var k = 1; k < length; k++)
        {
            if ((bytes[i + k] & 0xC0) != 0x80)
            {
                return 0;
            }

            code = (code << 6) | (bytes[i + k] & 0x3F);
        }

        return code < min || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF ? 0 : length;
    }

    private static byte[] Terminated(byte[] bytes)
    {
        var result = new byte[bytes.Length + 1];
        bytes.CopyTo(result, 0);
        return result;
    }
}
