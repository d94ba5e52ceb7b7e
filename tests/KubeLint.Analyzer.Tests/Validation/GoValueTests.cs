using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Tests.Validation;

public sealed class GoValueTests
{
    [TestCase("web", "\"web\"")]
    [TestCase("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [TestCase("tab\there\nnew", "\"tab\\there\\nnew\"")]
    [TestCase("\u001b[31m", "\"\\x1b[31m\"")]
    [TestCase("naïve ✓", "\"naïve ✓\"")]
    [TestCase("zero\u200bwidth", "\"zero\\u200bwidth\"")]
    public void Strings_are_quoted_as_strconv_Quote_does(string value, string expected)
        => Assert.That(GoValue.Quote(value), Is.EqualTo(expected));

    [TestCase(0.5, "0.5")]
    [TestCase(123456.0, "123456")]
    [TestCase(1000000.0, "1e+06")]
    [TestCase(1234567.0, "1.234567e+06")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1e-05")]
    [TestCase(-2.5e-7, "-2.5e-07")]
    [TestCase(1e21, "1e+21")]
    public void Floats_print_as_percent_v(double value, string expected)
        => Assert.That(GoValue.FormatFloat(value), Is.EqualTo(expected));

    [Test]
    public void Integers_and_booleans_print_bare()
        => Assert.That(new[] { GoValue.Of(-1).Rendered, GoValue.Of(true).Rendered, GoValue.Omit.Rendered }, Is.EqualTo(new[] { "-1", "true", null }));
}
