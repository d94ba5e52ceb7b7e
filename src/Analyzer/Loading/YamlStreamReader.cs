using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Analyzer.Yaml.Parsing;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Reads a YAML stream into position-carrying trees. The stream is first split into documents the way kubectl does
/// (<see cref="StreamSplitter"/>), then each document is parsed on its own, so a syntax error is confined to its
/// document. The events come from <see cref="YamlParser"/>, a parser written for this loader because
/// general-purpose YAML libraries were too slow for large manifest bundles (they spend most of their time producing
/// objects the tree does not need); this class builds the tree itself so that it can report duplicate keys, bound
/// alias expansion and nesting, and keep every position inside its document.
/// </summary>
internal sealed class YamlStreamReader
{
    private readonly SourceFile _file;
    private readonly LoaderLimits _limits;
    private readonly List<ParsedDocument> _documents = [];
    private readonly List<Finding> _findings = [];

    private readonly Func<string, StreamChunk, IYamlEventSource> _parserFactory;

    private YamlStreamReader(SourceFile file, LoaderLimits limits, Func<string, StreamChunk, IYamlEventSource> parserFactory)
    {
        _file = file;
        _limits = limits;
        _parserFactory = parserFactory;
    }

    /// <summary>Where the first template placeholder ('{{x}}' read as nested flow mappings) was seen, if any.</summary>
    public SourcePosition? TemplateMarker { get; private set; }

    private static readonly Func<string, StreamChunk, IYamlEventSource> OwnParser
        = static (text, chunk) => new YamlParser(text, chunk.Start, chunk.End, chunk.Line, chunk.Column);

    public static YamlStreamReader Read(SourceFile file, LoaderLimits limits) => Read(file, limits, OwnParser);

    /// <summary>Reads with another event source, which gets the text and the document's range in it.</summary>
    internal static YamlStreamReader Read(SourceFile file, LoaderLimits limits, Func<string, StreamChunk, IYamlEventSource> parserFactory)
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
        var split = StreamSplitter.Split(_file.Text);
        foreach (var problem in split.Problems)
        {
            HadSyntaxError = true;
            Report(
                InputRules.YamlSyntaxError,
                new SourceSpan(problem.Position, problem.Position),
                $"invalid Yaml document separator: {problem.Content} (kubectl accepts only a comment after '---')");
        }

        var documentIndex = 0;
        foreach (var chunk in split.Chunks)
        {
            ReadChunk(chunk, ref documentIndex);
        }
    }

    /// <summary>
    /// Parses a document of a loaded file again, from the part of the stream it was read from: the same text gives
    /// the same tree, with the same positions. Null when the document was not read from a stream part.
    /// </summary>
    public static ParsedDocument? Reread(ParsedDocument document, LoaderLimits limits)
    {
        if (document.Chunk is not { } chunk)
        {
            return null;
        }

        var reader = new YamlStreamReader(document.File, limits, OwnParser);
        var index = document.ChunkFirstIndex;
        reader.ReadChunk(chunk, ref index);
        return reader._documents.Find(d => d.Index == document.Index);
    }

    /// <summary>Parses one document of the stream (or several, separated by '...'); a failure ends only this one.</summary>
    private void ReadChunk(StreamChunk chunk, ref int documentIndex)
    {
        var parser = _parserFactory(_file.Text, chunk);
        var builder = new TreeBuilder(this, _file.Text, chunk.Last);
        var documentStartIndex = chunk.Start;
        var documents = _documents.Count;
        var chunkFirstIndex = documentIndex;
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
                        _documents.Add(new ParsedDocument(_file, documentIndex, builder.Root, chunk, chunkFirstIndex));
                        documentIndex++;
                        break;
                    case EventKind.StreamStart or EventKind.StreamEnd:
                        break;
                    default:
                        if (!builder.Accept(in evt))
                        {
                            documentIndex++;
                            return;
                        }

                        break;
                }
            }

            if (_documents.Count == documents)
            {
                // Only blank lines and comments between two '---': an empty document, as kubectl skips it.
                _documents.Add(new ParsedDocument(_file, documentIndex, null, chunk, chunkFirstIndex));
                documentIndex++;
            }
        }
        catch (YamlSyntaxException ex)
        {
            HadSyntaxError = true;
            ReportSyntaxError(chunk, documentStartIndex, ex);
            documentIndex++;
        }
    }

    private void ReportSyntaxError(StreamChunk chunk, int documentStart, YamlSyntaxException ex)
    {
        // Errors about tabs may point at the enclosing construct rather than the tab; then the whole document is searched.
        var text = _file.Text;
        var searchEnd = ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 ? chunk.End : Math.Min(ex.Start.Index, chunk.End);
        var tab = FindIndentationTab(text, documentStart, searchEnd, chunk.End);
        if (tab is { } tabIndex)
        {
            var (tabLine, column) = LineAndColumn(text, chunk.Start, tabIndex);
            var position = new SourcePosition(tabLine + chunk.Line - 1, tabLine == 1 ? column + chunk.Column - 1 : column);
            Report(InputRules.TabIndentation, new SourceSpan(position, position), "tab character used for indentation; YAML allows only spaces");
            return;
        }

        var at = Clamp(new SourcePosition(ex.Start.Line, ex.Start.Column), chunk.Last);
        Report(InputRules.YamlSyntaxError, new SourceSpan(at, at), "invalid YAML: " + ex.Message);
    }

    /// <summary>A position no further than <paramref name="last"/>, the document's last character: the scanner puts the
    /// end of the input at the start of a line after it, which is past the end of the file.</summary>
    private static SourcePosition Clamp(SourcePosition position, SourcePosition last) => position.CompareTo(last) > 0 ? last : position;

    private static int? FindIndentationTab(string text, int from, int to, int end)
    {
        var lineStart = from;
        var limit = Math.Min(end, LineEnd(text, to));
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

    private void Report(RuleDescriptor rule, SourceSpan span, string message)
        => _findings.Add(new Finding(rule, rule.DefaultSeverity, message, new SourceLocation(_file.Path, span), null));

    /// <summary>Turns parser events into nodes with an explicit stack, so no input can exhaust the call stack.</summary>
    private sealed class TreeBuilder
    {
        private readonly YamlStreamReader _owner;
        private readonly string _text;
        private readonly Stack<Frame> _stack = new();

        // Frames of closed collections, reused for the next ones: a frame's lists keep the capacity they grew to, so
        // building a document allocates only the nodes and one exact-size array per collection (the frames and
        // their growing lists were a tenth of what loading allocated).
        private readonly Stack<Frame> _free = new();
        private readonly Dictionary<string, (YamlNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);
        private readonly SourcePosition _last;
        private long _aliasWeight;

        public TreeBuilder(YamlStreamReader owner, string text, SourcePosition last)
        {
            _owner = owner;
            _text = text;
            _last = last;
        }

        public YamlNode? Root { get; private set; }

        public bool Failed { get; private set; }

        public void Reset()
        {
            _stack.Clear();
            _anchors.Clear();
            _aliasWeight = 0;
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
                        evt.Anchor);
                case EventKind.SequenceStart:
                    return Push(Rent(evt, isMapping: false));
                case EventKind.MappingStart:
                    return Push(Rent(evt, isMapping: true));
                case EventKind.SequenceEnd or EventKind.MappingEnd:
                    return Pop(evt.End);
                case EventKind.Alias:
                    if (!_anchors.TryGetValue(evt.Value!, out var target))
                    {
                        return Fail(InputRules.YamlSyntaxError, evt.Start, $"unknown alias '*{evt.Value}'");
                    }

                    // Every use of an alias is a copy for whoever walks the tree; the nodes written out are bounded by
                    // the file size, so only the copies count toward the limit (a large plain document is no bomb).
                    _aliasWeight += target.Weight;
                    if (_aliasWeight > _owner._limits.MaxExpandedNodes)
                    {
                        return Fail(
                            InputRules.InputLimitExceeded,
                            evt.Start,
                            $"aliases expand the document by more than {_owner._limits.MaxExpandedNodes:N0} nodes; possible alias bomb");
                    }

                    return Add(target.Node, target.Weight, anchor: null);
                default:
                    return true;
            }
        }

        private Frame Rent(in ParseEvent start, bool isMapping)
        {
            var frame = _free.Count > 0 ? _free.Pop() : new Frame();
            frame.Open(start, isMapping);
            return frame;
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
            var span = new SourceSpan(Position(frame.Start), EndPosition(end));
            YamlNode node;
            if (frame.IsMapping)
            {
                if (frame.HasMergeKey)
                {
                    ApplyMerge(frame.Entries);
                }

                node = new YamlMapping(frame.Entries.ToArray(), span, frame.Tag);
            }
            else
            {
                node = new YamlSequence(frame.Items.ToArray(), span, frame.Tag);
            }

            var weight = frame.Weight + 1;
            var anchor = frame.Anchor;
            _free.Push(frame);
            return Add(node, weight, anchor);
        }

        /// <summary>Attaches a node to its parent. <paramref name="weight"/> is the node's expanded size (kept for anchors).</summary>
        private bool Add(YamlNode node, long weight, string? anchor)
        {
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

        private SourcePosition Position(Mark mark) => Clamp(new SourcePosition(mark.Line, mark.Column), _last);

        /// <summary>The end of a span is the position after its last character: at most just after the document's last one.</summary>
        private SourcePosition EndPosition(Mark mark) => Clamp(new SourcePosition(mark.Line, mark.Column), new SourcePosition(_last.Line, _last.Column + 1));

        private SourceSpan Span(in ParseEvent evt) => new(Position(evt.Start), EndPosition(evt.End));
    }

    private sealed class Frame
    {
        // Index of each key's entry, built once a mapping grows past a handful of keys: duplicate detection stays
        // linear however many keys repeat.
        private Dictionary<string, int>? _keys;

        /// <summary>Starts the frame of a new collection (a frame is reused once its collection is closed).</summary>
        public void Open(in ParseEvent start, bool isMapping)
        {
            Start = start.Start;
            Anchor = start.Anchor;
            Tag = start.Tag;
            IsMapping = isMapping;
            Weight = 0;
            PendingKey = null;
            HasMergeKey = false;
            Entries.Clear();
            Items.Clear();
            _keys = null;
        }

        public Mark Start { get; private set; }

        public string? Anchor { get; private set; }

        public string? Tag { get; private set; }

        public bool IsMapping { get; private set; }

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
                return _keys.TryGetValue(key, out var index) ? index : -1;
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
                _keys = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < Entries.Count; i++)
                {
                    _keys[Entries[i].KeyText] = i;
                }
            }
            else
            {
                _keys?.Add(entry.KeyText, Entries.Count - 1);
            }
        }
    }
}
