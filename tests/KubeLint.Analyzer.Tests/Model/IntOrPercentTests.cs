using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Tests.Model;

/// <summary>Reference B1: "10 replicas at 25% gives surge 3, unavailable 2. 1 replica gives surge 1, unavailable 0."</summary>
public sealed class IntOrPercentTests
{
    [TestCase("25%", 10, true, 3)]
    [TestCase("25%", 10, false, 2)]
    [TestCase("25%", 1, true, 1)]
    [TestCase("25%", 1, false, 0)]
    [TestCase("100%", 7, false, 7)]
    public void Percentages_scale_with_the_controller_rounding(string text, int replicas, bool roundUp, int expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(IntOrPercent.TryParsePercent(text, out var value), Is.True);
            Assert.That(value.Scale(replicas, roundUp), Is.EqualTo(expected));
        });
    }

    [TestCase("25")]
    [TestCase("%")]
    [TestCase("2.5%")]
    [TestCase("abc%")]
    public void Invalid_percent_strings_are_rejected(string text)
        => Assert.That(IntOrPercent.TryParsePercent(text, out _), Is.False);
}
