namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>
/// Turns tokens into events with the grammar of the YAML specification, as an explicit state machine (a stack of
/// states, never recursion), so nesting depth costs heap, not call stack. Event positions follow libyaml/YamlDotNet:
/// a node starts at its first property (anchor or tag) and a block collection ends where the next token starts.
/// </summary>
internal sealed class YamlParser : IYamlEventSource
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private readonly YamlScanner _scanner;
    private readonly Dictionary<string, string> _tagDirectives = new(StringComparer.Ordinal);
    private ParserState[] _states = new ParserState[32];
    private int _stateCount;
    private ParserState _state;
    private EventKind _lastEvent;

    public YamlParser(string text, int start, int end, int line, int column)
    {
        _scanner = new YamlScanner(text, start, end, line, column);
    }

    /// <summary>Produces the next event; false after the end of the stream.</summary>
    public bool Next(out ParseEvent evt)
    {
        evt = default;
        if (_state == ParserState.StreamEnd)
        {
            return false;
        }

        switch (_state)
        {
            case ParserState.StreamStart:
                ParseStreamStart(ref evt);
                break;
            case ParserState.ImplicitDocumentStart:
                ParseDocumentStart(ref evt, implicitAllowed: true);
                break;
            case ParserState.DocumentStart:
                ParseDocumentStart(ref evt, implicitAllowed: false);
                break;
            case ParserState.DocumentContent:
                ParseDocumentContent(ref evt);
                break;
            case ParserState.DocumentEnd:
                ParseDocumentEnd(ref evt);
                break;
            case ParserState.BlockNode:
                ParseNode(ref evt, block: true, indentlessSequence: false);
                break;
            case ParserState.BlockSequenceFirstEntry:
                Skip();
                ParseBlockSequenceEntry(ref evt);
                break;
            case ParserState.BlockSequenceEntry:
                ParseBlockSequenceEntry(ref evt);
                break;
            case ParserState.IndentlessSequenceEntry:
                ParseIndentlessSequenceEntry(ref evt);
                break;
            case ParserState.BlockMappingFirstKey:
                Skip();
                ParseBlockMappingKey(ref evt);
                break;
            case ParserState.BlockMappingKey:
                ParseBlockMappingKey(ref evt);
                break;
            case ParserState.BlockMappingValue:
                ParseBlockMappingValue(ref evt);
                break;
            case ParserState.FlowSequenceFirstEntry:
                Skip();
                ParseFlowSequenceEntry(ref evt, first: true);
                break;
            case ParserState.FlowSequenceEntry:
                ParseFlowSequenceEntry(ref evt, first: false);
                break;
            case ParserState.FlowSequenceEntryMappingKey:
                ParseFlowSequenceEntryMappingKey(ref evt);
                break;
            case ParserState.FlowSequenceEntryMappingValue:
                ParseFlowSequenceEntryMappingValue(ref evt);
                break;
            case ParserState.FlowSequenceEntryMappingEnd:
                _state = ParserState.FlowSequenceEntry;
                Set(ref evt, EventKind.MappingEnd, Peek().Start, Peek().End);
                break;
            case ParserState.FlowMappingFirstKey:
                Skip();
                ParseFlowMappingKey(ref evt, first: true);
                break;
            case ParserState.FlowMappingKey:
                ParseFlowMappingKey(ref evt, first: false);
                break;
            case ParserState.FlowMappingValue:
                ParseFlowMappingValue(ref evt, empty: false);
                break;
            case ParserState.FlowMappingEmptyValue:
                ParseFlowMappingValue(ref evt, empty: true);
                break;
        }

        _lastEvent = evt.Kind;
        return true;
    }

    private static void Set(ref ParseEvent evt, EventKind kind, Mark start, Mark end)
    {
        evt.Kind = kind;
        evt.Start = start;
        evt.End = end;
    }

    private static void Empty(ref ParseEvent evt, Mark mark)
    {
        Set(ref evt, EventKind.Scalar, mark, mark);
        evt.Value = string.Empty;
        evt.Style = ScalarStyle.Plain;
    }

    private ref readonly Token Peek()
    {
        ref readonly var token = ref _scanner.Peek();
        if (token.Kind == TokenKind.Error)
        {
            throw new YamlSyntaxException(token.Start, token.Value!);
        }

        return ref token;
    }

    private TokenKind PeekKind() => Peek().Kind;

    private void Skip() => _scanner.Skip();

    private void Push(ParserState state)
    {
        if (_stateCount == _states.Length)
        {
            Array.Resize(ref _states, _states.Length * 2);
        }

        _states[_stateCount++] = state;
    }

    private ParserState Pop() => _states[--_stateCount];

    private static YamlSyntaxException Error(in Token token, string message) => new(token.Start, message);

    private void ParseStreamStart(ref ParseEvent evt)
    {
        ref readonly var token = ref Peek();
        Set(ref evt, EventKind.StreamStart, token.Start, token.End);
        Skip();
        _state = ParserState.ImplicitDocumentStart;
    }

    private void ParseDocumentStart(ref ParseEvent evt, bool implicitAllowed)
    {
        // Extra '...' markers are skipped, also before the first document (YAML 1.2, 9.2: a stream may start with
        // document suffixes); YamlDotNet fails there with "The scanner should contain no more tokens".
        while (PeekKind() == TokenKind.DocumentEnd)
        {
            Skip();
        }

        var kind = PeekKind();
        if (kind == TokenKind.Scalar)
        {
            implicitAllowed = true;
        }

        if ((implicitAllowed && kind is not (TokenKind.VersionDirective or TokenKind.TagDirective or TokenKind.DocumentStart or TokenKind.StreamEnd or TokenKind.DocumentEnd))
            || kind == TokenKind.BlockMappingStart)
        {
            ResetTagDirectives();
            Push(ParserState.DocumentEnd);
            _state = ParserState.BlockNode;
            ref readonly var token = ref Peek();
            Set(ref evt, EventKind.DocumentStart, token.Start, token.End);
            return;
        }

        if (kind != TokenKind.StreamEnd)
        {
            var start = Peek().Start;
            ProcessDirectives();
            ref readonly var token = ref Peek();
            if (token.Kind != TokenKind.DocumentStart)
            {
                throw Error(token, "expected '---' after the directives");
            }

            Push(ParserState.DocumentEnd);
            _state = ParserState.DocumentContent;
            Set(ref evt, EventKind.DocumentStart, start, token.End);
            Skip();
            return;
        }

        _state = ParserState.StreamEnd;
        ref readonly var end = ref Peek();
        Set(ref evt, EventKind.StreamEnd, end.Start, end.End);
    }

    private void ResetTagDirectives()
    {
        _tagDirectives.Clear();
        _tagDirectives["!"] = "!";
        _tagDirectives["!!"] = CoreTagPrefix;
    }

    private void ProcessDirectives()
    {
        ResetTagDirectives();
        var sawVersion = false;
        var own = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            ref readonly var token = ref Peek();
            if (token.Kind == TokenKind.VersionDirective)
            {
                if (sawVersion)
                {
                    throw Error(token, "duplicate %YAML directive");
                }

                if (token.Handle != "1")
                {
                    throw Error(token, $"unsupported YAML version {token.Handle}.{token.Value}");
                }

                sawVersion = true;
            }
            else if (token.Kind == TokenKind.TagDirective)
            {
                if (!own.Add(token.Handle!))
                {
                    throw Error(token, $"duplicate %TAG directive for handle '{token.Handle}'");
                }

                _tagDirectives[token.Handle!] = token.Value!;
            }
            else
            {
                return;
            }

            Skip();
        }
    }

    private void ParseDocumentContent(ref ParseEvent evt)
    {
        var kind = PeekKind();
        if (kind is TokenKind.VersionDirective or TokenKind.TagDirective or TokenKind.DocumentStart or TokenKind.DocumentEnd or TokenKind.StreamEnd)
        {
            _state = Pop();
            Empty(ref evt, _scanner.CurrentMark);
            return;
        }

        ParseNode(ref evt, block: true, indentlessSequence: false);
    }

    private void ParseDocumentEnd(ref ParseEvent evt)
    {
        // A problem found right after a scalar root, or a stray ']', ends the document first (as in YamlDotNet): the
        // complete root is kept and the problem is reported when the next document is read.
        ref readonly var token = ref _scanner.Peek();
        var keepRoot = (token.Kind == TokenKind.Error && _lastEvent == EventKind.Scalar) || token.Kind == TokenKind.FlowSequenceEnd;
        if (!keepRoot)
        {
            token = ref Peek();
        }

        var start = token.Start;
        var end = start;
        if (token.Kind == TokenKind.DocumentEnd)
        {
            end = token.End;
            Skip();
        }
        else if (!keepRoot && token.Kind is not (TokenKind.StreamEnd or TokenKind.DocumentStart))
        {
            throw Error(token, "expected the end of the document ('---', '...' or the end of the input); is the indentation wrong?");
        }

        _state = ParserState.DocumentStart;
        Set(ref evt, EventKind.DocumentEnd, start, end);
    }

    private void ParseNode(ref ParseEvent evt, bool block, bool indentlessSequence)
    {
        ref readonly var token = ref Peek();
        if (token.Kind == TokenKind.Alias)
        {
            _state = Pop();
            Set(ref evt, EventKind.Alias, token.Start, token.End);
            evt.Value = token.Value;
            Skip();
            return;
        }

        var start = token.Start;
        string? anchor = null;
        var hasAnchor = false;
        var hasTag = false;
        string? tagHandle = null;
        string? tagSuffix = null;
        var tagToken = default(Token);
        while (true)
        {
            token = ref Peek();
            if (!hasAnchor && token.Kind == TokenKind.Anchor)
            {
                hasAnchor = true;
                anchor = token.Value;
                Skip();
            }
            else if (!hasTag && token.Kind == TokenKind.Tag)
            {
                hasTag = true;
                tagHandle = token.Handle;
                tagSuffix = token.Value;
                tagToken = token;
                Skip();
            }
            else if (token.Kind == TokenKind.Alias)
            {
                throw Error(token, "an alias cannot have an anchor or a tag");
            }
            else
            {
                break;
            }
        }

        string? tag = null;
        if (hasTag)
        {
            if (string.IsNullOrEmpty(tagHandle))
            {
                tag = tagSuffix;
            }
            else if (_tagDirectives.TryGetValue(tagHandle!, out var prefix))
            {
                tag = prefix + tagSuffix;
            }
            else
            {
                throw Error(tagToken, $"undefined tag handle '{tagHandle}'; declare it with a %TAG directive");
            }

            if (string.IsNullOrEmpty(tag))
            {
                tag = null;
            }
        }

        if (string.IsNullOrEmpty(anchor))
        {
            anchor = null;
        }

        evt.Anchor = anchor;
        evt.Tag = tag;
        token = ref Peek();
        switch (token.Kind)
        {
            case TokenKind.BlockEntry when indentlessSequence:
                _state = ParserState.IndentlessSequenceEntry;
                Set(ref evt, EventKind.SequenceStart, start, token.End);
                return;
            case TokenKind.Scalar:
                _state = Pop();
                Set(ref evt, EventKind.Scalar, start, token.End);
                evt.Value = token.Value;
                evt.Style = token.Style;
                Skip();
                return;
            case TokenKind.FlowSequenceStart:
                _state = ParserState.FlowSequenceFirstEntry;
                Set(ref evt, EventKind.SequenceStart, start, token.End);
                return;
            case TokenKind.FlowMappingStart:
                _state = ParserState.FlowMappingFirstKey;
                Set(ref evt, EventKind.MappingStart, start, token.End);
                return;
            case TokenKind.BlockSequenceStart when block:
                _state = ParserState.BlockSequenceFirstEntry;
                Set(ref evt, EventKind.SequenceStart, start, token.End);
                return;
            case TokenKind.BlockMappingStart when block:
                _state = ParserState.BlockMappingFirstKey;
                Set(ref evt, EventKind.MappingStart, start, token.End);
                return;
        }

        if (hasAnchor || hasTag)
        {
            _state = Pop();
            Set(ref evt, EventKind.Scalar, start, token.End);
            evt.Value = string.Empty;
            evt.Style = ScalarStyle.Plain;
            return;
        }

        throw Error(token, DescribeUnexpected(token.Kind));
    }

    private static string DescribeUnexpected(TokenKind kind) => kind switch
    {
        TokenKind.Key or TokenKind.Value => "expected a value, found a mapping key or ':'; is the indentation wrong?",
        TokenKind.BlockEntry => "expected a value, found a sequence entry '-'; is the indentation wrong?",
        TokenKind.FlowSequenceEnd or TokenKind.FlowMappingEnd => "expected a value, found an unmatched closing bracket",
        TokenKind.FlowEntry => "expected a value, found ','",
        _ => "expected a value (node content) here",
    };

    private void ParseBlockSequenceEntry(ref ParseEvent evt)
    {
        ref readonly var token = ref Peek();
        if (token.Kind == TokenKind.BlockEntry)
        {
            var mark = token.End;
            Skip();
            var kind = PeekKind();
            if (kind is not (TokenKind.BlockEntry or TokenKind.BlockEnd))
            {
                Push(ParserState.BlockSequenceEntry);
                ParseNode(ref evt, block: true, indentlessSequence: false);
                return;
            }

            _state = ParserState.BlockSequenceEntry;
            Empty(ref evt, mark);
            return;
        }

        if (token.Kind == TokenKind.BlockEnd)
        {
            _state = Pop();
            Set(ref evt, EventKind.SequenceEnd, token.Start, token.End);
            Skip();
            return;
        }

        throw Error(token, "expected a sequence entry '-' at this indentation; is the indentation wrong?");
    }

    private void ParseIndentlessSequenceEntry(ref ParseEvent evt)
    {
        ref readonly var token = ref Peek();
        if (token.Kind == TokenKind.BlockEntry)
        {
            var mark = token.End;
            Skip();
            var kind = PeekKind();
            if (kind is not (TokenKind.BlockEntry or TokenKind.Key or TokenKind.Value or TokenKind.BlockEnd))
            {
                Push(ParserState.IndentlessSequenceEntry);
                ParseNode(ref evt, block: true, indentlessSequence: false);
                return;
            }

            _state = ParserState.IndentlessSequenceEntry;
            Empty(ref evt, mark);
            return;
        }

        _state = Pop();
        Set(ref evt, EventKind.SequenceEnd, token.Start, token.End);
    }

    private void ParseBlockMappingKey(ref ParseEvent evt)
    {
        ref readonly var token = ref Peek();
        switch (token.Kind)
        {
            case TokenKind.Key:
            {
                var mark = token.End;
                Skip();
                var kind = PeekKind();
                if (kind is not (TokenKind.Key or TokenKind.Value or TokenKind.BlockEnd))
                {
                    Push(ParserState.BlockMappingValue);
                    ParseNode(ref evt, block: true, indentlessSequence: true);
                    return;
                }

                _state = ParserState.BlockMappingValue;
                Empty(ref evt, mark);
                return;
            }

            case TokenKind.Value:
                // A ':' without a key: the key is empty (a null key), placed just after the ':' as YamlDotNet does.
                _state = ParserState.BlockMappingValue;
                Empty(ref evt, token.End);
                return;
            case TokenKind.BlockEnd:
                _state = Pop();
                Set(ref evt, EventKind.MappingEnd, token.Start, token.End);
                Skip();
                return;
            default:
                throw Error(token, "expected a mapping key at this indentation; is the indentation wrong or a ':' missing?");
        }
    }

    private void ParseBlockMappingValue(ref ParseEvent evt)
    {
        ref readonly var token = ref Peek();
        if (token.Kind == TokenKind.Value)
        {
            var mark = token.End;
            Skip();
            var kind = PeekKind();
            if (kind is not (TokenKind.Key or TokenKind.Value or TokenKind.BlockEnd))
            {
                Push(ParserState.BlockMappingKey);
                ParseNode(ref evt, block: true, indentlessSequence: true);
                return;
            }

            _state = ParserState.BlockMappingKey;
            Empty(ref evt, mark);
            return;
        }

        _state = ParserState.BlockMappingKey;
        Empty(ref evt, token.Start);
    }

    private void ParseFlowSequenceEntry(ref ParseEvent evt, bool first)
    {
        ref readonly var token = ref Peek();
        if (token.Kind != TokenKind.FlowSequenceEnd)
        {
            if (!first)
            {
                if (token.Kind != TokenKind.FlowEntry)
                {
                    throw Error(token, "expected ',' or ']' in a flow sequence");
                }

                Skip();
                token = ref Peek();
            }

            if (token.Kind == TokenKind.Key)
            {
                _state = ParserState.FlowSequenceEntryMappingKey;
                Set(ref evt, EventKind.MappingStart, token.Start, token.End);
                Skip();
                return;
            }

            if (token.Kind != TokenKind.FlowSequenceEnd)
            {
                Push(ParserState.FlowSequenceEntry);
                ParseNode(ref evt, block: false, indentlessSequence: false);
                return;
            }
        }

        _state = Pop();
        Set(ref evt, EventKind.SequenceEnd, token.Start, token.End);
        Skip();
    }

    private void ParseFlowSequenceEntryMappingKey(ref ParseEvent evt)
    {
        ref readonly var token = ref Peek();
        if (token.Kind is not (TokenKind.Value or TokenKind.FlowEntry or TokenKind.FlowSequenceEnd))
        {
            Push(ParserState.FlowSequenceEntryMappingValue);
            ParseNode(ref evt, block: false, indentlessSequence: false);
            return;
        }

        var mark = token.End;
        Skip();
        _state = ParserState.FlowSequenceEntryMappingValue;
        Empty(ref evt, mark);
    }

    private void ParseFlowSequenceEntryMappingValue(ref ParseEvent evt)
    {
        ref readonly var token = ref Peek();
        if (token.Kind == TokenKind.Value)
        {
            Skip();
            token = ref Peek();
            if (token.Kind is not (TokenKind.FlowEntry or TokenKind.FlowSequenceEnd))
            {
                Push(ParserState.FlowSequenceEntryMappingEnd);
                ParseNode(ref evt, block: false, indentlessSequence: false);
                return;
            }
        }

        _state = ParserState.FlowSequenceEntryMappingEnd;
        Empty(ref evt, token.Start);
    }

    private void ParseFlowMappingKey(ref ParseEvent evt, bool first)
    {
        ref readonly var token = ref Peek();
        if (token.Kind != TokenKind.FlowMappingEnd)
        {
            if (!first)
            {
                if (token.Kind != TokenKind.FlowEntry)
                {
                    throw Error(token, "expected ',' or '}' in a flow mapping");
                }

                Skip();
                token = ref Peek();
            }

            if (token.Kind == TokenKind.Key)
            {
                Skip();
                token = ref Peek();
                if (token.Kind is not (TokenKind.Value or TokenKind.FlowEntry or TokenKind.FlowMappingEnd))
                {
                    Push(ParserState.FlowMappingValue);
                    ParseNode(ref evt, block: false, indentlessSequence: false);
                    return;
                }

                _state = ParserState.FlowMappingValue;
                Empty(ref evt, token.Start);
                return;
            }

            if (token.Kind == TokenKind.Scalar)
            {
                Push(ParserState.FlowMappingValue);
                ParseNode(ref evt, block: false, indentlessSequence: false);
                return;
            }

            if (token.Kind != TokenKind.FlowMappingEnd)
            {
                Push(ParserState.FlowMappingEmptyValue);
                ParseNode(ref evt, block: false, indentlessSequence: false);
                return;
            }
        }

        _state = Pop();
        Set(ref evt, EventKind.MappingEnd, token.Start, token.End);
        Skip();
    }

    private void ParseFlowMappingValue(ref ParseEvent evt, bool empty)
    {
        ref readonly var token = ref Peek();
        if (empty)
        {
            _state = ParserState.FlowMappingKey;
            Empty(ref evt, token.Start);
            return;
        }

        if (token.Kind == TokenKind.Value)
        {
            Skip();
            token = ref Peek();
            if (token.Kind is not (TokenKind.FlowEntry or TokenKind.FlowMappingEnd))
            {
                Push(ParserState.FlowMappingKey);
                ParseNode(ref evt, block: false, indentlessSequence: false);
                return;
            }
        }

        _state = ParserState.FlowMappingKey;
        Empty(ref evt, token.Start);
    }
}
