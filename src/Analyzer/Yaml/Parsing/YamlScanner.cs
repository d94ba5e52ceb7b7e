using System.Text;

namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>
/// Turns YAML text into tokens, following the token model of libyaml (and of YamlDotNet, whose positions the loader
/// keeps): simple keys are remembered per flow level and a KEY (and BLOCK-MAPPING-START) token is inserted when their
/// ':' arrives. It reads a string by index, builds strings only for scalar values and uses no recursion.
/// </summary>
internal sealed class YamlScanner
{
    private const int MaxSimpleKeyLength = 1024;
    private const int MaxVersionNumberLength = 9;

    /// <summary>ASCII characters that may end a run of a plain scalar (blanks, breaks, NUL, ':' and flow indicators).</summary>
    private static readonly bool[] PlainSpecial = BuildPlainSpecial();

    private readonly string _text;
    private readonly int _length;
    private readonly StringBuilder _value = new();
    private readonly StringBuilder _breaks = new();
    private readonly StringCache _strings = new();

    private int _pos;
    private int _line;
    private int _lineStart;

    private Token[] _queue = new Token[32];
    private int _head;
    private int _count;
    private int _tokensParsed;
    private bool _tokenAvailable;
    private bool _streamStartProduced;
    private bool _streamEndProduced;

    private int _indent = -1;
    private int[] _indents = new int[16];
    private int _indentCount;
    private SimpleKey[] _simpleKeys = new SimpleKey[16];
    private int _simpleKeyCount;
    private int _flowLevel;
    private bool _simpleKeyAllowed;

    // Flags YamlDotNet keeps to accept JSON-like "key":value in flow collections and to reject a few malformed inputs.
    private bool _plainScalarFollowedByComment;
    private bool _flowCollectionFetched;
    private bool _startFlowCollectionFetched;
    private bool _flowScalarFetched;

    private TokenKind _previous;
    private bool _hasPreviousAnchor;
    private Mark _previousAnchorStart;
    private Mark _previousAnchorEnd;

    /// <summary>Scans [<paramref name="start"/>, <paramref name="end"/>), which begins at the given line and column.</summary>
    public YamlScanner(string text, int start, int end, int line, int column)
    {
        _text = text;
        _length = end;
        _pos = start;
        _line = line;
        _lineStart = start - (column - 1);

        // A byte order mark may open the stream; it is not content and does not count as a column.
        if (_pos < _length && _text[_pos] == '\uFEFF')
        {
            _pos++;
            _lineStart = _pos;
        }
    }

    public Mark CurrentMark => Here();

    /// <summary>The next token, scanning ahead as far as pending simple keys require.</summary>
    public ref readonly Token Peek()
    {
        if (!_tokenAvailable)
        {
            FetchMoreTokens();
        }

        return ref _queue[_head];
    }

    public void Skip()
    {
        _previous = _queue[_head].Kind;
        _queue[_head] = default;
        _head++;
        _count--;
        if (_count == 0)
        {
            _head = 0;
        }

        _tokensParsed++;
        _tokenAvailable = false;
    }

    private char At(int index) => (uint)index < (uint)_length ? _text[index] : '\0';

    private char Current => (uint)_pos < (uint)_length ? _text[_pos] : '\0';

    private int Column => _pos - _lineStart;

    private Mark Here() => new(_pos, _line, _pos - _lineStart + 1);

    private bool EndOfInput => _pos >= _length;

    private static bool IsBreak(char c) => c is '\n' or '\r' or '\x85' or '\u2028' or '\u2029';

    private static bool IsWhite(char c) => c is ' ' or '\t';

    private static bool IsBreakOrZero(char c) => c is '\n' or '\r' or '\0' or '\x85' or '\u2028' or '\u2029';

    private static bool IsWhiteBreakOrZero(char c) => c is ' ' or '\t' or '\n' or '\r' or '\0' or '\x85' or '\u2028' or '\u2029';

    private static bool IsAlphaNumeric(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or '-';

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : c <= 'F' ? c - 'A' + 10 : c - 'a' + 10;

    private bool IsDocumentStart() => _pos - _lineStart == 0 && _pos + 2 < _length
        && _text[_pos] == '-' && _text[_pos + 1] == '-' && _text[_pos + 2] == '-' && IsWhiteBreakOrZero(At(_pos + 3));

    private bool IsDocumentEnd() => _pos - _lineStart == 0 && _pos + 2 < _length
        && _text[_pos] == '.' && _text[_pos + 1] == '.' && _text[_pos + 2] == '.' && IsWhiteBreakOrZero(At(_pos + 3));

    private void SkipLine()
    {
        var c = Current;
        if (c == '\r' && At(_pos + 1) == '\n')
        {
            _pos += 2;
        }
        else if (IsBreak(c))
        {
            _pos++;
        }
        else
        {
            return;
        }

        _line++;
        _lineStart = _pos;
    }

    /// <summary>Consumes a line break and returns it as the scalar content it stands for (CR, LF, CRLF and NEL are '\n').</summary>
    private char ReadLine()
    {
        var c = Current;
        SkipLine();
        return c is '\u2028' or '\u2029' ? c : '\n';
    }

    private void Enqueue(in Token token)
    {
        if (_head + _count == _queue.Length)
        {
            Grow();
        }

        _queue[_head + _count] = token;
        _count++;
    }

    private void Insert(int offset, in Token token)
    {
        if (_head + _count == _queue.Length)
        {
            Grow();
        }

        var at = _head + offset;
        Array.Copy(_queue, at, _queue, at + 1, _count - offset);
        _queue[at] = token;
        _count++;
    }

    private void Grow()
    {
        if (_head > 0)
        {
            Array.Copy(_queue, _head, _queue, 0, _count);
            Array.Clear(_queue, _count, _head);
            _head = 0;
            if (_count < _queue.Length)
            {
                return;
            }
        }

        Array.Resize(ref _queue, _queue.Length * 2);
    }

    private void EnqueueError(Mark mark, string message) => Enqueue(new Token(TokenKind.Error, mark, mark, message));

    private void FetchMoreTokens()
    {
        while (true)
        {
            var needMore = _count == 0;
            if (!needMore)
            {
                for (var i = 0; i < _simpleKeyCount; i++)
                {
                    ref var key = ref _simpleKeys[i];
                    if (key.IsPossible && key.TokenNumber == _tokensParsed)
                    {
                        needMore = true;
                        break;
                    }
                }
            }

            if (!needMore || _streamEndProduced)
            {
                break;
            }

            FetchNextToken();
        }

        _tokenAvailable = true;
    }

    private void StaleSimpleKeys()
    {
        for (var i = 0; i < _simpleKeyCount; i++)
        {
            ref var key = ref _simpleKeys[i];
            if (key.IsPossible && (key.Mark.Line < _line || key.Mark.Index + MaxSimpleKeyLength < _pos))
            {
                if (key.IsRequired)
                {
                    EnqueueError(Here(), "could not find the expected ':' after a key");
                }

                key.IsPossible = false;
            }
        }
    }

    private void FetchNextToken()
    {
        if (!_streamStartProduced)
        {
            PushSimpleKey();
            _simpleKeyAllowed = true;
            _streamStartProduced = true;
            var mark = Here();
            Enqueue(new Token(TokenKind.StreamStart, mark, mark));
            return;
        }

        ScanToNextToken();
        StaleSimpleKeys();
        UnrollIndent(Column);

        if (EndOfInput)
        {
            FetchStreamEnd();

            // The reference parsers step past the end once more; empty documents at the very end are placed there.
            _pos++;
            return;
        }

        var c = _text[_pos];
        var column = Column;
        if (column == 0)
        {
            if (c == '%')
            {
                FetchDirective();
                return;
            }

            if (IsDocumentStart())
            {
                _plainScalarFollowedByComment = false;
                FetchDocumentIndicator(TokenKind.DocumentStart);
                return;
            }

            if (IsDocumentEnd())
            {
                _plainScalarFollowedByComment = false;
                FetchDocumentIndicator(TokenKind.DocumentEnd);
                return;
            }
        }

        var next = At(_pos + 1);
        switch (c)
        {
            case '[':
                FetchFlowCollectionStart(TokenKind.FlowSequenceStart);
                return;
            case '{':
                FetchFlowCollectionStart(TokenKind.FlowMappingStart);
                return;
            case ']':
                FetchFlowCollectionEnd(TokenKind.FlowSequenceEnd);
                return;
            case '}':
                FetchFlowCollectionEnd(TokenKind.FlowMappingEnd);
                return;
            case ',':
                FetchFlowEntry();
                return;
            case '-':
                if (IsWhiteBreakOrZero(next))
                {
                    FetchBlockEntry();
                    return;
                }

                if (_flowLevel > 0 && next is ',' or '[' or ']' or '{' or '}')
                {
                    EnqueueError(Here(), "'-' cannot start an entry inside a flow collection");
                }

                break;
            case '?':
                if (IsWhiteBreakOrZero(next))
                {
                    FetchKey();
                    return;
                }

                break;
            case ':':
                if ((_flowLevel > 0 || IsWhiteBreakOrZero(next))
                    && !(_simpleKeyAllowed && _flowLevel > 0)
                    && !(_flowScalarFetched && next == ':')
                    && (IsWhiteBreakOrZero(next) || next == ',' || _flowScalarFetched || _flowCollectionFetched || _startFlowCollectionFetched))
                {
                    FetchValue();
                    return;
                }

                break;
            case '*':
                FetchAnchor(isAlias: true);
                return;
            case '&':
                FetchAnchor(isAlias: false);
                return;
            case '!':
                FetchTag();
                return;
            case '|' when _flowLevel == 0:
                FetchBlockScalar(literal: true);
                return;
            case '>' when _flowLevel == 0:
                FetchBlockScalar(literal: false);
                return;
            case '\'':
                FetchQuotedScalar(singleQuoted: true);
                return;
            case '"':
                FetchQuotedScalar(singleQuoted: false);
                return;
        }

        var invalidPlainStart = IsWhiteBreakOrZero(c) || c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';
        var isPlain = !invalidPlainStart
            || (c == '-' && !IsWhite(next))
            || (c is '?' or ':' && !IsWhiteBreakOrZero(next))
            || (_simpleKeyAllowed && _flowLevel > 0);
        if (isPlain)
        {
            if (_plainScalarFollowedByComment)
            {
                EnqueueError(Here(), "a comment separates two plain scalars; a multi-line value cannot contain comments");
            }

            if ((_flowScalarFetched || (_flowCollectionFetched && !_startFlowCollectionFetched)) && c == ':')
            {
                _pos++;
            }

            _flowScalarFetched = false;
            _flowCollectionFetched = false;
            _startFlowCollectionFetched = false;
            _plainScalarFollowedByComment = false;
            FetchPlainScalar();
            return;
        }

        if (_simpleKeyAllowed && _indent >= column && c == '\t')
        {
            throw new YamlSyntaxException(Here(), "found a tab character used as indentation");
        }

        if (IsWhiteBreakOrZero(c))
        {
            _pos++;
            return;
        }

        throw new YamlSyntaxException(Here(), $"found character '{c}' that cannot start any token");
    }

    private void ScanToNextToken()
    {
        while (true)
        {
            var text = _text;
            var pos = _pos;
            var tabs = _flowLevel > 0 || !_simpleKeyAllowed;
            while (pos < _length)
            {
                var c = text[pos];
                if (c == ' ' || (c == '\t' && tabs))
                {
                    pos++;
                }
                else
                {
                    break;
                }
            }

            _pos = pos;

            if (Current == '#')
            {
                while (_pos < _length && !IsBreakOrZero(_text[_pos]))
                {
                    _pos++;
                }
            }

            if (_pos < _length && IsBreak(_text[_pos]))
            {
                SkipLine();
                if (_flowLevel == 0)
                {
                    _simpleKeyAllowed = true;
                }
            }
            else
            {
                break;
            }
        }
    }

    private void UnrollIndent(int column)
    {
        if (_flowLevel != 0)
        {
            return;
        }

        while (_indent > column)
        {
            var mark = Here();
            Enqueue(new Token(TokenKind.BlockEnd, mark, mark));
            _indent = _indents[--_indentCount];
        }
    }

    private void RollIndent(int column, int tokenNumber, TokenKind kind, Mark mark)
    {
        if (_flowLevel > 0 || _indent >= column)
        {
            return;
        }

        if (_indentCount == _indents.Length)
        {
            Array.Resize(ref _indents, _indents.Length * 2);
        }

        _indents[_indentCount++] = _indent;
        _indent = column;
        var token = new Token(kind, mark, mark);
        if (tokenNumber == -1)
        {
            Enqueue(token);
        }
        else
        {
            Insert(tokenNumber - _tokensParsed, token);
        }
    }

    private void FetchStreamEnd()
    {
        // The end of the stream counts as the start of a new line, as in the reference parsers.
        if (_pos != _lineStart)
        {
            _line++;
            _lineStart = _pos;
        }

        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        _streamEndProduced = true;
        var mark = Here();
        Enqueue(new Token(TokenKind.StreamEnd, mark, mark));
    }

    private void PushSimpleKey()
    {
        if (_simpleKeyCount == _simpleKeys.Length)
        {
            Array.Resize(ref _simpleKeys, _simpleKeys.Length * 2);
        }

        _simpleKeys[_simpleKeyCount++] = default;
    }

    private void SaveSimpleKey()
    {
        if (!_simpleKeyAllowed)
        {
            return;
        }

        var required = _flowLevel == 0 && _indent == Column;
        RemoveSimpleKey();
        ref var key = ref _simpleKeys[_simpleKeyCount - 1];
        key.IsPossible = true;
        key.IsRequired = required;
        key.TokenNumber = _tokensParsed + _count;
        key.Mark = Here();
    }

    private void RemoveSimpleKey()
    {
        ref var key = ref _simpleKeys[_simpleKeyCount - 1];
        if (key.IsPossible && key.IsRequired)
        {
            throw new YamlSyntaxException(key.Mark, "could not find the expected ':' after a key");
        }

        key.IsPossible = false;
    }

    private void FetchDirective()
    {
        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Here();
        _pos++;
        var nameStart = _pos;
        while (IsAlphaNumeric(Current))
        {
            _pos++;
        }

        if (_pos == nameStart)
        {
            throw new YamlSyntaxException(start, "a directive has no name");
        }

        if (EndOfInput)
        {
            throw new YamlSyntaxException(start, "the input ends inside a directive");
        }

        if (!IsWhiteBreakOrZero(Current))
        {
            throw new YamlSyntaxException(start, "unexpected character in a directive name");
        }

        var name = _text.Substring(nameStart, _pos - nameStart);
        Token token;
        switch (name)
        {
            case "YAML":
                if (_previous is not (TokenKind.DocumentStart or TokenKind.StreamStart or TokenKind.DocumentEnd))
                {
                    throw new YamlSyntaxException(start, "a %YAML directive must come before the document, after '...'");
                }

                SkipWhites();
                var major = ScanVersionNumber(start);
                if (Current != '.')
                {
                    throw new YamlSyntaxException(start, "a %YAML directive needs a version such as 1.2");
                }

                _pos++;
                var minor = ScanVersionNumber(start);
                token = new Token(TokenKind.VersionDirective, start, start, minor, major);
                break;
            case "TAG":
                SkipWhites();
                var handle = ScanTagHandle(directive: true, start);
                if (!IsWhite(Current))
                {
                    throw new YamlSyntaxException(start, "a %TAG directive needs whitespace after its handle");
                }

                SkipWhites();
                var prefix = ScanTagUri(null, start, shorthand: false);
                if (!IsWhiteBreakOrZero(Current))
                {
                    throw new YamlSyntaxException(start, "a %TAG directive needs whitespace or a line break after its prefix");
                }

                token = new Token(TokenKind.TagDirective, start, start, prefix, handle);
                break;
            default:
                // Reserved directives are ignored, as the YAML specification asks.
                while (!EndOfInput && Current != '#' && !IsBreak(Current))
                {
                    _pos++;
                }

                return;
        }

        SkipWhites();
        if (Current == '#')
        {
            while (!IsBreakOrZero(Current))
            {
                _pos++;
            }
        }

        if (!IsBreakOrZero(Current))
        {
            throw new YamlSyntaxException(start, "a directive must end with a comment or a line break");
        }

        SkipLine();
        Enqueue(token);
    }

    private void SkipWhites()
    {
        while (IsWhite(Current))
        {
            _pos++;
        }
    }

    private string ScanVersionNumber(Mark start)
    {
        var from = _pos;
        while (Current is >= '0' and <= '9')
        {
            if (_pos - from >= MaxVersionNumberLength)
            {
                throw new YamlSyntaxException(start, "the %YAML version number is too long");
            }

            _pos++;
        }

        if (_pos == from)
        {
            throw new YamlSyntaxException(start, "a %YAML directive needs a version number");
        }

        return _text.Substring(from, _pos - from);
    }

    private void FetchDocumentIndicator(TokenKind kind)
    {
        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Here();
        _pos += 3;
        if (kind == TokenKind.DocumentStart)
        {
            Enqueue(new Token(kind, start, Here()));
            return;
        }

        var invalid = false;
        while (!EndOfInput && !IsBreak(Current) && Current != '#')
        {
            if (!IsWhite(Current))
            {
                invalid = true;
                break;
            }

            _pos++;
        }

        Enqueue(new Token(kind, start, start));
        if (invalid)
        {
            EnqueueError(start, "found content after the '...' document end marker");
        }
    }

    private void FetchFlowCollectionStart(TokenKind kind)
    {
        SaveSimpleKey();
        PushSimpleKey();
        _flowLevel++;
        _simpleKeyAllowed = true;
        var start = Here();
        _pos++;
        Enqueue(new Token(kind, start, start));
        _startFlowCollectionFetched = true;
    }

    private void FetchFlowCollectionEnd(TokenKind kind)
    {
        RemoveSimpleKey();
        if (_flowLevel > 0)
        {
            _flowLevel--;
            _simpleKeyCount--;
        }

        _simpleKeyAllowed = false;
        var start = Here();
        _pos++;
        Enqueue(new Token(kind, start, start));
        if (kind == TokenKind.FlowSequenceEnd && Current == '#')
        {
            EnqueueError(start, "a comment must be separated from ']' by whitespace");
        }

        _flowCollectionFetched = true;
    }

    private void FetchFlowEntry()
    {
        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        var start = Here();
        _pos++;
        var end = Here();
        if (Current == '#')
        {
            EnqueueError(start, "a comment must be separated from ',' by whitespace");
            return;
        }

        Enqueue(new Token(TokenKind.FlowEntry, start, end));
    }

    private void FetchBlockEntry()
    {
        if (_flowLevel == 0)
        {
            if (!_simpleKeyAllowed)
            {
                if (_hasPreviousAnchor && _previousAnchorEnd.Line == _line)
                {
                    throw new YamlSyntaxException(_previousAnchorStart, "an anchor cannot precede a sequence entry on the same line");
                }

                EnqueueError(Here(), "a sequence entry '-' is not allowed here");
            }

            RollIndent(Column, -1, TokenKind.BlockSequenceStart, Here());
        }

        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        var start = Here();
        _pos++;
        Enqueue(new Token(TokenKind.BlockEntry, start, Here()));
    }

    private void FetchKey()
    {
        if (_flowLevel == 0)
        {
            if (!_simpleKeyAllowed)
            {
                throw new YamlSyntaxException(Here(), "a mapping key '?' is not allowed here");
            }

            RollIndent(Column, -1, TokenKind.BlockMappingStart, Here());
        }

        RemoveSimpleKey();
        _simpleKeyAllowed = _flowLevel == 0;
        var start = Here();
        _pos++;
        Enqueue(new Token(TokenKind.Key, start, Here()));
    }

    private void FetchValue()
    {
        ref var key = ref _simpleKeys[_simpleKeyCount - 1];
        if (key.IsPossible)
        {
            Insert(key.TokenNumber - _tokensParsed, new Token(TokenKind.Key, key.Mark, key.Mark));
            RollIndent(key.Mark.Column - 1, key.TokenNumber, TokenKind.BlockMappingStart, key.Mark);
            key.IsPossible = false;
            _simpleKeyAllowed = false;
        }
        else
        {
            var allowed = _flowLevel == 0;
            if (allowed)
            {
                if (!_simpleKeyAllowed)
                {
                    // Consumed all the same, so that scanning always advances.
                    EnqueueError(Here(), "a mapping value ':' is not allowed here");
                    _pos++;
                    return;
                }

                RollIndent(Column, -1, TokenKind.BlockMappingStart, Here());
                // A ':' at the start of a line opens an entry with an empty key, unless a '?' already opened one
                // (YamlDotNet adds a second empty key there, which is then reported as a duplicate).
                var last = _count > 0 ? _queue[_head + _count - 1].Kind : _previous;
                if (Column == 0 && key.Mark.Column <= 1 && last != TokenKind.Key)
                {
                    var mark = key.Mark.Line == 0 ? Here() : key.Mark;
                    Enqueue(new Token(TokenKind.Key, mark, mark));
                    allowed = false;
                }
            }

            _simpleKeyAllowed = allowed;
        }

        var start = Here();
        _pos++;
        Enqueue(new Token(TokenKind.Value, start, Here()));
    }

    private void FetchAnchor(bool isAlias)
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Here();
        _pos++;
        var aliasKey = false;
        if (isAlias)
        {
            ref var key = ref _simpleKeys[_simpleKeyCount - 1];
            aliasKey = key.IsRequired && key.IsPossible;
        }

        var from = _pos;
        while (_pos < _length)
        {
            var c = _text[_pos];
            if (IsWhiteBreakOrZero(c) || c is '[' or ']' or '{' or '}' or ',' || (aliasKey && c == ':' && IsWhiteBreakOrZero(At(_pos + 1))))
            {
                break;
            }

            _pos++;
        }

        var end = Current;
        if (_pos == from || !(IsWhiteBreakOrZero(end) || end is '?' or ':' or ',' or ']' or '}' or '%' or '@' or '`'))
        {
            throw new YamlSyntaxException(start, "an anchor or alias name is empty or contains one of []{},");
        }

        var name = _text.Substring(from, _pos - from);
        if (isAlias)
        {
            Enqueue(new Token(TokenKind.Alias, start, Here(), name));
            return;
        }

        _hasPreviousAnchor = true;
        _previousAnchorStart = start;
        _previousAnchorEnd = Here();
        Enqueue(new Token(TokenKind.Anchor, start, _previousAnchorEnd, name));
    }

    private void FetchTag()
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Here();
        string handle;
        string suffix;
        if (At(_pos + 1) == '<')
        {
            handle = string.Empty;
            _pos += 2;
            suffix = ScanTagUri(null, start, shorthand: false);
            if (Current != '>')
            {
                throw new YamlSyntaxException(start, "a verbatim tag '!<...>' is not closed with '>'");
            }

            if (suffix.Length == 0)
            {
                throw new YamlSyntaxException(start, "a verbatim tag '!<>' cannot be empty");
            }

            _pos++;
        }
        else
        {
            var first = ScanTagHandle(directive: false, start);
            if (first.Length > 1 && first[0] == '!' && first[first.Length - 1] == '!')
            {
                handle = first;
                suffix = ScanTagUri(null, start, shorthand: true);
            }
            else
            {
                suffix = ScanTagUri(first, start, shorthand: true);
                handle = "!";
                if (suffix.Length == 0)
                {
                    suffix = handle;
                    handle = string.Empty;
                }
            }
        }

        if (!IsWhiteBreakOrZero(Current) && Current != ',')
        {
            throw new YamlSyntaxException(start, "a tag must be followed by whitespace, a comma or a line break");
        }

        Enqueue(new Token(TokenKind.Tag, start, Here(), suffix, handle));
    }

    private string ScanTagHandle(bool directive, Mark start)
    {
        if (Current != '!')
        {
            throw new YamlSyntaxException(start, "a tag handle must start with '!'");
        }

        var from = _pos;
        _pos++;
        while (IsAlphaNumeric(Current))
        {
            _pos++;
        }

        if (Current == '!')
        {
            _pos++;
        }
        else if (directive && _pos - from != 1)
        {
            throw new YamlSyntaxException(start, "a %TAG handle must end with '!'");
        }

        return _text.Substring(from, _pos - from);
    }

    /// <summary>
    /// Scans URI characters. A shorthand tag's suffix (<paramref name="shorthand"/>) stops at '[' (YAML 1.2 ns-tag-char
    /// excludes flow indicators), so "!!str[" is a tag followed by a stray '['; ',' and ']' are still accepted there, as
    /// YamlDotNet does.
    /// </summary>
    private string ScanTagUri(string? head, Mark start, bool shorthand)
    {
        var builder = _value;
        builder.Clear();
        if (head is { Length: > 1 })
        {
            builder.Append(head, 1, head.Length - 1);
        }

        while (true)
        {
            var c = Current;
            if (!(IsAlphaNumeric(c) || c is ';' or '/' or '?' or ':' or '@' or '&' or '=' or '+' or '$' or '.' or '!' or '~' or '*' or '\'' or '(' or ')' or '[' or ']' or '%'
                || (c == ',' && !IsBreak(At(_pos + 1))))
                || (shorthand && c == '['))
            {
                break;
            }

            if (c == '%')
            {
                ScanUriEscapes(builder, start);
            }
            else if (c == '+')
            {
                builder.Append(' ');
                _pos++;
            }
            else
            {
                builder.Append(c);
                _pos++;
            }
        }

        if (builder.Length == 0)
        {
            return string.Empty;
        }

        if (builder[builder.Length - 1] == ',')
        {
            throw new YamlSyntaxException(Here(), "a tag cannot end with a comma");
        }

        return builder.ToString();
    }

    private void ScanUriEscapes(StringBuilder builder, Mark start)
    {
        var bytes = new byte[4];
        var count = 0;
        var width = 0;
        do
        {
            if (!(Current == '%' && IsHex(At(_pos + 1)) && IsHex(At(_pos + 2))))
            {
                throw new YamlSyntaxException(start, "a tag contains an invalid URI escape");
            }

            var octet = (HexValue(At(_pos + 1)) << 4) + HexValue(At(_pos + 2));
            if (width == 0)
            {
                width = (octet & 0x80) == 0 ? 1 : (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3 : (octet & 0xF8) == 0xF0 ? 4 : 0;
                if (width == 0)
                {
                    throw new YamlSyntaxException(start, "a tag contains an invalid UTF-8 escape");
                }
            }
            else if ((octet & 0xC0) != 0x80)
            {
                throw new YamlSyntaxException(start, "a tag contains an invalid UTF-8 escape");
            }

            bytes[count++] = (byte)octet;
            _pos += 3;
        }
        while (--width > 0);

        builder.Append(Encoding.UTF8.GetString(bytes, 0, count));
    }

    private void FetchBlockScalar(bool literal)
    {
        SaveSimpleKey();
        _simpleKeyAllowed = true;
        Enqueue(ScanBlockScalar(literal));
    }

    private Token ScanBlockScalar(bool literal)
    {
        var value = _value;
        value.Clear();
        var breaks = _breaks;
        breaks.Clear();
        var leadingBreak = '\0';
        var chomping = 0;
        var increment = 0;
        var leadingBlank = false;
        int? firstLine = null; // null: not seen, 1: first line, 0: past it (YamlDotNet's tri-state)
        var start = Here();
        _pos++;

        var c = Current;
        if (c is '+' or '-')
        {
            chomping = c == '+' ? 1 : -1;
            _pos++;
            if (Current is >= '0' and <= '9')
            {
                if (Current == '0')
                {
                    throw new YamlSyntaxException(start, "a block scalar's indentation indicator cannot be 0");
                }

                increment = Current - '0';
                _pos++;
            }
        }
        else if (c is >= '0' and <= '9')
        {
            if (c == '0')
            {
                throw new YamlSyntaxException(start, "a block scalar's indentation indicator cannot be 0");
            }

            increment = c - '0';
            _pos++;
            if (Current is '+' or '-')
            {
                chomping = Current == '+' ? 1 : -1;
                _pos++;
            }
        }

        if (Current == '#')
        {
            throw new YamlSyntaxException(start, "a comment after a block scalar indicator must be separated by whitespace");
        }

        SkipWhites();
        if (Current == '#')
        {
            while (!IsBreakOrZero(Current))
            {
                _pos++;
            }
        }

        if (!IsBreakOrZero(Current))
        {
            throw new YamlSyntaxException(start, "a block scalar indicator must be followed by a comment or a line break");
        }

        if (IsBreak(Current))
        {
            SkipLine();
            firstLine = 1;
        }

        var end = Here();
        var indent = 0;
        if (increment != 0)
        {
            indent = _indent >= 0 ? _indent + increment : increment;
        }

        indent = ScanBlockScalarBreaks(indent, breaks, ref end, ref firstLine);
        firstLine = 0;

        while (Column == indent && !(_pos >= _length || _text[_pos] == '\0') && !IsDocumentEnd())
        {
            var trailingBlank = IsWhite(Current);
            if (!literal && leadingBreak == '\n' && !leadingBlank && !trailingBlank)
            {
                if (breaks.Length == 0)
                {
                    value.Append(' ');
                }
            }
            else if (leadingBreak != '\0')
            {
                value.Append(leadingBreak);
            }

            leadingBreak = '\0';
            value.Append(breaks);
            breaks.Clear();
            leadingBlank = IsWhite(Current);
            var lineStart = _pos;
            while (_pos < _length && !IsBreakOrZero(_text[_pos]))
            {
                _pos++;
            }

            value.Append(_text, lineStart, _pos - lineStart);
            if (IsBreak(Current))
            {
                leadingBreak = ReadLine();
            }

            indent = ScanBlockScalarBreaks(indent, breaks, ref end, ref firstLine);
        }

        if (chomping != -1 && leadingBreak != '\0')
        {
            value.Append(leadingBreak);
        }

        if (chomping == 1)
        {
            value.Append(breaks);
        }

        return new Token(TokenKind.Scalar, start, end, value.ToString(), style: literal ? ScalarStyle.Literal : ScalarStyle.Folded);
    }

    /// <summary>
    /// The empty lines before a block scalar's content, and its indentation when not given. YAML forbids leading
    /// empty lines with more spaces than the first content line; exactly as many is fine (libyaml, which go-yaml
    /// ports, takes the largest of them as the indentation). The check applies only when that content line belongs
    /// to the scalar, i.e. is indented past the parent: otherwise the scalar is empty and the line comes after it.
    /// </summary>
    private int ScanBlockScalarBreaks(int indent, StringBuilder breaks, ref Mark end, ref int? firstLine)
    {
        var maxIndent = 0;
        var leadingEmptyLines = false;
        end = Here();
        while (true)
        {
            while ((indent == 0 || Column < indent) && Current == ' ')
            {
                _pos++;
            }

            if (Column > maxIndent)
            {
                maxIndent = Column;
            }

            if (!IsBreak(Current))
            {
                break;
            }

            if (firstLine == 1)
            {
                firstLine = 0;
                leadingEmptyLines = true;
            }

            breaks.Append(ReadLine());
            end = Here();
        }

        if (indent == 0 && leadingEmptyLines && maxIndent > Column && Column > _indent && !EndOfInput)
        {
            throw new YamlSyntaxException(end, "leading empty lines of a block scalar are more indented than its first content line");
        }

        if (indent == 0 && (Column > 0 || _indent > -1))
        {
            indent = Math.Max(maxIndent, Math.Max(_indent + 1, 1));
        }

        return indent;
    }

    private void FetchQuotedScalar(bool singleQuoted)
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        _flowScalarFetched = _flowLevel > 0;
        Enqueue(ScanQuotedScalar(singleQuoted));
        if (!singleQuoted && Current == '#')
        {
            EnqueueError(Here(), "a comment must be separated from a quoted scalar by whitespace");
        }
    }

    private Token ScanQuotedScalar(bool singleQuoted)
    {
        var start = Here();
        var quote = singleQuoted ? '\'' : '"';
        _pos++;

        // Fast path: a one-line scalar without escapes is a slice of the input.
        var scan = _pos;
        while (scan < _length)
        {
            var c = _text[scan];
            if (c == quote)
            {
                if (singleQuoted && At(scan + 1) == '\'')
                {
                    break;
                }

                var length = scan - _pos;
                var text = length <= StringCache.MaxLength ? _strings.Get(_text, _pos, length) : _text.Substring(_pos, length);
                _pos = scan + 1;
                return new Token(TokenKind.Scalar, start, Here(), text, style: singleQuoted ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted);
            }

            if ((c == '\\' && !singleQuoted) || IsBreak(c) || c == '\0')
            {
                break;
            }

            scan++;
        }

        return ScanQuotedScalarSlow(start, singleQuoted);
    }

    private Token ScanQuotedScalarSlow(Mark start, bool singleQuoted)
    {
        var value = _value;
        value.Clear();
        var breaks = _breaks;
        breaks.Clear();
        var quote = singleQuoted ? '\'' : '"';
        var leadingBreak = '\0';
        var whitespaceStart = -1;
        var hasLeadingBlanks = false;
        while (true)
        {
            if (IsDocumentStart() || IsDocumentEnd())
            {
                throw new YamlSyntaxException(start, "found a document marker inside a quoted scalar; is a closing quote missing?");
            }

            if (_pos >= _length || _text[_pos] == '\0')
            {
                throw new YamlSyntaxException(start, "the input ends inside a quoted scalar; is a closing quote missing?");
            }

            if (hasLeadingBlanks && !singleQuoted && _indent >= Column)
            {
                throw new YamlSyntaxException(start, "a continuation line of a double-quoted scalar is not indented enough");
            }

            hasLeadingBlanks = false;
            while (_pos < _length)
            {
                var c = _text[_pos];
                if (IsWhiteBreakOrZero(c))
                {
                    break;
                }

                if (singleQuoted && c == '\'' && At(_pos + 1) == '\'')
                {
                    value.Append('\'');
                    _pos += 2;
                }
                else if (c == quote)
                {
                    break;
                }
                else if (!singleQuoted && c == '\\' && IsBreak(At(_pos + 1)))
                {
                    _pos++;
                    SkipLine();
                    hasLeadingBlanks = true;
                    break;
                }
                else if (!singleQuoted && c == '\\')
                {
                    ScanEscape(value, start);
                }
                else
                {
                    var from = _pos;
                    _pos++;
                    while (_pos < _length)
                    {
                        var d = _text[_pos];
                        if (IsWhiteBreakOrZero(d) || d == '\'' || d == '"' || d == '\\')
                        {
                            break;
                        }

                        _pos++;
                    }

                    value.Append(_text, from, _pos - from);
                }
            }

            if (Current == quote)
            {
                break;
            }

            while (IsWhite(Current) || IsBreak(Current))
            {
                if (IsWhite(Current))
                {
                    if (!hasLeadingBlanks && whitespaceStart < 0)
                    {
                        whitespaceStart = _pos;
                    }

                    _pos++;
                }
                else if (!hasLeadingBlanks)
                {
                    whitespaceStart = -1;
                    leadingBreak = ReadLine();
                    hasLeadingBlanks = true;
                }
                else
                {
                    breaks.Append(ReadLine());
                }
            }

            if (hasLeadingBlanks)
            {
                if (leadingBreak == '\n')
                {
                    if (breaks.Length == 0)
                    {
                        value.Append(' ');
                    }
                    else
                    {
                        value.Append(breaks);
                    }
                }
                else
                {
                    if (leadingBreak != '\0')
                    {
                        value.Append(leadingBreak);
                    }

                    value.Append(breaks);
                }

                leadingBreak = '\0';
                breaks.Clear();
            }
            else if (whitespaceStart >= 0)
            {
                value.Append(_text, whitespaceStart, _pos - whitespaceStart);
            }

            whitespaceStart = -1;
        }

        _pos++;
        return new Token(TokenKind.Scalar, start, Here(), value.ToString(), style: singleQuoted ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted);
    }

    private void ScanEscape(StringBuilder value, Mark start)
    {
        var code = At(_pos + 1);
        var length = 0;
        switch (code)
        {
            case 'x':
                length = 2;
                break;
            case 'u':
                length = 4;
                break;
            case 'U':
                length = 8;
                break;
            default:
                value.Append(code switch
                {
                    '0' => '\0',
                    'a' => '\x07',
                    'b' => '\x08',
                    't' or '\t' => '\t',
                    'n' => '\n',
                    'v' => '\x0B',
                    'f' => '\x0C',
                    'r' => '\r',
                    'e' => '\x1B',
                    ' ' => ' ',
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'N' => '\x85',
                    '_' => '\xA0',
                    'L' => '\u2028',
                    'P' => '\u2029',
                    _ => throw new YamlSyntaxException(start, $"unknown escape sequence '\\{code}' in a double-quoted scalar"),
                });
                break;
        }

        _pos += 2;
        if (length == 0)
        {
            return;
        }

        var character = ReadHex(length, start);
        if (character is >= 0xD800 and <= 0xDFFF)
        {
            if (Current == '\\' && At(_pos + 1) is 'u' or 'U')
            {
                var lowLength = At(_pos + 1) == 'u' ? 4 : 8;
                _pos += 2;
                var low = ReadHex(lowLength, start);
                if (character > 0xDBFF || low is < 0xDC00 or > 0xDFFF)
                {
                    throw new YamlSyntaxException(start, "invalid Unicode surrogate pair in a double-quoted scalar");
                }

                value.Append((char)character).Append((char)low);
                return;
            }

            throw new YamlSyntaxException(start, "invalid Unicode surrogate in a double-quoted scalar");
        }

        if (character > 0x10FFFF)
        {
            throw new YamlSyntaxException(start, "invalid Unicode escape in a double-quoted scalar");
        }

        value.Append(char.ConvertFromUtf32(character));
    }

    private int ReadHex(int length, Mark start)
    {
        var character = 0L;
        for (var k = 0; k < length; k++)
        {
            var h = At(_pos + k);
            if (!IsHex(h))
            {
                throw new YamlSyntaxException(start, "an escape sequence in a double-quoted scalar needs hexadecimal digits");
            }

            character = (character << 4) + HexValue(h);
        }

        _pos += length;

        // Anything above the Unicode range is rejected by the caller; clamping keeps eight hex digits from overflowing.
        return (int)Math.Min(character, 0x110000);
    }

    private void FetchPlainScalar()
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        var scalar = ScanPlainScalar(out var multiline);
        if (multiline && Current == ':' && _flowLevel == 0 && _indent < Column)
        {
            EnqueueError(Here(), "a multi-line plain scalar cannot be a mapping key");
        }

        Enqueue(scalar);
    }

    /// <summary>The end of a run of plain-scalar characters starting at <paramref name="pos"/>: the hottest loop of the scanner.</summary>
    private int SkipPlainRun(int pos, bool inFlow, bool isAliasValue)
    {
        var text = _text;
        var length = _length;
        while (pos < length)
        {
            var c = text[pos];
            if (c < 128)
            {
                if (PlainSpecial[c])
                {
                    switch (c)
                    {
                        case ':':
                            var next = pos + 1 < length ? text[pos + 1] : '\0';
                            if (isAliasValue || !(IsWhiteBreakOrZero(next) || (inFlow && next == ',')))
                            {
                                pos++;
                                continue;
                            }

                            return pos;
                        case ',' or '[' or ']' or '{' or '}':
                            if (!inFlow)
                            {
                                pos++;
                                continue;
                            }

                            return pos;
                        default:
                            return pos;
                    }
                }
            }
            else if (c is '\x85' or '\u2028' or '\u2029')
            {
                return pos;
            }

            pos++;
        }

        return pos;
    }

    private static bool[] BuildPlainSpecial()
    {
        var table = new bool[128];
        foreach (var c in " \t\n\r\0:,[]{}")
        {
            table[c] = true;
        }

        return table;
    }

    private Token ScanPlainScalar(out bool multiline)
    {
        multiline = false;
        var value = _value;
        var breaks = _breaks;
        breaks.Clear();
        var building = false;
        var leadingBreak = '\0';
        var whitespaceStart = -1;
        var hasLeadingBlanks = false;
        var indent = _indent + 1;
        var start = Here();
        var end = start;
        var valueEnd = _pos;
        ref var key = ref _simpleKeys[_simpleKeyCount - 1];
        var keyIsRequired = key.IsPossible && key.IsRequired;
        var keyIsPossible = key.IsPossible;
        var inFlow = _flowLevel > 0;

        while (true)
        {
            if (_pos - _lineStart == 0 && (IsDocumentStart() || IsDocumentEnd()))
            {
                break;
            }

            if (Current == '#')
            {
                if (_indent < 0 && !inFlow)
                {
                    _plainScalarFollowedByComment = true;
                }

                break;
            }

            var isAliasValue = Current == '*' && !keyIsRequired;
            var runStart = _pos;
            var runEnd = SkipPlainRun(runStart, inFlow, isAliasValue);
            if (runEnd > runStart)
            {
                if (hasLeadingBlanks)
                {
                    if (!building)
                    {
                        value.Clear();
                        value.Append(_text, start.Index, valueEnd - start.Index);
                        building = true;
                    }

                    if (leadingBreak == '\n')
                    {
                        if (breaks.Length == 0)
                        {
                            value.Append(' ');
                        }
                        else
                        {
                            value.Append(breaks);
                        }
                    }
                    else
                    {
                        if (leadingBreak != '\0')
                        {
                            value.Append(leadingBreak);
                        }

                        value.Append(breaks);
                    }

                    leadingBreak = '\0';
                    breaks.Clear();
                    hasLeadingBlanks = false;
                }
                else if (whitespaceStart >= 0 && building)
                {
                    value.Append(_text, whitespaceStart, runStart - whitespaceStart);
                }

                whitespaceStart = -1;
                if (inFlow && Column < indent)
                {
                    throw new YamlSyntaxException(Here(), "a continuation line inside a flow collection is not indented enough");
                }

                _pos = runEnd;
            }

            var stopped = false;
            if (!IsWhiteBreakOrZero(Current))
            {
                // The run ended at an indicator: ': ' or, inside a flow collection, one of ,[]{}.
                if (!inFlow && !keyIsPossible)
                {
                    EnqueueError(Here(), "a mapping value ':' is not allowed here (is a space or quoting missing?)");
                }

                stopped = true;
            }

            if (_pos > runStart)
            {
                if (building)
                {
                    value.Append(_text, runStart, _pos - runStart);
                }

                valueEnd = _pos;
                end = Here();
            }

            if (stopped)
            {
                break;
            }

            var current = Current;
            if (!(IsWhite(current) || IsBreak(current)))
            {
                break;
            }

            while (true)
            {
                current = Current;
                if (IsWhite(current))
                {
                    if (hasLeadingBlanks && Column < indent && current == '\t')
                    {
                        throw new YamlSyntaxException(Here(), "found a tab character used as indentation in a plain scalar");
                    }

                    if (!hasLeadingBlanks && whitespaceStart < 0)
                    {
                        whitespaceStart = _pos;
                    }

                    _pos++;
                }
                else if (IsBreak(current))
                {
                    multiline = true;
                    if (!hasLeadingBlanks)
                    {
                        whitespaceStart = -1;
                        leadingBreak = ReadLine();
                        hasLeadingBlanks = true;
                    }
                    else
                    {
                        breaks.Append(ReadLine());
                    }
                }
                else
                {
                    break;
                }
            }

            if (!inFlow && Column < indent)
            {
                break;
            }
        }

        if (hasLeadingBlanks)
        {
            _simpleKeyAllowed = true;
        }

        breaks.Clear();
        var length = valueEnd - start.Index;
        var text = building ? value.ToString()
            : length <= StringCache.MaxLength ? _strings.Get(_text, start.Index, length)
            : _text.Substring(start.Index, length);
        return new Token(TokenKind.Scalar, start, end, text);
    }
}
