using System.Globalization;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// IP addresses and CIDRs as the API server's validation parses them in 1.32: Go's <c>net.ParseIP</c> and
/// <c>net.ParseCIDR</c> in the "sloppy" form of k8s.io/utils/net (<c>ParseIPSloppy</c>), which also accepts IPv4
/// octets with leading zeros ("010.1.1.1", read as decimal). .NET's IPAddress.TryParse is not used: it accepts forms
/// Go rejects ("1", "0x7f.1", zone ids).
/// </summary>
public sealed class IpAddress
{
    private IpAddress(byte[] bytes) => Bytes = bytes;

    /// <summary>4 bytes for IPv4 (also an IPv4-mapped IPv6 address written as such), else 16.</summary>
    public byte[] Bytes { get; }

    public bool IsIPv4 => Bytes.Length == 4;

    /// <summary>Go's <c>IP.IsUnspecified</c>: 0.0.0.0 or ::.</summary>
    public bool IsUnspecified => Bytes.All(b => b == 0);

    /// <summary>Go's <c>IP.IsLoopback</c>: 127.0.0.0/8 or ::1.</summary>
    public bool IsLoopback => IsIPv4 ? Bytes[0] == 127 : Bytes.Take(15).All(b => b == 0) && Bytes[15] == 1;

    /// <summary>Go's <c>IP.IsLinkLocalUnicast</c>: 169.254.0.0/16 or fe80::/10.</summary>
    public bool IsLinkLocalUnicast => IsIPv4 ? Bytes[0] == 169 && Bytes[1] == 254 : Bytes[0] == 0xfe && (Bytes[1] & 0xc0) == 0x80;

    /// <summary>Go's <c>IP.IsLinkLocalMulticast</c>: 224.0.0.0/24 or ff02::/16.</summary>
    public bool IsLinkLocalMulticast => IsIPv4 ? Bytes[0] == 224 && Bytes[1] == 0 && Bytes[2] == 0 : Bytes[0] == 0xff && (Bytes[1] & 0x0f) == 0x02;

    public static IpAddress? Parse(string text)
    {
        if (text.IndexOf(':') < 0)
        {
            return ParseIPv4(text) is { } v4 ? new IpAddress(v4) : null;
        }

        var v6 = ParseIPv6(text);
        if (v6 is null)
        {
            return null;
        }

        // Go's To4: ::ffff:a.b.c.d is an IPv4 address.
        var mapped = true;
        for (var i = 0; i < 10; i++)
        {
            mapped &= v6[i] == 0;
        }

        return mapped && v6[10] == 0xff && v6[11] == 0xff ? new IpAddress([v6[12], v6[13], v6[14], v6[15]]) : new IpAddress(v6);
    }

    /// <summary>An address and prefix length, as <c>ParseCIDRSloppy</c> accepts them ("10.0.0.0/8", "2001:db8::/32").</summary>
    public static (IpAddress Address, int PrefixLength)? ParseCidr(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return null;
        }

        var addressText = text.Substring(0, slash);
        var prefixText = text.Substring(slash + 1);
        var isV4 = addressText.IndexOf(':') < 0;
        var bits = isV4 ? ParseIPv4(addressText)?.Length * 8 : ParseIPv6(addressText)?.Length * 8;
        if (bits is null || prefixText.Length == 0 || prefixText.Length > 3 || !prefixText.All(c => c is >= '0' and <= '9'))
        {
            return null;
        }

        // Go's dtoi rejects leading zeros in the prefix only through its length check; "08" reads as 8.
        var prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (prefix > bits)
        {
            return null;
        }

        return (Parse(addressText)!, prefix);
    }

    private static byte[]? ParseIPv4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length == 0 || part.Length > 3 || !part.All(c => c is >= '0' and <= '9'))
            {
                return null;
            }

            var value = int.Parse(part, CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return null;
            }

            bytes[i] = (byte)value;
        }

        return bytes;
    }

    private static byte[]? ParseIPv6(string text)
    {
        var bytes = new byte[16];
        var ellipsis = -1;
        var i = 0;
        var position = 0;
        if (text.StartsWith("::", StringComparison.Ordinal))
        {
            ellipsis = 0;
            position = 2;
            if (position == text.Length)
            {
                return bytes;
            }
        }

        while (i < 16)
        {
            var start = position;
            var value = 0;
            while (position < text.Length && HexValue(text[position]) is { } digit)
            {
                // The forked parser of k8s.io/utils/net reads a group with xtoi: any number of digits up to 0xFFFF.
                value = (value * 16) + digit;
                position++;
                if (value > 0xFFFF)
                {
                    return null;
                }
            }

            if (position == start)
            {
                return null;
            }

            if (position < text.Length && text[position] == '.')
            {
                // An embedded IPv4 address ends the text and takes the last 4 bytes.
                if ((ellipsis < 0 && i != 12) || i + 4 > 16)
                {
                    return null;
                }

                var v4 = ParseIPv4(text.Substring(start));
                if (v4 is null)
                {
                    return null;
                }

                Array.Copy(v4, 0, bytes, i, 4);
                i += 4;
                position = text.Length;
                break;
            }

            bytes[i] = (byte)(value >> 8);
            bytes[i + 1] = (byte)value;
            i += 2;
            if (position == text.Length)
            {
                break;
            }

            if (text[position] != ':' || position + 1 == text.Length)
            {
                return null;
            }

            position++;
            if (text[position] == ':')
            {
                if (ellipsis >= 0)
                {
                    return null;
                }

                ellipsis = i;
                position++;
                if (position == text.Length)
                {
                    break;
                }
            }
        }

        if (position != text.Length)
        {
            return null;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return null;
            }

            var count = i - ellipsis;
            for (var k = count - 1; k >= 0; k--)
            {
                bytes[16 - count + k] = bytes[ellipsis + k];
            }

            for (var k = ellipsis; k < 16 - count; k++)
            {
                bytes[k] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            // "::" must stand for at least one group of zeros.
            return null;
        }

        return bytes;
    }

    private static int? HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => null,
    };
}
