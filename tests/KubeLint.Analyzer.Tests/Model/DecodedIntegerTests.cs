using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Tests.Model;

/// <summary>
/// The integer an API server stores for a YAML number (apimachinery runtime/converter.go fromUnstructured after
/// util/json convertNumber), for the edges of int64 and float64.
/// </summary>
public sealed class DecodedIntegerTests
{
    [TestCase("9223372036854775807", 9223372036854775807L)]
    [TestCase("-9223372036854775808", long.MinValue)]
    [TestCase("9223372036854775808", long.MinValue)]
    [TestCase("-9223372036854775809", long.MinValue)]
    [TestCase("18446744073709551615", long.MinValue)]
    [TestCase("9.3e18", long.MinValue)]
    [TestCase("-9.223372036854775808e18", long.MinValue)]
    [TestCase("9007199254740993.0", 9007199254740992L)]
    [TestCase("1e10", 10000000000L)]
    [TestCase("0x10", 16L)]
    [TestCase("-0.0", 0L)]
    public void A_whole_number_is_stored_as_go_converts_it(string text, long expected)
        => Assert.Multiple(() =>
        {
            Assert.That(DecodedInteger.TryRead(Scalar(text), out var value), Is.True);
            Assert.That(value, Is.EqualTo(expected));
        });

    [TestCase("2.5")]
    [TestCase("1e-3")]
    [TestCase(".inf")]
    [TestCase(".nan")]
    [TestCase("ten")]
    public void Anything_else_is_no_integer(string text)
        => Assert.That(DecodedInteger.TryRead(Scalar(text), out _), Is.False);

    [TestCase("2.5", true)]
    [TestCase("2.0", false)]
    [TestCase(".inf", false)]
    [TestCase("2", false)]
    public void Only_a_finite_float_with_a_fraction_has_one(string text, bool expected)
        => Assert.That(DecodedInteger.HasFraction(Scalar(text)), Is.EqualTo(expected));

    [TestCase(10000000000L, 1410065408)]
    [TestCase(2147483648L, int.MinValue)]
    [TestCase(4294967376L, 80)]
    [TestCase(long.MinValue, 0)]
    public void An_int32_field_keeps_the_low_32_bits(long value, int expected)
        => Assert.That(DecodedInteger.ToInt32(value), Is.EqualTo(expected));

    private static YamlScalar Scalar(string text) => new(text, isPlain: true, default);
}
