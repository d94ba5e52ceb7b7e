using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Tests.Validation;

/// <summary>Go's net.ParseIP in the sloppy form of k8s.io/utils/net, which the API server's validation uses in 1.32.</summary>
public sealed class IpAddressTests
{
    [TestCase("10.96.0.10", true)]
    [TestCase("010.001.0.1", true)]
    [TestCase("256.1.1.1", false)]
    [TestCase("1.2.3", false)]
    [TestCase("1", false)]
    [TestCase("0x7f.0.0.1", false)]
    [TestCase("::", false)]
    [TestCase("2001:db8::ffff", false)]
    [TestCase("::ffff:10.0.0.1", true)]
    public void Ipv4_addresses(string text, bool isIPv4)
        => Assert.That(IpAddress.Parse(text)?.IsIPv4 ?? false, Is.EqualTo(isIPv4));

    [TestCase("::", true)]
    [TestCase("::1", true)]
    [TestCase("2001:db8::ffff", true)]
    [TestCase("2001:db8:0:0:0:0:0:1", true)]
    [TestCase("1:2:3:4:5:6:7::", true)]
    [TestCase("1:2:3:4:5:6:7:8::", false)]
    [TestCase("1::2::3", false)]
    [TestCase("2001:db8::1%eth0", false)]
    [TestCase(":1", false)]
    [TestCase("1:", false)]
    [TestCase("12345::", false)]
    [TestCase("::10.0.0.1", true)]
    public void Ipv6_addresses(string text, bool valid)
        => Assert.That(IpAddress.Parse(text) is { IsIPv4: false } || (valid && IpAddress.Parse(text) is not null), Is.EqualTo(valid));

    [TestCase("10.0.0.0/8", true)]
    [TestCase("10.0.0.1/32", true)]
    [TestCase("10.0.0.0/33", false)]
    [TestCase("2001:db8::/32", true)]
    [TestCase("10.0.0.0", false)]
    [TestCase("10.0.0.0/", false)]
    public void Cidrs(string text, bool valid)
        => Assert.That(IpAddress.ParseCidr(text) is not null, Is.EqualTo(valid));

    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("::", "unspecified")]
    [TestCase("127.3.0.1", "loopback")]
    [TestCase("::1", "loopback")]
    [TestCase("169.254.1.1", "link-local")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("224.0.0.5", "multicast")]
    [TestCase("ff02::1", "multicast")]
    [TestCase("10.0.0.1", "")]
    public void Special_addresses(string text, string kind)
    {
        var ip = IpAddress.Parse(text)!;
        var actual = ip.IsUnspecified ? "unspecified" : ip.IsLoopback ? "loopback" : ip.IsLinkLocalUnicast ? "link-local" : ip.IsLinkLocalMulticast ? "multicast" : string.Empty;
        Assert.That(actual, Is.EqualTo(kind));
    }
}
