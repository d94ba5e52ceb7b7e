using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Tests.Model;

public sealed class DecimalNumberTests
{
    [TestCase(false, "007", "500", 0, "7.5")]
    [TestCase(true, "1", "", 3, "-1000")]
    [TestCase(false, "0", "000", 5, "0")]
    [TestCase(false, "12", "34", -2, "0.1234")]
    [TestCase(false, "1", "", 60, "1e+60")]
    [TestCase(false, "1", "", -60, "1e-60")]
    public void Parts_are_normalized_and_rendered(bool negative, string whole, string fraction, long exponent, string expected)
        => Assert.That(DecimalNumber.FromParts(negative, whole, fraction, exponent).ToString(), Is.EqualTo(expected));

    [TestCase("1", 0, "2", 0, -1)]
    [TestCase("10", 0, "9", 0, 1)]
    [TestCase("1", 2147483647, "9", 2147483646, 1)]
    [TestCase("15", -1, "1500", -3, 0)]
    [TestCase("123", 0, "1234", -1, -1)]
    public void Comparison_aligns_exponents_without_expanding_them(string a, long ea, string b, long eb, int expected)
        => Assert.That(
            Math.Sign(DecimalNumber.FromParts(false, a, string.Empty, ea).CompareTo(DecimalNumber.FromParts(false, b, string.Empty, eb))),
            Is.EqualTo(expected));

    [Test]
    public void Negative_numbers_order_below_zero_and_by_magnitude()
    {
        var minusTwo = DecimalNumber.FromInt64(-2);
        Assert.Multiple(() =>
        {
            Assert.That(minusTwo < DecimalNumber.Zero, Is.True);
            Assert.That(minusTwo < DecimalNumber.FromInt64(-1), Is.True);
            Assert.That(DecimalNumber.FromInt64(-1).Negate() == DecimalNumber.FromInt64(1), Is.True);
        });
    }

    [TestCase("0.0000000001", "0.000000001")]
    [TestCase("1.0000000001", "1.000000001")]
    [TestCase("0.9999999999", "1")]
    [TestCase("-0.0000000001", "-0.000000001")]
    [TestCase("2.5", "2.5")]
    public void Rounding_to_nano_goes_away_from_zero(string text, string expected)
    {
        var negative = text.StartsWith('-');
        var parts = text.TrimStart('-').Split('.');
        var number = DecimalNumber.FromParts(negative, parts[0], parts[1], 0);
        Assert.That(number.RoundAwayFromZero(-9).ToString(), Is.EqualTo(expected));
    }

    [TestCase(0.1, "0.1")]
    [TestCase(1e26, "100000000000000000000000000")]
    [TestCase(-2.5e-7, "-0.00000025")]
    [TestCase(3.0, "3")]
    public void Doubles_are_read_from_their_shortest_text(double value, string expected)
        => Assert.That(DecimalNumber.FromDouble(value).ToString(), Is.EqualTo(expected));

    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    [TestCase(0L)]
    [TestCase(-5L)]
    public void Int64_values_round_trip(long value)
        => Assert.That(DecimalNumber.FromInt64(value).ToInt64Ceiling(), Is.EqualTo(value));

    [TestCase("1.5", "2.25", "3.75")]
    [TestCase("-3", "1", "-2")]
    [TestCase("0.001", "-0.001", "0")]
    [TestCase("99999999999999999999999999999", "1", "100000000000000000000000000000")]
    public void Sums_are_exact(string left, string right, string expected)
        => Assert.That(Read(left).Add(Read(right)).ToString(), Is.EqualTo(expected));

    [Test]
    public void Sums_of_far_apart_values_stay_short()
    {
        var huge = DecimalNumber.FromParts(false, "1", string.Empty, 1_000_000);
        var sum = huge.Add(DecimalNumber.FromInt64(1));
        Assert.Multiple(() =>
        {
            Assert.That(sum > huge, Is.True);
            Assert.That(sum.Digits.Length, Is.LessThanOrEqualTo(4098));
        });
    }

    private static DecimalNumber Read(string text)
    {
        var negative = text.StartsWith('-');
        var parts = text.TrimStart('-').Split('.');
        return DecimalNumber.FromParts(negative, parts[0], parts.Length > 1 ? parts[1] : string.Empty, 0);
    }
}
