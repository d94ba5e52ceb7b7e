#if NET
using Cel;
using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Kubernetes' IP library (apiserver pkg/cel/library/ip.go), on from 1.30: ip(), isIP(), ip.isCanonical(), family()
/// and the address class tests (string() is <see cref="CelConversionLibrary"/>'s). Addresses are parsed as Go's netip.ParseAddr parses them, without zones and
/// IPv4-mapped IPv6 forms (parseIPAddr).
/// </summary>
internal static class CelIpLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Type[] ip = [typeof(NetIpAddress)];
        environment.RegisterFunction("ip", [typeof(string)], a => Parse((string)a[0]!));
        environment.RegisterFunction("isIP", [typeof(string)], a => TryParse((string)a[0]!, out _, out _));
        environment.RegisterFunction("isCanonical", [typeof(CelNamespace), typeof(string)], a => CelNamespace.Ip.Call(a[0], () => Parse((string)a[1]!).ToString() == (string)a[1]!));
        environment.RegisterFunction("family", ip, a => ((NetIpAddress)a[0]!).Is4 ? 4L : 6L);
        environment.RegisterFunction("isUnspecified", ip, a => ((NetIpAddress)a[0]!).IsUnspecified);
        environment.RegisterFunction("isLoopback", ip, a => ((NetIpAddress)a[0]!).IsLoopback);
        environment.RegisterFunction("isLinkLocalMulticast", ip, a => ((NetIpAddress)a[0]!).IsLinkLocalMulticast);
        environment.RegisterFunction("isLinkLocalUnicast", ip, a => ((NetIpAddress)a[0]!).IsLinkLocalUnicast);
        environment.RegisterFunction("isGlobalUnicast", ip, a => ((NetIpAddress)a[0]!).IsGlobalUnicast);
    }

    /// <summary>stringToIP: the address, or the server's conversion error.</summary>
    public static NetIpAddress Parse(string text)
        => TryParse(text, out var address, out var error) ? address! : throw new CelRuntimeError(error!);

    /// <summary>parseIPAddr: netip.ParseAddr, then no zone and no IPv4-mapped IPv6 address.</summary>
    private static bool TryParse(string text, out NetIpAddress? address, out string? error)
    {
        address = NetIpAddress.Parse(text, out var problem);
        error = address switch
        {
            null => $"IP Address {GoValue.Quote(text)} parse error during conversion from string: {problem}",
            { Zone.Length: > 0 } => $"IP address {GoValue.Quote(text)} with zone value is not allowed",
            { Is4In6: true } => $"IPv4-mapped IPv6 address {GoValue.Quote(text)} is not allowed",
            _ => null,
        };
        return error is null;
    }
}
#endif
