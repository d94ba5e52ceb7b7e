#if NET
using Cel;
using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Kubernetes' CIDR library (apiserver pkg/cel/library/cidr.go), on from 1.30: cidr(), isCIDR(), containsIP,
/// containsCIDR, ip(), prefixLength(), masked() (string() is <see cref="CelConversionLibrary"/>'s). Prefixes are
/// parsed as Go's netip.ParsePrefix parses them, without IPv4-mapped IPv6 addresses (parseCIDR).
/// </summary>
internal static class CelCidrLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Type[] cidr = [typeof(NetIpPrefix)];
        environment.RegisterFunction("cidr", [typeof(string)], a => Parse((string)a[0]!));
        environment.RegisterFunction("isCIDR", [typeof(string)], a => TryParse((string)a[0]!, out _, out _));
        environment.RegisterFunction("containsIP", [typeof(NetIpPrefix), typeof(string)], a => ((NetIpPrefix)a[0]!).Contains(CelIpLibrary.Parse((string)a[1]!)));
        environment.RegisterFunction("containsIP", [typeof(NetIpPrefix), typeof(NetIpAddress)], a => ((NetIpPrefix)a[0]!).Contains((NetIpAddress)a[1]!));
        environment.RegisterFunction("containsCIDR", [typeof(NetIpPrefix), typeof(string)], a => ContainsCidr((NetIpPrefix)a[0]!, Parse((string)a[1]!)));
        environment.RegisterFunction("containsCIDR", [typeof(NetIpPrefix), typeof(NetIpPrefix)], a => ContainsCidr((NetIpPrefix)a[0]!, (NetIpPrefix)a[1]!));
        environment.RegisterFunction("ip", cidr, a => ((NetIpPrefix)a[0]!).Address);
        environment.RegisterFunction("prefixLength", cidr, a => (long)((NetIpPrefix)a[0]!).Bits);
        environment.RegisterFunction("masked", cidr, a => ((NetIpPrefix)a[0]!).Masked());
    }

    /// <summary>
    /// cidrContainsCIDR: this prefix masked equals netip.PrefixFrom(other's address, this length), and the other is no
    /// shorter. PrefixFrom keeps the host bits, so in 1.32 a prefix contains only those whose address has none beyond
    /// its length set: cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16') is false, as the server answers.
    /// </summary>
    private static bool ContainsCidr(NetIpPrefix prefix, NetIpPrefix other)
        => prefix.Masked().Equals(other.WithBits(prefix.Bits)) && prefix.Bits <= other.Bits;

    /// <summary>stringToCIDR: the prefix, or the server's conversion error (parseCIDR's message, prefixed again as upstream does).</summary>
    private static NetIpPrefix Parse(string text)
        => TryParse(text, out var prefix, out var error) ? prefix! : throw new CelRuntimeError("network address parse error during conversion from string: " + error);

    private static bool TryParse(string text, out NetIpPrefix? prefix, out string? error)
    {
        prefix = NetIpPrefix.Parse(text, out var problem);
        error = prefix switch
        {
            null => "network address parse error during conversion from string: " + problem,
            { Address.Is4In6: true } => $"IPv4-mapped IPv6 address {GoValue.Quote(text)} is not allowed",
            _ => null,
        };
        if (error is not null)
        {
            prefix = null;
        }

        return error is null;
    }
}
#endif
