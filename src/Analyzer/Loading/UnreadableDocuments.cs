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

    /// <summary>The lines of a text split into documents at "---" marker lines, the way the stream is divided.</summary>
    private sealed class DocumentLines
    {
        private readonly List<string> _lines;

        // The 1-based line on which each document starts: 1, then the line of each "---" marker.
        private readonly List<int> _starts = [1];

        public DocumentLines(string text)
        {
            _lines = [.. text.Split('\n')];
            for (var i = 0; i < _lines.Count; i++)
            {
                var line = _lines[i];
                if (i > 0 && line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t' or '\r'))
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public int Count => _starts.Count;

        public int DocumentAt(int line)
        {
            var index = _starts.BinarySearch(line);
            return index >= 0 ? index : ~index - 1;
        }

        public int? FirstContentLine(int document)
        {
            var (from, to) = Range(document);
            for (var i = from; i < to; i++)
            {
                var text = _lines[i].Trim();
                if (text.Length > 0 && text[0] != '#' && !text.StartsWith("---", StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }

            return null;
        }

        /// <summary>The document's namespace (null when it has none) and whether that could be told.</summary>
        public (string? Namespace, bool Known) NamespaceOf(int document)
        {
            var (from, to) = Range(document);
            for (var i = from; i < to; i++)
            {
                var line = _lines[i];
                if (!line.StartsWith("metadata:", StringComparison.Ordinal))
                {
                    continue;
                }

                var inline = line.Substring("metadata:".Length).Trim();
                if (inline.Length == 0 || inline[0] == '#')
                {
                    return NamespaceUnder(i + 1, to);
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
        private (string? Namespace, bool Known) NamespaceUnder(int from, int to)
        {
            var indent = -1;
            for (var i = from; i < to; i++)
            {
                var line = _lines[i];
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

        private (int From, int To) Range(int document)
            => (_starts[document] - 1, document + 1 < _starts.Count ? _starts[document + 1] - 1 : _lines.Count);
    }
}
