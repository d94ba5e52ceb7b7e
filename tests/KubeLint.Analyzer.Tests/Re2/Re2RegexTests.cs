using KubeLint.Analyzer.Re2;

namespace KubeLint.Analyzer.Tests.Re2;

/// <summary>The matcher against what Go's regexp answers (cases from regexp/syntax's parse_test.go and find_test.go, checked by hand).</summary>
public sealed class Re2RegexTests
{
    [TestCase("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "my-name", true)]
    [TestCase("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "-bad", false)]
    [TestCase("abc", "xxabcxx", true)]
    [TestCase("^abc$", "abc\n", false)]
    [TestCase("(?m)^abc$", "x\nabc\ny", true)]
    [TestCase("a.c", "a\nc", false)]
    [TestCase("(?s)a.c", "a\nc", true)]
    [TestCase("(?i)straße", "STRASSE", false)]
    [TestCase("(?i)k", "\u212A", true)]
    [TestCase("(?i)[a-c]+", "ABC", true)]
    [TestCase(@"^\d+$", "١٢٣", false)]
    [TestCase(@"^\w+$", "héllo", false)]
    [TestCase(@"^\pL+$", "héllo", true)]
    [TestCase(@"^\p{Greek}+$", "αβγ", true)]
    [TestCase(@"^\P{Greek}+$", "αβγ", false)]
    [TestCase(@"^[[:alpha:]]+$", "abc", true)]
    [TestCase(@"^[[:^digit:]]+$", "ab1", false)]
    [TestCase(@"\bfoo\b", "a foo b", true)]
    [TestCase(@"\Bfoo", "afoo", true)]
    [TestCase(@"^\Qa.b\E$", "a.b", true)]
    [TestCase(@"^\Qa.b\E$", "axb", false)]
    [TestCase(@"^a{2,3}$", "aaaa", false)]
    [TestCase(@"^a{2,3}$", "aaa", true)]
    [TestCase(@"^a{2,}$", "aaaaa", true)]
    [TestCase(@"^(?:a|bc)*$", "abcbca", true)]
    [TestCase(@"^x{3}$", "xx", false)]
    [TestCase(@"a{,3}", "a{,3}", true)]
    [TestCase(@"^[^a]$", "\n", true)]
    [TestCase(@"^\x{1F600}$", "😀", true)]
    [TestCase(@"^.$", "😀", true)]
    [TestCase(@"^\101\x41$", "AA", true)]
    [TestCase(@"(?U)a+?", "aaa", true)]
    [TestCase(@"^(?P<year>\d{4})-(?<month>\d{2})$", "2024-01", true)]
    [TestCase("^$", "", true)]
    [TestCase("(a*)*", "b", true)]
    [TestCase(@"\z", "abc", true)]
    public void Matches_as_go_does(string pattern, string input, bool expected)
    {
        Assert.That(Re2Regex.TryCompile(pattern, out var regex, out var error), Is.True, error?.ToString());
        Assert.That(regex!.IsMatch(input), Is.EqualTo(expected));
    }

    [TestCase("[", "error parsing regexp: missing closing ]: `[`")]
    [TestCase("a)", "error parsing regexp: unexpected ): `a)`")]
    [TestCase("(a", "error parsing regexp: missing closing ): `(a`")]
    [TestCase(@"(a)\1", @"error parsing regexp: invalid escape sequence: `\1`")]
    [TestCase("(?=a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`")]
    [TestCase("(?!a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?!`")]
    [TestCase("(?<=a)b", "error parsing regexp: invalid named capture: `(?<=a)b`")]
    [TestCase("a**", "error parsing regexp: invalid nested repetition operator: `**`")]
    [TestCase("a++", "error parsing regexp: invalid nested repetition operator: `++`")]
    [TestCase("*a", "error parsing regexp: missing argument to repetition operator: `*`")]
    [TestCase("a|?", "error parsing regexp: missing argument to repetition operator: `?`")]
    [TestCase(@"\Z", @"error parsing regexp: invalid escape sequence: `\Z`")]
    [TestCase(@"\C", @"error parsing regexp: invalid escape sequence: `\C`")]
    [TestCase(@"a\", "error parsing regexp: trailing backslash at end of expression: ``")]
    [TestCase("[z-a]", "error parsing regexp: invalid character class range: `z-a`")]
    [TestCase("[[:foo:]]", "error parsing regexp: invalid character class range: `[:foo:]`")]
    [TestCase(@"\p{Foo}", @"error parsing regexp: invalid character class range: `\p{Foo}`")]
    [TestCase(@"\p", @"error parsing regexp: invalid character class range: `\p`")]
    [TestCase("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`")]
    [TestCase("(a{100}){100}", "error parsing regexp: invalid repeat count: `{100}`")]
    [TestCase("a{2,1}", "error parsing regexp: invalid repeat count: `{2,1}`")]
    [TestCase("(?P<n!>a)", "error parsing regexp: invalid named capture: `(?P<n!>`")]
    [TestCase("(?i-)", "error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`")]
    [TestCase(@"\xZZ", @"error parsing regexp: invalid escape sequence: `\xZZ`")]
    [TestCase(@"\8", @"error parsing regexp: invalid escape sequence: `\8`")]
    public void Rejects_what_go_rejects_with_its_words(string pattern, string message)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Re2Regex.TryCompile(pattern, out var regex, out var error), Is.False);
            Assert.That(regex, Is.Null);
            Assert.That(error?.ToString(), Is.EqualTo(message));
        });
    }

    [Test]
    public void Nested_quantifiers_do_not_backtrack()
    {
        Assert.That(Re2Regex.TryCompile("^(a+)+$", out var regex, out _), Is.True);
        var input = new string('a', 100_000) + "!";
        Assert.Multiple(() =>
        {
            Assert.That(regex!.IsMatch(input), Is.False);
            Assert.That(regex.IsMatch(new string('a', 100_000)), Is.True);
        });
    }
}
