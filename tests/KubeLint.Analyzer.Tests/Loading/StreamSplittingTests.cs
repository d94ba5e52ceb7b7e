using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>Streams are split into documents at '---' lines (and JSON values) before parsing, as kubectl does.</summary>
public sealed class StreamSplittingTests
{
    [Test]
    public void A_broken_document_does_not_swallow_the_documents_after_it()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata: [unclosed
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1001@3:20" }));
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "web" }));
            Assert.That(result.Objects[0].Root.Start.ToString(), Is.EqualTo("5:1"));
        });
    }

    [Test]
    public void A_separator_with_content_after_it_is_reported_and_its_document_still_read()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: a}
            --- {apiVersion: v1, kind: Namespace, metadata: {name: b}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1001@4:5" }));
            Assert.That(result.Findings[0].Message, Does.StartWith("invalid Yaml document separator: {apiVersion: v1"));
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [TestCase("---   \n")]
    [TestCase("--- # next\n")]
    [TestCase("---\r\n")]
    public void A_separator_may_carry_blanks_or_a_comment(string separator)
    {
        var result = Manifests.Load("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n" + separator + "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public void A_json_stream_is_one_document_per_value()
    {
        var result = Manifests.Load(
            "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"a\"}}"
            + "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"b\"}}\n"
            + "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Namespace\",\n  \"metadata\": {\"name\": \"c\"}\n}\n",
            "stream.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(result.Objects[1].Root.Start.ToString(), Is.EqualTo("1:69"));
            Assert.That(result.Objects[2].Root.Start.ToString(), Is.EqualTo("2:1"));
        });
    }

    [Test]
    public void A_broken_json_object_does_not_swallow_the_next_one()
    {
        var result = Manifests.Load(
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": [\"unclosed\"\n"
            + "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Namespace\",\n  \"metadata\": {\"name\": \"after\"}\n}\n",
            "stream.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Select(f => f.RuleId), Is.EqualTo(new[] { "KL1001" }));
            Assert.That(result.Findings[0].Location.Span.Start.Line, Is.EqualTo(4));
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "after" }));
        });
    }

    [Test]
    public void A_nested_object_at_the_start_of_a_line_is_not_mistaken_for_a_new_document()
    {
        var result = Manifests.Load("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\":\n{\"name\": \"a\"}, \"data\": {\"k\": \"v\"}}\n", "a.json");
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "a" }));
        });
    }

    [Test]
    public void A_flow_mapping_used_as_a_key_is_still_yaml()
    {
        var result = Manifests.Load("{a: b}: c\n");
        Assert.That(result.Findings.Select(f => f.Message), Has.Some.Contains("mapping key is a mapping"));
    }

    // Item: an unclosed flow collection (or quote) at the end of the file was reported one line past the end.
    [TestCase("apiVersion: v1\nkind: ConfigMap\nmetadata: {a: 1", 3, 15)]
    [TestCase("apiVersion: v1\nkind: ConfigMap\nmetadata: {a: 1\n", 3, 16)]
    [TestCase("apiVersion: v1\nkind: ConfigMap\nmetadata: [a", 3, 12)]
    [TestCase("apiVersion: v1\nkind: ConfigMap\nmetadata: \"a", 3, 11)]
    [TestCase("{\"apiVersion\": \"v1\"", 1, 19)]
    public void An_error_at_the_end_of_the_input_points_at_its_last_character(string text, int line, int column)
    {
        var finding = Manifests.Load(text).Findings.Single();
        Assert.That(finding.Location.Span.Start, Is.EqualTo(new SourcePosition(line, column)));
    }

    [Test]
    public void No_position_of_any_truncated_manifest_is_past_the_end_of_its_text()
    {
        const string manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web}}
            spec:
              selector:
                matchLabels: [app, "web"]
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: app
                      image: 'nginx:1.27'
                      args: |
                        a
            ---
            {"apiVersion": "v1", "kind": "ConfigMap", "data": {"k": "v"}}
            """;
        var text = manifest.Replace("\r\n", "\n", StringComparison.Ordinal);
        var problems = new List<string>();
        for (var cut = 1; cut <= text.Length; cut++)
        {
            var prefix = text.Substring(0, cut);
            var last = LastPosition(prefix);
            var end = new SourcePosition(last.Line, last.Column + 1);
            var result = Manifests.Load(prefix);
            foreach (var finding in result.Findings)
            {
                if (finding.Location.Span.Start.CompareTo(last) > 0 || finding.Location.Span.End.CompareTo(end) > 0)
                {
                    problems.Add($"cut {cut}: {finding}");
                }
            }

            foreach (var node in result.Documents.Where(d => d.Root is not null).SelectMany(d => Nodes(d.Root!)))
            {
                if (node.Span.Start.CompareTo(last) > 0 || node.Span.End.CompareTo(end) > 0)
                {
                    problems.Add($"cut {cut}: node at {node.Span}");
                }
            }
        }

        Assert.That(problems, Is.Empty);
    }

    private static SourcePosition LastPosition(string text)
    {
        var line = 1 + text.Take(text.Length - 1).Count(c => c == '\n');
        var lineStart = text.LastIndexOf('\n', text.Length - 2 < 0 ? 0 : text.Length - 2) + 1;
        return new SourcePosition(line, text.Length - 1 - lineStart + 1);
    }

    private static IEnumerable<YamlNode> Nodes(YamlNode root)
    {
        var stack = new Stack<YamlNode>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case YamlMapping map:
                    foreach (var entry in map.Entries)
                    {
                        stack.Push(entry.Key);
                        stack.Push(entry.Value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }
}
