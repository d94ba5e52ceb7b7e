using KubeLint.Analyzer.Validation.Services;

namespace KubeLint.Analyzer.Tests.Validation.Services;

/// <summary>The --service-node-port-range forms of utilnet.ParsePortRange.</summary>
public sealed class NodePortRangeTests
{
    [TestCase("30000-32767", 30000, 32767)]
    [TestCase(" 20000-20100 ", 20000, 20100)]
    [TestCase("30000+100", 30000, 30100)]
    [TestCase("31000", 31000, 31000)]
    public void Valid_ranges(string text, int low, int high)
        => Assert.That(NodePortRange.TryParse(text, out var range) ? (range.Low, range.High) : (0, 0), Is.EqualTo((low, high)));

    [TestCase("")]
    [TestCase("a-b")]
    [TestCase("32767-30000")]
    [TestCase("0-100")]
    [TestCase("60000-70000")]
    public void Unusable_ranges_keep_the_default(string text)
        => Assert.That(NodePortRange.TryParse(text, out var range) || range != NodePortRange.Default, Is.False);
}
