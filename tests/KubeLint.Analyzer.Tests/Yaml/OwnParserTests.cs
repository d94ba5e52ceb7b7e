using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Yaml;

/// <summary>
/// Where the loader's parser deliberately differs from YamlDotNet (following the YAML specification or reporting a
/// more precise position), and how it copes with hostile input.
/// </summary>
public sealed class OwnParserTests
{
    [Test]
    public void Byte_order_mark_at_the_start_of_the_stream_is_not_content()
    {
        // YAML 1.2, 5.2: a byte order mark may appear at the start of the stream and is not part of the content.
        // YamlDotNet reads it as the first character of the first key.
        var root = (YamlMapping)Read("\uFEFFa: 1\n").Documents.Single().Root!;

        Assert.Multiple(() =>
        {
            Assert.That(root.Entries.Single().KeyText, Is.EqualTo("a"));
            Assert.That(root.Entries.Single().Key.Span.ToString(), Is.EqualTo("1:1-1:2"));
        });
    }

    [Test]
    public void Single_pair_mapping_in_a_flow_sequence_starts_at_its_key()
    {
        // YamlDotNet gives this implicit mapping no position (line 1, column 1); its key is where it begins.
        var root = (YamlMapping)Read("a: [b: c, d e : f g]\n").Documents.Single().Root!;
        var items = ((YamlSequence)root["a"]!).Items;

        Assert.Multiple(() =>
        {
            Assert.That(items[0].Span.ToString(), Is.EqualTo("1:5-1:10"));
            Assert.That(items[1].Span.ToString(), Is.EqualTo("1:11-1:20"));
            Assert.That(((YamlMapping)items[1]).Entries.Single().KeyText, Is.EqualTo("d e"));
        });
    }

    [Test]
    public void Explicit_empty_key_followed_by_a_value_is_one_entry()
    {
        // YAML 1.2, 8.2.2: "?" with no key content and ": v" on the next line is one entry with an empty key.
        // YamlDotNet produces two entries with empty keys and so a duplicate-key finding.
        var reader = Read("?\n: v\n");
        var entry = ((YamlMapping)reader.Documents.Single().Root!).Entries.Single();

        Assert.Multiple(() =>
        {
            Assert.That(reader.Findings, Is.Empty);
            Assert.That(entry.KeyText, Is.Empty);
            Assert.That(((YamlScalar)entry.Value).Value, Is.EqualTo("v"));
        });
    }

    [Test]
    public void Stream_may_start_with_document_end_markers()
    {
        // YAML 1.2, 9.2: document suffixes ("...") may precede the first document. YamlDotNet rejects such a stream.
        var reader = Read("...\n...\n---\na: 1\n...\n");

        Assert.Multiple(() =>
        {
            Assert.That(reader.Findings, Is.Empty);
            Assert.That(((YamlMapping)reader.Documents.Single(d => d.Root is not null).Root!).GetString("a"), Is.EqualTo("1"));
        });
    }

    // A literal block whose first line holds only spaces, as many as the content's indentation (istio's loki.yaml):
    // YAML forbids only more spaces than the content. YamlDotNet rejects it.
    [TestCase("a: |\n    \n    hello\nb: 1\n", "\nhello\n")]
    [TestCase("a: |-\n  \n  hello\n", "\nhello")]
    [TestCase("a: >\n  \n  hello\n", "\nhello\n")]
    [TestCase("a: |\n\n  hello\n", "\nhello\n")]
    [TestCase("a: |\n  \nb: 1\n", "")]
    public void Leading_blank_lines_as_indented_as_the_content_are_fine(string yaml, string value)
    {
        var reader = Read(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(reader.Findings, Is.Empty);
            Assert.That(((YamlMapping)reader.Documents[0].Root!).GetString("a"), Is.EqualTo(value));
        });
    }

    [TestCase("a: |\n      \n    hello\n")]
    [TestCase("a: >\n      \n    hello\n")]
    public void Leading_blank_lines_more_indented_than_the_content_are_an_error(string yaml)
        => Assert.That(Read(yaml).Findings.Select(f => f.Message), Is.EqualTo(new[] { "invalid YAML: leading empty lines of a block scalar are more indented than its first content line" }));

    [TestCase("a:\n- b\n: e\n")]
    [TestCase("- :\n  - 1\n")]
    public void Empty_implicit_key_is_accepted(string yaml)
    {
        // YAML 1.2, example 8.18 (": # Both empty"): an implicit key may be empty. YamlDotNet rejects these unless
        // the ':' is at column 1 of a top-level mapping.
        var reader = Read(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(reader.Findings, Is.Empty);
            Assert.That(reader.Documents.Single().Root, Is.Not.Null);
        });
    }

    [TestCase("a: 'x'*s\n", "KL1001@1:7")]
    [TestCase("a: &m {x: 1}\n*m  v\n", "KL1001@2:1")]
    [TestCase("{\"a\": 1 \"b\": 2}\n", "KL1001@1:12")]
    [TestCase("{\"a\": {\"b\": 1}\t\"c\": 2}\n", "KL1001@1:16")]
    [TestCase("{\"a\": 1, 'c'2}\n", "KL1001@1:13")]
    public void Adjacent_nodes_without_separator_are_rejected(string yaml, string expected)
    {
        // An alias in key position needs its ':' and JSON-like flow entries need ',' (YAML 1.2, 7.4 and 8.2.2);
        // YamlDotNet accepts these, silently reading a different structure.
        Assert.That(Summaries(Read(yaml)), Is.EqualTo(new[] { expected }));
    }

    [TestCase("a:\n  b: [x,\ny]\n", "KL1001@3:1")]
    [TestCase("a: [1, 2\nb: 3\n", "KL1001@2:1")]
    public void Flow_content_less_indented_than_its_block_is_reported_where_it_is(string yaml, string expected)
        => Assert.That(Summaries(Read(yaml)), Is.EqualTo(new[] { expected }));

    [Test]
    public void Syntax_error_messages_are_plain_sentences_without_parser_positions()
    {
        var message = Read("a: \"x\\q\"\n").Findings.Single().Message;

        Assert.That(message, Is.EqualTo("invalid YAML: unknown escape sequence '\\q' in a double-quoted scalar"));
    }

    [TestCase("a: ", "[", 100_000)]
    [TestCase("a: ", "{", 100_000)]
    [TestCase("a: ", "{a: [", 30_000)]
    [TestCase("", "- ", 100_000)]
    [TestCase("", "? ", 100_000)]
    [TestCase("a: ", "&a [", 30_000)]
    [TestCase("a: ", "!!seq [", 30_000)]
    public void Deep_nesting_is_stopped_at_the_depth_limit(string prefix, string opener, int count)
    {
        var text = prefix + string.Concat(Enumerable.Repeat(opener, count)) + "x\n---\nb: after\n";
        var reader = Read(text);

        Assert.Multiple(() =>
        {
            Assert.That(reader.Findings.Select(f => f.RuleId), Does.Contain("KL1008"));
            Assert.That(reader.Findings.First(f => f.RuleId == "KL1008").Message, Does.Contain("nesting deeper than 200"));
            Assert.That(((YamlMapping)reader.Documents[^1].Root!).GetString("b"), Is.EqualTo("after"));
        });
    }

    [Test]
    public void Deep_block_nesting_is_stopped_at_the_depth_limit()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        var reader = Read(text.ToString());

        Assert.That(Summaries(reader), Is.EqualTo(new[] { "KL1008@201:201" }));
    }

    [Test]
    public void Long_lines_without_structure_are_read()
    {
        var value = new string('x', 1_000_000);
        var reader = Read("a: " + value + "\nb: '" + value + "'\nc: \"" + value + "\"\n");
        var root = (YamlMapping)reader.Documents.Single().Root!;

        Assert.Multiple(() =>
        {
            Assert.That(reader.Findings, Is.Empty);
            Assert.That(root.GetString("a"), Has.Length.EqualTo(1_000_000));
            Assert.That(root.GetString("c"), Has.Length.EqualTo(1_000_000));
        });
    }

    [Test]
    public void Many_unclosed_quotes_and_brackets_do_not_hang_or_throw()
    {
        var text = string.Concat(Enumerable.Repeat("a: \"x\n---\nb: [\n---\nc: {\n---\n'\n---\n", 20_000));
        var reader = Read(text);

        Assert.That(reader.Findings.Select(f => f.RuleId).Distinct(), Is.EqualTo(new[] { "KL1001" }));
    }

    [Test]
    public void Mutated_inputs_never_throw()
    {
        // Deterministic mutations of every hand-written case: truncations, swapped and inserted indicator characters.
        var random = new Random(1234);
        const string Indicators = "-?:,[]{}#&*!|>'\"%@` \t\n\r\\";
        var parsed = 0;
        foreach (var (_, text) in YamlCases.All)
        {
            for (var round = 0; round < 60; round++)
            {
                var chars = new StringBuilder(text);
                var edits = 1 + random.Next(4);
                for (var e = 0; e < edits && chars.Length > 0; e++)
                {
                    var at = random.Next(chars.Length);
                    switch (random.Next(3))
                    {
                        case 0:
                            chars.Remove(at, 1);
                            break;
                        case 1:
                            chars[at] = Indicators[random.Next(Indicators.Length)];
                            break;
                        default:
                            chars.Insert(at, Indicators[random.Next(Indicators.Length)]);
                            break;
                    }
                }

                var cut = random.Next(chars.Length + 1);
                Assert.DoesNotThrow(() => Read(chars.ToString(0, cut)), chars.ToString(0, cut));
                parsed++;
            }
        }

        Assert.That(parsed, Is.GreaterThan(5000));
    }

    [Test]
    public void Random_indicator_soup_never_throws()
    {
        var random = new Random(42);
        const string Alphabet = "-?:,[]{}#&*!|>'\"%@` \t\n\n\n\r\\abc01.~xyz";
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 120);
            for (var k = 0; k < length; k++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            Assert.DoesNotThrow(() => Read(text.ToString()), text.ToString());
        }
    }

    [Test]
    public void Loader_reads_the_corpus_without_syntax_errors_it_did_not_report_before()
    {
        // Guard for the whole pipeline: every corpus file still loads through ManifestLoader.
        var files = InputResolver.Resolve([SharedPaths.Require(SharedPaths.Corpus)], new List<string>());
        var loader = new ManifestLoader();
        var objects = files.Sum(path => loader.Load(path, File.ReadAllBytes(path)).Objects.Count);

        Assert.That(objects, Is.GreaterThan(1000));
    }

    private static YamlStreamReader Read(string text) => YamlStreamReader.Read(new SourceFile("t.yaml", text), LoaderLimits.Default);

    private static string[] Summaries(YamlStreamReader reader) => Manifests.Summaries(reader.Findings);
}
