using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Tests.Validation;

/// <summary>Quantity.String() and %#v as apimachinery's resource package renders a decoded quantity.</summary>
public sealed class DecodedQuantityTests
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
    [TestCase("10e20", "1e21")]
    [TestCase("1500m", "1500m")]
    [TestCase("1Ki", "1Ki")]
    [TestCase("1Ei", "1Ei")]
    [TestCase("0.0001Ki", "102400u")]
    [TestCase(" 2048Mi ", "2Gi")]
    public void String_is_canonical(string text, string expected)
        => Assert.That(Parse(text).ToString(), Is.EqualTo(expected));

    // ParseQuantity keeps the input as the String() of an int64 amount already in canonical form.
    [TestCase("+1", "+1")]
    [TestCase("01", "01")]
    [TestCase("1.500", "1.500")]
    [TestCase("1.000", "1")]
    public void Canonical_input_is_kept_as_written(string text, string expected)
        => Assert.That(Parse(text).ToString(), Is.EqualTo(expected));

    [TestCase("1000E", "1")]
    [TestCase("1e2147483647", "10e2147483646")]
    [TestCase("123456789012345678901234567890", "123456789012345678901234567890")]
    [TestCase("-123456789012345678901234567890k", "-123456789012345678901234567890k")]
    public void Huge_values_print_exactly_as_upstream(string text, string expected)
        => Assert.That(Parse(text).ToString(), Is.EqualTo(expected));

    [TestCase("500m", "resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"500m\", Format:\"DecimalSI\"}")]
    [TestCase("1000m", "resource.Quantity{i:resource.int64Amount{value:1000, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"\", Format:\"DecimalSI\"}")]
    [TestCase("3Ki", "resource.Quantity{i:resource.int64Amount{value:3072, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"3Ki\", Format:\"BinarySI\"}")]
    [TestCase("1Ei", "resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(...)}, s:\"\", Format:\"BinarySI\"}")]
    [TestCase("0", "resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"0\", Format:\"DecimalSI\"}")]
    public void Go_syntax_shows_the_int64_amount(string text, string expected)
        => Assert.That(Parse(text).GoSyntax, Is.EqualTo(expected));

    [TestCase("1500u", "2m", "resource.Quantity{i:resource.int64Amount{value:2, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"\", Format:\"DecimalSI\"}")]
    [TestCase("500m", "500m", "resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"500m\", Format:\"DecimalSI\"}")]
    [TestCase("-1n", "-1m", "resource.Quantity{i:resource.int64Amount{value:-1, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"\", Format:\"DecimalSI\"}")]
    public void Resource_lists_round_up_to_milli(string text, string expected, string goSyntax)
    {
        var rounded = Parse(text).RoundUp(-3);
        Assert.Multiple(() =>
        {
            Assert.That(rounded.ToString(), Is.EqualTo(expected));
            Assert.That(rounded.GoSyntax, Is.EqualTo(goSyntax));
        });
    }

    [TestCase("1.5", 2)]
    [TestCase("-1.5", -1)]
    [TestCase("1Ki", 1024)]
    public void Integer_value_is_rounded_up(string text, long expected)
        => Assert.That(Parse(text).IntegerValue, Is.EqualTo(expected));

    [TestCase("3", true)]
    [TestCase("500m", false)]
    [TestCase("1k", true)]
    [TestCase("12345678901234567.5", false)]
    public void Whole_numbers(string text, bool expected)
        => Assert.That(Parse(text).IsWhole, Is.EqualTo(expected));

    private static DecodedQuantity Parse(string text)
    {
        Assert.That(DecodedQuantity.TryParse(text, out var quantity), Is.True, text);
        return quantity;
    }
}
