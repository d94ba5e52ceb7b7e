using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Finds the documents a file's input problems made unreadable and what can still be told about them. A document
/// that did not parse has no tree, so its namespace is read from its text: a <c>namespace:</c> line directly under a
/// top-level <c>metadata:</c> line, with a value that is a valid namespace name. A metadata block without one means
/// the document has no namespace; no metadata, or a placeholder for the namespace, means it is unknown.
/// </summary>
internal static class UnreadableDocuments
{
    // metadata.namespace is a DNS-1123 label (k8s.io/apimachinery/pkg/api/validation ValidateNamespaceName).
    private static readonly Regex NamespaceLine = new(
        @"^namespace:[ \t]*(?:""(?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)""|'(?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)'|(?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?))[ \t]*(?:#.*)?\r?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex FlowNamespace = new(
        @"[{,][ \t]*namespace:[ \t]*[""']?(?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)[""']?[ \t]*(?:[,}]|\r?$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>Input problems after which the document they are in is missing from the objects.</summary>
    public static bool LosesDocument(string ruleId) => ruleId is RuleIds.YamlSyntaxError or RuleIds.TabIndentation
        or RuleIds.UnrenderedTemplate or RuleIds.UnreadableEncoding or RuleIds.InputLimitExceeded;

    /// <summary>
    /// One entry per document of <paramref name="file"/> in which a finding lost the document; a finding inside a
    /// document that was read anyway (a complex key is reported and the document kept) loses nothing.
    /// </summary>
    public static void Collect(SourceFile file, IEnumerable<Finding> findings, IReadOnlyList<ParsedDocument> read, List<UnreadableDocument> into)
    {
        DocumentLines? lines = null;
        var seen = new HashSet<int>();
        foreach (var finding in findings)
        {
            var start = finding.Location.Span.Start;
            if (!LosesDocument(finding.RuleId) || finding.Location.FilePath != file.Path || read.Any(d => Contains(d.Root, start)))
            {
                continue;
            }

            lines ??= new DocumentLines(file.Text);
            if (lines.Count == 0)
            {
                into.Add(UnreadableDocument.At(finding.Location));
                continue;
            }

            var document = lines.DocumentAt(start.Line);
            if (seen.Add(document))
            {
                var (ns, known) = lines.NamespaceOf(document);
                into.Add(new UnreadableDocument(finding.Location, ns, known));
            }
        }
    }

    /// <summary>One entry per non-empty document of a file that was skipped as a whole (an unrendered template).</summary>
    public static void CollectAll(SourceFile file, List<UnreadableDocument> into)
    {
        var lines = new DocumentLines(file.Text);
        for (var document = 0; document < lines.Count; document++)
        {
            if (lines.FirstContentLine(document) is { } line)
            {
                var (ns, known) = lines.NamespaceOf(document);
                into.Add(new UnreadableDocument(new SourceLocation(file.Path, SourceSpan.At(line, 1)), ns, known));
            }
        }
    }

    private static bool Contains(YamlNode? root, SourcePosition position)
        => root is not null && root.Span.Start.CompareTo(position) <= 0 && position.CompareTo(root.Span.End) <= 0;

    /// <summary>The lines of each document of a text, divided as <see cref="StreamSplitter"/> divides the stream for parsing.</summary>
    private sealed class DocumentLines
    {
        private readonly string _text;
        private readonly IReadOnlyList<StreamChunk> _chunks;
        private readonly List<int> _starts;

        public DocumentLines(string text)
        {
            _text = text;
            _chunks = StreamSplitter.Split(text).Chunks;
            _starts = _chunks.Select(c => c.Line).ToList();
        }

        public int Count => _chunks.Count;

        public int DocumentAt(int line)
        {
            var index = _starts.BinarySearch(line);
            return Math.Max(0, index >= 0 ? index : ~index - 1);
        }

        public int? FirstContentLine(int document)
        {
            var lines = Lines(document);
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Trim();
                if (text.Length > 0 && text[0] != '#' && !text.StartsWith("---", StringComparison.Ordinal))
                {
                    return _chunks[document].Line + i;
                }
            }

            return null;
        }

        /// <summary>The document's namespace (null when it has none) and whether that could be told.</summary>
        public (string? Namespace, bool Known) NamespaceOf(int document)
        {
            var lines = Lines(document);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (!line.StartsWith("metadata:", StringComparison.Ordinal))
                {
                    continue;
                }

                var inline = line.Substring("metadata:".Length).Trim();
                if (inline.Length == 0 || inline[0] == '#')
                {
                    return NamespaceUnder(lines, i + 1);
                }

                // Flow style: "metadata: { name: web, namespace: shop }".
                var flow = FlowNamespace.Match(line);
                if (flow.Success)
                {
                    return (flow.Groups["ns"].Value, true);
                }

                var complete = inline.IndexOf("namespace", StringComparison.Ordinal) < 0 && inline.EndsWith("}", StringComparison.Ordinal);
                return (null, complete);
            }

            return (null, false);
        }

        /// <summary>The namespace among the direct children of the block mapping whose lines start at <paramref name="from"/>.</summary>
        private static (string? Namespace, bool Known) NamespaceUnder(string[] lines, int from)
        {
            var indent = -1;
            for (var i = from; i < lines.Length; i++)
            {
                var line = lines[i];
                var content = line.TrimStart(' ');
                if (content.Trim().Length == 0 || content[0] == '#')
                {
                    continue;
                }

                var depth = line.Length - content.Length;
                if (depth == 0)
                {
                    break;
                }

                indent = indent < 0 ? depth : indent;
                if (depth == indent && content.StartsWith("namespace:", StringComparison.Ordinal))
                {
                    // A value that is no namespace name is a placeholder: the namespace is decided elsewhere.
                    return NamespaceLine.Match(content) is { Success: true } match ? (match.Groups["ns"].Value, true) : (null, false);
                }
            }

            return (null, indent >= 0);
        }

        private string[] Lines(int document)
        {
            var chunk = _chunks[document];
            return _text.Substring(chunk.Start, chunk.End - chunk.Start).Split('\n');
        }
    }
}
