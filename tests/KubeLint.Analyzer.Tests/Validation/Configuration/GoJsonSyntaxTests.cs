using System.Text;
using KubeLint.Analyzer.Validation.Configuration;

namespace KubeLint.Analyzer.Tests.Validation.Configuration;

/// <summary>The errors of Go's json.Unmarshal into a map, which Secret validation prints.</summary>
public sealed class GoJsonSyntaxTests
{
    [TestCase("{\"auths\":{}}", null)]
    [TestCase("null", null)]
    [TestCase(" { } ", null)]
    [TestCase("not json", "invalid character 'o' in literal null (expecting 'u')")]
    [TestCase("{\"a\":1", "unexpected end of JSON input")]
    [TestCase("{\"a\" 1}", "invalid character '1' after object key")]
    [TestCase("{\"a\":1 \"b\":2}", "invalid character '\"' after object key:value pair")]
    [TestCase("{a:1}", "invalid character 'a' looking for beginning of object key string")]
    [TestCase("[1,2]", "json: cannot unmarshal array into Go value of type map[string]interface {}")]
    [TestCase("\"text\"", "json: cannot unmarshal string into Go value of type map[string]interface {}")]
    [TestCase("12", "json: cannot unmarshal number into Go value of type map[string]interface {}")]
    [TestCase("{} x", "invalid character 'x' after top-level value")]
    [TestCase("{\"a\":tru}", "invalid character '}' in literal true (expecting 'e')")]
    [TestCase("{\"a\":nul", "invalid character ' ' in literal null (expecting 'l')")]
    [TestCase("{\"a\":-}", "invalid character '}' in numeric literal")]
    [TestCase("{\"a\":1.}", "invalid character '}' after decimal point in numeric literal")]
    [TestCase("{\"a\":\"\\q\"}", "invalid character 'q' in string escape code")]
    [TestCase("[1 2]", "invalid character '2' after array element")]
    public void Errors_are_encoding_json_s(string json, string? expected)
        => Assert.That(GoJsonSyntax.ObjectError(Encoding.UTF8.GetBytes(json)), Is.EqualTo(expected));

    [Test]
    public void Deep_nesting_is_scanned_without_recursion()
    {
        var json = "{\"a\":" + new string('[', 100000) + new string(']', 100000) + "}";
        Assert.That(GoJsonSyntax.ObjectError(Encoding.UTF8.GetBytes(json)), Is.Null);
    }
}
