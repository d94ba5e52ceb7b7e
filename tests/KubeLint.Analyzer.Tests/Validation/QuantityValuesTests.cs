using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Tests.Validation;

/// <summary>Quantity.String() as apimachinery canonicalizes it for error messages.</summary>
public sealed class QuantityValuesTests
{
    [TestCase("0", "0")]
    [TestCase("-1Gi", "-1Gi")]
    [TestCase("2048Mi", "2Gi")]
    [TestCase("1500", "1500")]
    [TestCase("2000", "2k")]
    [TestCase("0.5", "500m")]
    [TestCase("100m", "100m")]
    [TestCase("1.5Gi", "1536Mi")]
    [TestCase("512", "512")]
    [TestCase("1e3", "1e3")]
    [TestCase("1500m", "1500m")]
    [TestCase("1Ki", "1Ki")]
    public void Canonical_text(string text, string expected)
        => Assert.That(QuantityValues.Canonical(Quantity.Parse(text)), Is.EqualTo(expected));

    [TestCase("1.5", 2)]
    [TestCase("-1.5", -1)]
    [TestCase("1Ki", 1024)]
    public void Ceiling_is_value(string text, long expected)
        => Assert.That(QuantityValues.Ceiling(Quantity.Parse(text)), Is.EqualTo(expected));

    [TestCase("3", true)]
    [TestCase("500m", false)]
    [TestCase("1k", true)]
    public void Whole_numbers(string text, bool expected)
        => Assert.That(QuantityValues.IsInteger(Quantity.Parse(text)), Is.EqualTo(expected));
}
