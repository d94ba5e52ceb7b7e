using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

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
            Assert.That(double.Parse(quantity.Value.ToString(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected).Within(1e-12));
            Assert.That(quantity.HasNumber, Is.True);
        });
    }

    [Test]
    public void Bare_suffix_is_accepted_as_zero_but_flagged_as_numberless()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryParse("Gi", out var quantity, out _), Is.True);
            Assert.That(quantity.Value.IsZero, Is.True);
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

    // Values past decimal's range keep their exact size and order. The int32 exponent wraps as upstream's does:
    // -2147483648 negated is itself, so 1e-2147483648 is as huge as 1E+2147483648.
    [TestCase("1e26", "100000000000000000000000000")]
    [TestCase("1e100", "1e+100")]
    [TestCase("-1e309", "-1e+309")]
    [TestCase("1e2147483647", "1e+2147483647")]
    [TestCase("1E+2147483648", "1e+2147483648")]
    [TestCase("9999999999Ei", "9223372036854775807")]
    [TestCase("1.5Gi", "1610612736")]
    [TestCase("0.1n", "0.000000001")]
    [TestCase("1e-2147483647", "0.000000001")]
    [TestCase("1e-2147483648", "1e+2147483648")]
    [TestCase("-0.0000000001", "-0.000000001")]
    public void Huge_and_tiny_quantities_have_apimachinery_values(string text, string value)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryParse(text, out var quantity, out var error), Is.True, error);
            Assert.That(quantity.Value.ToString(), Is.EqualTo(value));
        });
    }

    [Test]
    public void Huge_quantities_compare_and_convert_without_overflow()
    {
        var huge = Quantity.Parse("1e2147483647");
        Assert.Multiple(() =>
        {
            Assert.That(huge > Quantity.Parse("1e26"), Is.True);
            Assert.That(Quantity.Parse("-1e309") < Quantity.Parse("-1e26"), Is.True);
            Assert.That(Quantity.Parse("1e26") == Quantity.Parse("100000000000000000000000000"), Is.True);
            Assert.That(huge.Value.ToInt64Ceiling(3), Is.EqualTo(long.MaxValue));
            Assert.That(Quantity.Parse("-1e309").Value.ToInt64Ceiling(), Is.EqualTo(long.MinValue));
            Assert.That(Quantity.Parse("1500m").Value.ToInt64Ceiling(), Is.EqualTo(2));
            Assert.That(Quantity.Parse("1500m").Value.ToInt64Ceiling(3), Is.EqualTo(1500));
            Assert.That(Quantity.Parse("0.1m").Value.ToInt64Ceiling(3), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_number_with_a_million_digits_parses_in_linear_time()
    {
        var text = "1" + new string('0', 1_000_000) + "Ki";
        Assert.That(Quantity.Parse(text).Value.ToString(), Is.EqualTo("9223372036854775807"));
    }

    // Numbers reach the API server as JSON: digits for integers (any base), Go's float64 text for floats.
    [TestCase("cpu: 0x10", "16")]
    [TestCase("cpu: 1_000", "1000")]
    [TestCase("cpu: 1e3", "1000")]
    [TestCase("cpu: 0.1", "0.1")]
    [TestCase("cpu: 1e-12", "0.000000001")]
    [TestCase("cpu: '1e3'", "1000")]
    public void Yaml_scalars_are_read_as_the_api_server_reads_them(string yaml, string value)
    {
        var scalar = (YamlScalar)((YamlMapping)Manifests.Load(yaml).Documents[0].Root!)["cpu"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryRead(scalar, out var quantity, out var error), Is.True, error);
            Assert.That(quantity.Value.ToString(), Is.EqualTo(value));
        });
    }

    [Test]
    public void An_infinite_float_is_not_a_quantity()
    {
        var scalar = (YamlScalar)((YamlMapping)Manifests.Load("cpu: .inf").Documents[0].Root!)["cpu"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Quantity.TryRead(scalar, out _, out var error), Is.False);
            Assert.That(error, Is.EqualTo("json: unsupported value: +Inf"));
        });
    }
}
