using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Analyzer.Yaml.Parsing;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Reads a YAML stream into position-carrying trees. The events come from <see cref="YamlParser"/>, a parser written
/// for this loader because general-purpose YAML libraries were too slow for large manifest bundles (they spend most of
/// their time producing objects the tree does not need); this class builds the tree itself so that it can report
/// duplicate keys, bound alias expansion and nesting, and resume after a syntax error at the next document marker so
/// that one broken document never hides the others.
/// </summary>
internal sealed class YamlStreamReader
{
    private readonly SourceFile _file;
    private readonly LoaderLimits _limits;
    private readonly List<ParsedDocument> _documents = [];
    private readonly List<Finding> _findings = [];

    private readonly Func<string, int, int, IYamlEventSource> _parserFactory;

    private YamlStreamReader(SourceFile file, LoaderLimits limits, Func<string, int, int, IYamlEventSource> parserFactory)
    {
        _file = file;
        _limits = limits;
        _parserFactory = parserFactory;
    }

    /// <summary>Where the first template placeholder ('{{x}}' read as nested flow mappings) was seen, if any.</summary>
    public SourcePosition? TemplateMarker { get; private set; }

    public static YamlStreamReader Read(SourceFile file, LoaderLimits limits)
        => Read(file, limits, static (text, offset, line) => new YamlParser(text, offset, line));

    /// <summary>Reads with another event source, which gets the text, the offset to start at and that offset's line.</summary>
    internal static YamlStreamReader Read(SourceFile file, LoaderLimits limits, Func<string, int, int, IYamlEventSource> parserFactory)
    {
        var reader = new YamlStreamReader(file, limits, parserFactory);
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
        var line = 1;
        var documentIndex = 0;
        while (true)
        {
            var failure = ReadFrom(offset, line, ref documentIndex);
            if (failure is null)
            {
                return;
            }

            // Resume at the next document marker after the failure; "---" at the start of a line always ends a
            // document in YAML, even inside block scalars, so this is where the next intact document begins.
            var resume = NextDocumentMarker(text, failure.Value);
            if (resume < 0)
            {
                return;
            }

            line += CountNewlines(text, offset, resume);
            offset = resume;
            documentIndex++;
        }
    }

    /// <summary>Parses from <paramref name="offset"/> (the start of line <paramref name="line"/>); returns null at the end, or the offset of a fatal error.</summary>
    private int? ReadFrom(int offset, int line, ref int documentIndex)
    {
        var parser = _parserFactory(_file.Text, offset, line);
        var builder = new TreeBuilder(this, _file.Text);
        var documentStartIndex = offset;
        try
        {
            while (parser.Next(out var evt))
            {
                switch (evt.Kind)
                {
                    case EventKind.DocumentStart:
                        documentStartIndex = evt.Start.Index;
                        builder.Reset();
                        break;
                    case EventKind.DocumentEnd:
                        _documents.Add(new ParsedDocument(_file, documentIndex, builder.Root));
                        documentIndex++;
                        break;
                    case EventKind.StreamStart or EventKind.StreamEnd:
                        break;
                    default:
                        if (!builder.Accept(in evt))
                        {
                            return evt.Start.Index;
                        }

                        break;
                }
            }

            return null;
        }
        catch (YamlSyntaxException ex)
        {
            HadSyntaxError = true;
            ReportSyntaxError(offset, line, documentStartIndex, ex);
            return Math.Max(ex.Start.Index, documentStartIndex);
        }
    }

    private void ReportSyntaxError(int offset, int line, int documentStart, YamlSyntaxException ex)
    {
        // Errors about tabs may point at the enclosing construct rather than the tab; then the whole document is searched.
        var text = _file.Text;
        var searchEnd = ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0
            ? NextDocumentMarkerOrEnd(text, ex.Start.Index)
            : ex.Start.Index;
        var tab = FindIndentationTab(text, documentStart, searchEnd);
        if (tab is { } tabIndex)
        {
            var (tabLine, column) = LineAndColumn(text, offset, tabIndex);
            Report(InputRules.TabIndentation, SourceSpan.At(tabLine + line - 1, column), "tab character used for indentation; YAML allows only spaces");
            return;
        }

        Report(InputRules.YamlSyntaxError, SourceSpan.At(ex.Start.Line, ex.Start.Column), "invalid YAML: " + ex.Message);
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

    private static (int Line, int Column) LineAndColumn(string text, int from, int index)
    {
        var line = 1;
        var lineStart = from;
        for (var i = from; i < index; i++)
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

    private void Report(RuleDescriptor rule, SourceSpan span, string message)
        => _findings.Add(new Finding(rule, rule.DefaultSeverity, message, new SourceLocation(_file.Path, span), null));

    /// <summary>Turns parser events into nodes with an explicit stack, so no input can exhaust the call stack.</summary>
    private sealed class TreeBuilder
    {
        private readonly YamlStreamReader _owner;
        private readonly string _text;
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, (YamlNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);
        private long _weight;

        public TreeBuilder(YamlStreamReader owner, string text)
        {
            _owner = owner;
            _text = text;
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
        public bool Accept(in ParseEvent evt)
        {
            if (Failed)
            {
                return true;
            }

            switch (evt.Kind)
            {
                case EventKind.Scalar:
                    return Add(
                        new YamlScalar(evt.Value!, evt.Style == ScalarStyle.Plain, Span(evt), evt.Tag),
                        weight: 1,
                        expansion: 1,
                        evt.Anchor);
                case EventKind.SequenceStart:
                    return Push(new Frame(evt, isMapping: false));
                case EventKind.MappingStart:
                    return Push(new Frame(evt, isMapping: true));
                case EventKind.SequenceEnd or EventKind.MappingEnd:
                    return Pop(evt.End);
                case EventKind.Alias:
                    if (!_anchors.TryGetValue(evt.Value!, out var target))
                    {
                        return Fail(InputRules.YamlSyntaxError, evt.Start, $"unknown alias '*{evt.Value}'");
                    }

                    return Add(target.Node, target.Weight, expansion: target.Weight, anchor: null);
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

        private bool Pop(Mark end)
        {
            var frame = _stack.Pop();
            var span = new SourceSpan(Position(frame.Start), Position(end));
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
        private bool Add(YamlNode node, long weight, long expansion, string? anchor)
        {
            _weight += expansion;
            if (_weight > _owner._limits.MaxExpandedNodes)
            {
                return Fail(
                    InputRules.InputLimitExceeded,
                    node.Start,
                    $"document expands to more than {_owner._limits.MaxExpandedNodes:N0} nodes (aliases count as copies); possible alias bomb");
            }

            if (anchor is not null)
            {
                _anchors[anchor] = (node, weight);
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
                if (key is YamlMapping && parent.StartsWithDoubleBrace(_text))
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

            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in merged)
            {
                present.Add(entry.KeyText);
            }

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

        private static SourcePosition Position(Mark mark) => new(mark.Line, mark.Column);

        private static SourceSpan Span(in ParseEvent evt) => new(Position(evt.Start), Position(evt.End));
    }

    private sealed class Frame
    {
        private HashSet<string>? _keys;

        public Frame(in ParseEvent start, bool isMapping)
        {
            Start = start.Start;
            Anchor = start.Anchor;
            Tag = start.Tag;
            IsMapping = isMapping;
        }

        public Mark Start { get; }

        public string? Anchor { get; }

        public string? Tag { get; }

        public bool IsMapping { get; }

        public long Weight { get; set; }

        public YamlNode? PendingKey { get; set; }

        public bool HasMergeKey { get; set; }

        public List<YamlEntry> Entries { get; } = [];

        public List<YamlNode> Items { get; } = [];

        public bool StartsWithDoubleBrace(string text)
        {
            var i = Start.Index;
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
                _keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var existing in Entries)
                {
                    _keys.Add(existing.KeyText);
                }
            }
            else
            {
                _keys?.Add(entry.KeyText);
            }
        }
    }
}
