using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Tests.Validation;

/// <summary>Go's net/url Parse and ParseRequestURI (cases from net/url's url_test.go).</summary>
public sealed class GoUrlTests
{
    [Test]
    public void A_url_reads_into_its_parts()
    {
        var url = GoUrl.Parse("HTTPS://user:pass@Example.com:8080/a%2Fb/c?q=1+2&q=3#frag%20x", out var error)!;
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(url.Scheme, Is.EqualTo("https"));
            Assert.That(url.User, Is.EqualTo("user:pass"));
            Assert.That(url.Host, Is.EqualTo("Example.com:8080"));
            Assert.That(url.Hostname, Is.EqualTo("Example.com"));
            Assert.That(url.Port, Is.EqualTo("8080"));
            Assert.That(url.Path, Is.EqualTo("/a/b/c"));
            Assert.That(url.EscapedPath, Is.EqualTo("/a%2Fb/c"));
            Assert.That(url.Query()["q"], Is.EqualTo(new[] { "1 2", "3" }));
            Assert.That(url.Fragment, Is.EqualTo("frag x"));
        });
    }

    [TestCase("mailto:user@example.com", "user@example.com")]
    [TestCase("urn:isbn:0451450523", "isbn:0451450523")]
    public void A_rootless_url_is_opaque(string text, string opaque)
        => Assert.That(GoUrl.Parse(text, out _)!.Opaque, Is.EqualTo(opaque));

    [TestCase("https://example.com/path")]
    [TestCase("/absolute/path")]
    [TestCase("http://[fe80::1%25en0]:8080/")]
    [TestCase("*")]
    public void Request_uris_go_accepts(string text)
        => Assert.That(GoUrl.ParseRequestUri(text, out var error), Is.Not.Null, error);

    [TestCase("relative/path", "parse \"relative/path\": invalid URI for request")]
    [TestCase("", "parse \"\": empty url")]
    [TestCase(":foo", "parse \":foo\": missing protocol scheme")]
    [TestCase("http://a b.com/", "parse \"http://a b.com/\": invalid character \" \" in host name")]
    [TestCase("http://x/\u007f", "parse \"http://x/\\x7f\": net/url: invalid control character in URL")]
    [TestCase("http://%41:8080/", "parse \"http://%41:8080/\": invalid URL escape \"%41\"")]
    public void Request_uris_go_rejects_with_its_words(string text, string message)
    {
        GoUrl.ParseRequestUri(text, out var error);
        Assert.That(error, Is.EqualTo(message));
    }

    [Test]
    public void A_relative_reference_parses_but_a_colon_in_its_first_segment_does_not()
    {
        Assert.That(GoUrl.Parse("a/b:c", out _), Is.Not.Null);
        GoUrl.Parse("1a:b", out var error);
        Assert.That(error, Is.EqualTo("parse \"1a:b\": first path segment in URL cannot contain colon"));
    }
}
