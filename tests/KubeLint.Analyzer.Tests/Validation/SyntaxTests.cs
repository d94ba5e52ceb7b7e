using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Tests.Validation;

/// <summary>The messages of apimachinery's util/validation, as the API server prints them.</summary>
public sealed class SyntaxTests
{
    [TestCase("http")]
    [TestCase("metrics-9090")]
    [TestCase("a")]
    public void Port_names_that_are_iana_service_names_are_valid(string name)
        => Assert.That(Syntax.IsValidPortName(name), Is.Empty);

    [TestCase("http-metrics-port", "must be no more than 15 characters")]
    [TestCase("HTTP", "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")]
    [TestCase("8080", "must contain at least one letter (a-z)")]
    [TestCase("a--b", "must not contain consecutive hyphens")]
    [TestCase("-web", "must not begin or end with a hyphen")]
    public void Port_name_problems_are_each_reported(string name, string expected)
        => Assert.That(Syntax.IsValidPortName(name), Does.Contain(expected));

    [Test]
    public void A_name_with_dots_is_a_subdomain_but_not_a_label()
        => Assert.That(Syntax.IsDns1123Label("a.b"), Is.EqualTo(new[] { "must not contain dots" }));

    [Test]
    public void Qualified_names_report_prefix_and_name_parts()
        => Assert.That(Syntax.IsQualifiedName("Example.com/"), Is.EqualTo(new[]
        {
            "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            "name part must be non-empty",
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        }));

    [Test]
    public void A_trailing_newline_is_not_accepted_as_the_end_of_a_name()
        => Assert.That(Syntax.IsDns1123Subdomain("web\n"), Is.Not.Empty);

    [TestCase("MY_VAR", true)]
    [TestCase("my.env-name", true)]
    [TestCase("1VAR", false)]
    [TestCase("..x", false)]
    public void Environment_variable_names(string name, bool valid)
        => Assert.That(Syntax.IsEnvVarName(name).Count == 0, Is.EqualTo(valid));

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(65535, true)]
    [TestCase(65536, false)]
    public void Port_numbers(long port, bool valid)
        => Assert.That(Syntax.IsValidPortNum(port).Count == 0, Is.EqualTo(valid));
}
