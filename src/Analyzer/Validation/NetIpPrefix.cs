using System.Globalization;

namespace KubeLint.Analyzer.Validation;

/// <summary>An IP prefix as Go's <c>netip.ParsePrefix</c> reads it (netip.go): an address without zone, '/', and a length in range.</summary>
public sealed class NetIpPrefix : IEquatable<NetIpPrefix>
{
    private NetIpPrefix(NetIpAddress address, int bits)
    {
        Address = address;
        Bits = bits;
    }

    public NetIpAddress Address { get; }

    public int Bits { get; }

    /// <summary><c>netip.ParsePrefix</c>; null with its error text when the text is not a prefix.</summary>
    public static NetIpPrefix? Parse(string text, out string? error)
    {
        var slash = text.LastIndexOf('/');
        if (slash < 0)
        {
            error = Error(text, "no '/'");
            return null;
        }

        if (NetIpAddress.Parse(text.Substring(0, slash), out var addressError) is not { } address)
        {
            error = Error(text, addressError!);
            return null;
        }

        if (address.Is6 && address.Zone.Length > 0)
        {
            error = Error(text, "IPv6 zones cannot be present in a prefix");
            return null;
        }

        var bitsText = text.Substring(slash + 1);
        if ((bitsText.Length > 1 && bitsText[0] is < '1' or > '9')
            || !int.TryParse(bitsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bits))
        {
            error = Error(text, "bad bits after slash: " + GoValue.Quote(bitsText));
            return null;
        }

        if (bits < 0 || bits > address.BitLength)
        {
            error = Error(text, "prefix length out of range");
            return null;
        }

        error = null;
        return new NetIpPrefix(address, bits);
    }

    /// <summary><c>Prefix.Masked</c>: the prefix with the address bits beyond its length cleared.</summary>
    public NetIpPrefix Masked() => new(Address.Masked(Bits), Bits);

    /// <summary><c>Prefix.Contains</c>: an address of the same family, without zone, whose first bits are the prefix's.</summary>
    public bool Contains(NetIpAddress address)
        => address.Zone.Length == 0 && address.Is4 == Address.Is4 && address.Masked(Bits).Equals(Address.Masked(Bits));

    /// <summary>The same address with another length, unmasked (<c>netip.PrefixFrom</c>).</summary>
    public NetIpPrefix WithBits(int bits) => new(Address, bits);

    public override string ToString() => Address + "/" + Bits.ToString(CultureInfo.InvariantCulture);

    public bool Equals(NetIpPrefix? other) => other is not null && Bits == other.Bits && Address.Equals(other.Address);

    public override bool Equals(object? obj) => Equals(obj as NetIpPrefix);

    public override int GetHashCode() => ToString().GetHashCode();

    private static string Error(string input, string message) => "netip.ParsePrefix(" + GoValue.Quote(input) + "): " + message;
}
