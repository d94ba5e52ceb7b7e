using KubeLint.Analyzer.Validation.Cluster;

namespace KubeLint.Analyzer.Tests.Validation.Cluster;

/// <summary>net/url.Parse as far as webhook URLs need it.</summary>
public sealed class WebhookUrlTests
{
    [Test]
    public void Parts_of_a_url()
    {
        var url = WebhookUrl.Parse("HTTPS://user@hook.example.com:8443/validate?x=1#top", out var error);
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That((url!.Scheme, url.User, url.Host, url.Query, url.Fragment), Is.EqualTo(("https", "user", "hook.example.com:8443", "x=1", "top")));
        });
    }

    [TestCase(":8443/validate", "parse \":8443/validate\": missing protocol scheme")]
    [TestCase("https://hook:port/", "parse \"https://hook:port/\": invalid port \":port\" after host")]
    [TestCase("1host:8443/validate", "parse \"1host:8443/validate\": first path segment in URL cannot contain colon")]
    [TestCase("https://hook example/", "parse \"https://hook example/\": invalid character \" \" in host name")]
    public void Errors_are_net_url_s(string text, string expected)
    {
        Assert.That(WebhookUrl.Parse(text, out var error), Is.Null);
        Assert.That(error, Is.EqualTo(expected));
    }

    [Test]
    public void A_url_without_scheme_has_no_host()
        => Assert.That(WebhookUrl.Parse("hook.example.com/validate", out _)!.Host, Is.Empty);
}
