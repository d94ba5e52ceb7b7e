using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

using KubeLint.Analyzer.Loading;

namespace KubeLint.Analyzer.Tests.Yaml;

/// <summary>
/// The reference tree reader: the loader's former implementation on top of YamlDotNet's parser, kept as the oracle
/// the loader's own parser is compared against (same trees, same spans, same findings).
/// </summary>
internal sealed class YamlDotNetStreamReader
{
    private readonly SourceFile _file;
    private readonly LoaderLimits _limits;
    private readonly List<ParsedDocument> _documents = [];
    private readonly List<Finding> _findings = [];

    private YamlDotNetStreamReader(SourceFile file, LoaderLimits limits)
    {
        _file = file;
        _limits = limits;
    }

    /// <summary>Where the first template placeholder ('{{x}}' read as nested flow mappings) was seen, if any.</summary>
    public SourcePosition? TemplateMarker { get; private set; }

    public static YamlDotNetStreamReader Read(SourceFile file, LoaderLimits limits)
    {
        var reader = new YamlDotNetStreamReader(file, limits);
        reader.ReadAll();
        return reader;
    }

    public IReadOnlyList<ParsedDocument> Documents => _documents;

    public IReadOnlyList<Finding> Findings => _findings;

    public bool HadSyntaxError { get; private set; }

    private void ReadAll()
    {
        var text = _file.Text;
        var offset = 0;
        var lineOffset = 0;
        var documentIndex = 0;
        while (offset < text.Length || (offset == 0 && text.Length == 0))
        {
            var chunk = offset == 0 ? text : text.Substring(offset);
            var failure = ReadChunk(chunk, lineOffset, ref documentIndex);
            if (failure is null)
            {
                return;
            }

            // Resume at the next document marker after the failure; "---" at the start of a line always ends a
            // document in YAML, even inside block scalars, so this is where the next intact document begins.
            var resume = NextDocumentMarker(text, offset + failure.Value);
            if (resume < 0)
            {
                return;
            }

            lineOffset += CountNewlines(text, offset, resume);
            offset = resume;
            documentIndex++;
        }
    }

    /// <summary>Parses one chunk; returns null at its end, or the chunk-relative offset of a fatal error.</summary>
    private int? ReadChunk(string chunk, int lineOffset, ref int documentIndex)
    {
        var parser = new Parser(new Scanner(new StringReader(chunk), skipComments: true));
        var builder = new TreeBuilder(this, lineOffset, chunk);
        var documentStartIndex = 0;
        try
        {
            while (parser.MoveNext())
            {
                var evt = parser.Current!;
                switch (evt)
                {
                    case DocumentStart:
                        documentStartIndex = (int)evt.Start.Index;
                        builder.Reset();
                        break;
                    case DocumentEnd:
                        _documents.Add(new ParsedDocument(_file, documentIndex, builder.Root));
                        documentIndex++;
                        break;
                    case StreamStart or StreamEnd:
                        break;
                    default:
                        if (!builder.Accept(evt))
                        {
                            return (int)evt.Start.Index;
                        }

                        break;
                }
            }

            return null;
        }
        catch (YamlException ex)
        {
            HadSyntaxError = true;
            ReportSyntaxError(chunk, lineOffset, documentStartIndex, ex);
            return (int)Math.Max(ex.Start.Index, documentStartIndex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // YamlDotNet signals a few malformed inputs with general exceptions; they are syntax errors all the same.
            HadSyntaxError = true;
            Report(InputRules.YamlSyntaxError, At(parser.Current?.Start ?? Mark.Empty, lineOffset), "invalid YAML: " + ex.Message);
            return parser.Current is { } current ? (int)current.Start.Index : chunk.Length;
        }
    }

    private void ReportSyntaxError(string chunk, int lineOffset, int documentStart, YamlException ex)
    {
        // Some parser errors about tabs point at the enclosing mapping rather than the tab; then the whole document is searched.
        var searchEnd = ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0
            ? NextDocumentMarkerOrEnd(chunk, (int)ex.Start.Index)
            : (int)ex.Start.Index;
        var tab = FindIndentationTab(chunk, documentStart, searchEnd);
        if (tab is { } tabIndex)
        {
            var (line, column) = LineAndColumn(chunk, tabIndex);
            Report(InputRules.TabIndentation, SourceSpan.At(line + lineOffset, column), "tab character used for indentation; YAML allows only spaces");
            return;
        }

        Report(InputRules.YamlSyntaxError, At(ex.Start, lineOffset), "invalid YAML: " + CleanMessage(ex.Message));
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (...): "; the position is reported separately.</summary>
    private static string CleanMessage(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message.Substring(marker + 3) : message;
        return text.TrimEnd('.').Trim();
    }

    private static int? FindIndentationTab(string text, int from, int to)
    {
        var lineStart = from;
        var limit = Math.Min(text.Length, LineEnd(text, to));
        while (lineStart < limit)
        {
            var i = lineStart;
            while (i < limit && text[i] is ' ' or '\t' or '-')
            {
                if (text[i] == '\t')
                {
                    return i;
                }

                i++;
            }

            var next = text.IndexOf('\n', lineStart);
            if (next < 0)
            {
                break;
            }

            lineStart = next + 1;
        }

        return null;
    }

    private static int LineEnd(string text, int index)
    {
        var end = text.IndexOf('\n', Math.Min(index, text.Length));
        return end < 0 ? text.Length : end;
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static int NextDocumentMarker(string text, int from)
    {
        var i = text.IndexOf('\n', Math.Min(Math.Max(from, 0), text.Length));
        while (i >= 0 && i + 1 < text.Length)
        {
            var start = i + 1;
            if (string.CompareOrdinal(text, start, "---", 0, 3) == 0
                && (start + 3 == text.Length || text[start + 3] is ' ' or '\t' or '\r' or '\n'))
            {
                return start;
            }

            i = text.IndexOf('\n', start);
        }

        return -1;
    }

    private static int NextDocumentMarkerOrEnd(string text, int from)
    {
        var next = NextDocumentMarker(text, from);
        return next < 0 ? text.Length : next;
    }

    private static int CountNewlines(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static SourceSpan At(Mark mark, int lineOffset) => SourceSpan.At((int)mark.Line + lineOffset, (int)mark.Column);

    private void Report(RuleDescriptor rule, SourceSpan span, string message)
        => _findings.Add(new Finding(rule, rule.DefaultSeverity, message, new SourceLocation(_file.Path, span), null));

    /// <summary>Turns parser events into nodes with an explicit stack, so no input can exhaust the call stack.</summary>
    private sealed class TreeBuilder
    {
        private readonly YamlDotNetStreamReader _owner;
        private readonly int _lineOffset;
        private readonly string _chunk;
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, (YamlNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);
        private long _weight;

        public TreeBuilder(YamlDotNetStreamReader owner, int lineOffset, string chunk)
        {
            _owner = owner;
            _lineOffset = lineOffset;
            _chunk = chunk;
        }

        public YamlNode? Root { get; private set; }

        public bool Failed { get; private set; }

        public void Reset()
        {
            _stack.Clear();
            _anchors.Clear();
            _weight = 0;
            Root = null;
            Failed = false;
        }

        /// <summary>Adds an event to the tree; false when a limit was exceeded and the document must be abandoned.</summary>
        public bool Accept(ParsingEvent evt)
        {
            if (Failed)
            {
                return true;
            }

            switch (evt)
            {
                case Scalar scalar:
                    return Add(
                        new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Span(scalar), TagOf(scalar.Tag)),
                        weight: 1,
                        expansion: 1,
                        scalar.Anchor);
                case SequenceStart start:
                    return Push(new Frame(start, isMapping: false));
                case MappingStart start:
                    return Push(new Frame(start, isMapping: true));
                case SequenceEnd or MappingEnd:
                    return Pop(evt);
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        return Fail(InputRules.YamlSyntaxError, evt.Start, $"unknown alias '*{alias.Value.Value}'");
                    }

                    return Add(target.Node, target.Weight, expansion: target.Weight, AnchorName.Empty);
                default:
                    return true;
            }
        }

        private bool Push(Frame frame)
        {
            if (_stack.Count >= _owner._limits.MaxDepth)
            {
                return Fail(InputRules.InputLimitExceeded, frame.Start, $"nesting deeper than {_owner._limits.MaxDepth} levels");
            }

            _stack.Push(frame);
            return true;
        }

        private bool Pop(ParsingEvent end)
        {
            var frame = _stack.Pop();
            var span = new SourceSpan(Position(frame.Start), Position(end.End));
            YamlNode node;
            if (frame.IsMapping)
            {
                if (frame.HasMergeKey)
                {
                    ApplyMerge(frame.Entries);
                }

                node = new YamlMapping(frame.Entries, span, frame.Tag);
            }
            else
            {
                node = new YamlSequence(frame.Items, span, frame.Tag);
            }

            return Add(node, frame.Weight + 1, expansion: 1, frame.Anchor);
        }

        /// <summary>
        /// Attaches a node to its parent. <paramref name="weight"/> is the node's expanded size (kept for anchors);
        /// <paramref name="expansion"/> is what it adds to the document: 1 for a new node, the whole weight for an alias.
        /// </summary>
        private bool Add(YamlNode node, long weight, long expansion, AnchorName anchor)
        {
            _weight += expansion;
            if (_weight > _owner._limits.MaxExpandedNodes)
            {
                return Fail(
                    InputRules.InputLimitExceeded,
                    node.Start,
                    $"document expands to more than {_owner._limits.MaxExpandedNodes:N0} nodes (aliases count as copies); possible alias bomb");
            }

            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, weight);
            }

            if (_stack.Count == 0)
            {
                Root = node;
                return true;
            }

            var parent = _stack.Peek();
            parent.Weight += weight;
            if (!parent.IsMapping)
            {
                parent.Items.Add(node);
                return true;
            }

            if (parent.PendingKey is null)
            {
                parent.PendingKey = node;
                return true;
            }

            var key = parent.PendingKey;
            parent.PendingKey = null;
            return AddEntry(parent, key, node);
        }

        private bool AddEntry(Frame parent, YamlNode key, YamlNode value)
        {
            string keyText;
            if (key is YamlScalar scalarKey)
            {
                keyText = scalarKey.Value;
            }
            else
            {
                if (key is YamlMapping && parent.StartsWithDoubleBrace(_chunk))
                {
                    _owner.TemplateMarker ??= Position(parent.Start);
                }

                _owner.Report(
                    InputRules.YamlSyntaxError,
                    key.Span,
                    $"mapping key is {(key is YamlMapping ? "a mapping" : "a sequence")}; Kubernetes accepts only scalar keys");
                keyText = "<" + key.TypeName + ">";
            }

            if (keyText == "<<" && key is YamlScalar { IsPlain: true })
            {
                parent.HasMergeKey = true;
            }

            var entry = new YamlEntry(key, value, keyText);
            var existing = parent.IndexOf(keyText);
            if (existing >= 0)
            {
                var first = parent.Entries[existing].Key.Start;
                _owner.Report(
                    InputRules.DuplicateKey,
                    key.Span,
                    $"duplicate key \"{keyText}\" (first defined at line {first.Line}, column {first.Column}); the last value wins");
                parent.Entries[existing] = entry;
                return true;
            }

            parent.AddEntry(entry);
            return true;
        }

        /// <summary>YAML 1.1 merge keys ("&lt;&lt;: *base"), which Kubernetes' decoder honours: explicit keys win, then earlier maps.</summary>
        private static void ApplyMerge(List<YamlEntry> entries)
        {
            var merged = new List<YamlEntry>(entries.Count);
            var sources = new List<YamlMapping>();
            foreach (var entry in entries)
            {
                if (entry.KeyText == "<<" && entry.Key is YamlScalar { IsPlain: true })
                {
                    switch (entry.Value)
                    {
                        case YamlMapping map:
                            sources.Add(map);
                            break;
                        case YamlSequence seq:
                            sources.AddRange(seq.Mappings);
                            break;
                    }
                }
                else
                {
                    merged.Add(entry);
                }
            }

            var present = new HashSet<string>(merged.Select(e => e.KeyText), StringComparer.Ordinal);
            foreach (var source in sources)
            {
                foreach (var entry in source.Entries)
                {
                    if (present.Add(entry.KeyText))
                    {
                        merged.Add(entry);
                    }
                }
            }

            entries.Clear();
            entries.AddRange(merged);
        }

        private bool Fail(RuleDescriptor rule, Mark mark, string message) => Fail(rule, Position(mark), message);

        private bool Fail(RuleDescriptor rule, SourcePosition position, string message)
        {
            _owner.Report(rule, new SourceSpan(position, position), message);
            Failed = true;
            return false;
        }

        private SourcePosition Position(Mark mark) => new((int)mark.Line + _lineOffset, (int)mark.Column);

        private SourceSpan Span(ParsingEvent evt) => new(Position(evt.Start), Position(evt.End));

        private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;
    }

    private sealed class Frame
    {
        private HashSet<string>? _keys;

        public Frame(NodeEvent start, bool isMapping)
        {
            Start = start.Start;
            Anchor = start.Anchor;
            Tag = start.Tag.IsEmpty ? null : start.Tag.Value;
            IsMapping = isMapping;
        }

        public Mark Start { get; }

        public AnchorName Anchor { get; }

        public string? Tag { get; }

        public bool IsMapping { get; }

        public long Weight { get; set; }

        public YamlNode? PendingKey { get; set; }

        public bool HasMergeKey { get; set; }

        public List<YamlEntry> Entries { get; } = [];

        public List<YamlNode> Items { get; } = [];

        public bool StartsWithDoubleBrace(string text)
        {
            var i = (int)Start.Index;
            return i + 1 < text.Length && text[i] == '{' && text[i + 1] == '{';
        }

        public int IndexOf(string key)
        {
            if (_keys is not null)
            {
                if (!_keys.Contains(key))
                {
                    return -1;
                }
            }

            for (var i = 0; i < Entries.Count; i++)
            {
                if (Entries[i].KeyText == key)
                {
                    return i;
                }
            }

            return -1;
        }

        public void AddEntry(YamlEntry entry)
        {
            Entries.Add(entry);
            if (_keys is null && Entries.Count > 16)
            {
                _keys = new HashSet<string>(Entries.Select(e => e.KeyText), StringComparer.Ordinal);
            }
            else
            {
                _keys?.Add(entry.KeyText);
            }
        }
    }
}
