using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Tests.Model;

/// <summary>Acceptance as confirmed against apimachinery's ParseQuantity (reference, section F).</summary>
public sealed class QuantityTests
{
    [TestCase("500mi")]
    [TestCase("1K")]
    [TestCase("1i")]
    [TestCase("--1")]
    public void Bad_suffixes_fail_with_the_suffix_error(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryParse(text, out _, out var error), Is.False);
            Assert.That(error, Is.EqualTo("unable to parse quantity's suffix"));
        });
    }

    [TestCase("1.1.M")]
    [TestCase("1 Gi")]
    [TestCase("1gi")]
    [TestCase("1KB")]
    [TestCase("1.5.0Gi")]
    [TestCase("0.1am")]
    [TestCase("")]
    public void Malformed_numbers_fail_with_the_format_error(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryParse(text, out _, out var error), Is.False);
            Assert.That(error, Is.EqualTo("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
        });
    }

    [TestCase("+1", 1)]
    [TestCase(".5", 0.5)]
    [TestCase("1.", 1)]
    [TestCase("1e3", 1000)]
    [TestCase("1E-3", 0.001)]
    [TestCase("2k", 2000)]
    [TestCase("0.5Mi", 524288)]
    [TestCase("500m", 0.5)]
    [TestCase("1Gi", 1073741824)]
    [TestCase("-2", -2)]
    public void Valid_quantities_parse_to_their_value(string text, double expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryParse(text, out var quantity, out _), Is.True);
            Assert.That((double)quantity.Value, Is.EqualTo(expected).Within(1e-12));
            Assert.That(quantity.HasNumber, Is.True);
        });
    }

    [Test]
    public void Bare_suffix_is_accepted_as_zero_but_flagged_as_numberless()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryParse("Gi", out var quantity, out _), Is.True);
            Assert.That(quantity.Value, Is.Zero);
            Assert.That(quantity.HasNumber, Is.False);
        });
    }

    [Test]
    public void Quantities_compare_by_value_across_suffixes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.Parse("1Gi") > Quantity.Parse("1G"), Is.True);
            Assert.That(Quantity.Parse("1000m") == Quantity.Parse("1"), Is.True);
        });
    }
}
