using System.Globalization;
using System.Text;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// An IP address as Go's net/netip reads it (<c>netip.ParseAddr</c>, netip.go): strict dotted IPv4 (no leading zeros,
/// no fewer than four fields), IPv6 with an optional embedded IPv4 and zone, and <c>Addr.String</c>'s canonical form
/// (RFC 5952). Unlike <see cref="IpAddress"/> (net.ParseIP, which the older API fields use), this is what CEL's ip()
/// and cidr() use. Errors are netip's words: <c>ParseAddr("1.2.3"): IPv4 address too short</c>.
/// </summary>
public sealed class NetIpAddress : IEquatable<NetIpAddress>
{
    private readonly byte[] _bytes;

    private NetIpAddress(byte[] bytes, bool is4, string zone)
    {
        _bytes = bytes;
        Is4 = is4;
        Zone = zone;
    }

    /// <summary>An IPv4 address (four bytes); IPv4-mapped IPv6 addresses are IPv6.</summary>
    public bool Is4 { get; }

    public bool Is6 => !Is4;

    public string Zone { get; }

    /// <summary>The address bytes: 4 for IPv4, 16 for IPv6.</summary>
    public IReadOnlyList<byte> Bytes => _bytes;

    public int BitLength => Is4 ? 32 : 128;

    /// <summary>An IPv6 address of the form ::ffff:a.b.c.d.</summary>
    public bool Is4In6 => Is6 && _bytes.Take(10).All(b => b == 0) && _bytes[10] == 0xff && _bytes[11] == 0xff;

    /// <summary><c>Addr.IsUnspecified</c>: 0.0.0.0 or :: (unlike the tests below, ::ffff:0.0.0.0 is not).</summary>
    public bool IsUnspecified => _bytes.All(b => b == 0);

    /// <summary>The address class tests of netip, which unmap 4-in-6 addresses and so agree with package net's (<see cref="IpAddress"/>).</summary>
    public bool IsLoopback => AsNetIp.IsLoopback;

    public bool IsMulticast => AsNetIp.IsMulticast;

    public bool IsLinkLocalUnicast => AsNetIp.IsLinkLocalUnicast;

    public bool IsLinkLocalMulticast => AsNetIp.IsLinkLocalMulticast;

    /// <summary><c>Addr.IsGlobalUnicast</c>, which follows package net: private and unique-local addresses count.</summary>
    public bool IsGlobalUnicast => AsNetIp.IsGlobalUnicast;

    private IpAddress AsNetIp => IpAddress.FromBytes(_bytes);

    /// <summary><c>netip.ParseAddr</c>; null with netip's error text when the text is not an address.</summary>
    public static NetIpAddress? Parse(string text, out string? error)
    {
        error = null;
        foreach (var c in text)
        {
            switch (c)
            {
                case '.':
                    var v4 = new byte[4];
                    return ParseIPv4Fields(text, 0, text.Length, v4, out error) ? new NetIpAddress(v4, is4: true, string.Empty) : null;
                case ':':
                    return ParseIPv6(text, out error);
                case '%':
                    error = Error(text, "missing IPv6 address");
                    return null;
                default:
                    break;
            }
        }

        error = Error(text, "unable to parse IP");
        return null;
    }

    /// <summary>The address with the low bits beyond <paramref name="bits"/> cleared (and no zone), as <c>Prefix.Masked</c> keeps it.</summary>
    public NetIpAddress Masked(int bits)
    {
        var bytes = (byte[])_bytes.Clone();
        for (var i = 0; i < bytes.Length * 8; i++)
        {
            if (i >= bits)
            {
                bytes[i / 8] &= (byte)~(0x80 >> (i % 8));
            }
        }

        return new NetIpAddress(bytes, Is4, string.Empty);
    }

    /// <summary><c>Addr.String</c>: dotted IPv4, ::ffff:a.b.c.d for mapped addresses, else RFC 5952 with the zone.</summary>
    public override string ToString()
    {
        if (Is4)
        {
            return string.Join(".", _bytes.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        }

        var zone = Zone.Length > 0 ? "%" + Zone : string.Empty;
        if (Is4In6)
        {
            return "::ffff:" + string.Join(".", _bytes.Skip(12).Select(b => b.ToString(CultureInfo.InvariantCulture))) + zone;
        }

        // The longest run of two or more zero groups (the first of equal ones) becomes "::".
        var groups = Enumerable.Range(0, 8).Select(i => (_bytes[2 * i] << 8) | _bytes[(2 * i) + 1]).ToArray();
        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            var j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }

            if (j - i >= 2 && j - i > bestLength)
            {
                bestStart = i;
                bestLength = j - i;
            }

            i = j == i ? i + 1 : j;
        }

        var text = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text.Append("::");
                i += bestLength - 1;
                continue;
            }

            if (text.Length > 0 && text[text.Length - 1] != ':')
            {
                text.Append(':');
            }

            text.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }

        return text.Append(zone).ToString();
    }

    public bool Equals(NetIpAddress? other)
        => other is not null && Is4 == other.Is4 && Zone == other.Zone && _bytes.SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as NetIpAddress);

    public override int GetHashCode() => ToString().GetHashCode();

    private static bool ParseIPv4Fields(string input, int offset, int end, byte[] fields, out string? error)
    {
        error = null;
        int value = 0, position = 0, digits = 0;
        var s = input.Substring(offset, end - offset);
        var start = fields.Length - 4;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                if (digits == 1 && value == 0)
                {
                    error = Error(input, "IPv4 field has octet with leading zero");
                    return false;
                }

                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    error = Error(input, "IPv4 field has value >255");
                    return false;
                }
            }
            else if (c == '.')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == '.')
                {
                    error = Error(input, "IPv4 field must have at least one digit", s.Substring(i));
                    return false;
                }

                if (position == 3)
                {
                    error = Error(input, "IPv4 address too long");
                    return false;
                }

                fields[start + position++] = (byte)value;
                value = 0;
                digits = 0;
            }
            else
            {
                error = Error(input, "unexpected character", s.Substring(i));
                return false;
            }
        }

        if (position < 3)
        {
            error = Error(input, "IPv4 address too short");
            return false;
        }

        fields[start + 3] = (byte)value;
        return true;
    }

    private static NetIpAddress? ParseIPv6(string input, out string? error)
    {
        error = null;
        var s = input;
        var zone = string.Empty;
        var percent = s.IndexOf('%');
        if (percent >= 0)
        {
            zone = s.Substring(percent + 1);
            s = s.Substring(0, percent);
            if (zone.Length == 0)
            {
                error = Error(input, "zone must be a non-empty string");
                return null;
            }
        }

        var ip = new byte[16];
        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s.Substring(2);
            if (s.Length == 0)
            {
                return new NetIpAddress(ip, is4: false, zone);
            }
        }

        var i = 0;
        while (i < 16)
        {
            var off = 0;
            var acc = 0;
            for (; off < s.Length; off++)
            {
                var c = s[off];
                int digit;
                if (c is >= '0' and <= '9')
                {
                    digit = c - '0';
                }
                else if (c is >= 'a' and <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c is >= 'A' and <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    break;
                }

                acc = (acc << 4) + digit;
                if (off > 3)
                {
                    error = Error(input, "each colon-separated field must have at most 4 hex digits", s);
                    return null;
                }
            }

            if (off == 0)
            {
                error = Error(input, "each colon-separated field must have at least one digit", s);
                return null;
            }

            if (off < s.Length && s[off] == '.')
            {
                if (ellipsis < 0 && i != 12)
                {
                    error = Error(input, "embedded IPv4 address must replace the final 2 fields of the address", s);
                    return null;
                }

                if (i + 4 > 16)
                {
                    error = Error(input, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
                    return null;
                }

                var end = input.Length - (zone.Length > 0 ? zone.Length + 1 : 0);
                var v4 = new byte[4];
                if (!ParseIPv4Fields(input, end - s.Length, end, v4, out error))
                {
                    return null;
                }

                Array.Copy(v4, 0, ip, i, 4);
                s = string.Empty;
                i += 4;
                break;
            }

            ip[i] = (byte)(acc >> 8);
            ip[i + 1] = (byte)acc;
            i += 2;
            s = s.Substring(off);
            if (s.Length == 0)
            {
                break;
            }

            if (s[0] != ':')
            {
                error = Error(input, "unexpected character, want colon", s);
                return null;
            }

            if (s.Length == 1)
            {
                error = Error(input, "colon must be followed by more characters", s);
                return null;
            }

            s = s.Substring(1);
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    error = Error(input, "multiple :: in address", s);
                    return null;
                }

                ellipsis = i;
                s = s.Substring(1);
                if (s.Length == 0)
                {
                    break;
                }
            }
        }

        if (s.Length != 0)
        {
            error = Error(input, "trailing garbage after address", s);
            return null;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                error = Error(input, "address string too short");
                return null;
            }

            var n = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                ip[j + n] = ip[j];
            }

            Array.Clear(ip, ellipsis, n);
        }
        else if (ellipsis >= 0)
        {
            error = Error(input, "the :: must expand to at least one field of zeros");
            return null;
        }

        return new NetIpAddress(ip, is4: false, zone);
    }

    private static string Error(string input, string message, string at = "")
        => "ParseAddr(" + GoValue.Quote(input) + "): " + message + (at.Length > 0 ? " (at " + GoValue.Quote(at) + ")" : string.Empty);
}
