using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Loading;

/// <summary>One document's text in a stream: [Start, End) of the file, where it starts and its last character.</summary>
internal readonly record struct StreamChunk(int Start, int End, int Line, int Column, SourcePosition Last);

/// <summary>A '---' line with more than a comment after it, which kubectl refuses.</summary>
internal readonly record struct SeparatorProblem(SourcePosition Position, string Content);

/// <summary>
/// Splits a stream into documents before any parsing, the way kubectl and the API machinery do, so that a syntax
/// error is confined to its own document and every later document is still read:
/// <list type="bullet">
/// <item>A stream whose first non-blank character is '{' is JSON (apimachinery's GuessJSONStream): one document per
/// top-level value, as encoding/json's Decoder reads them one after the other. Unlike kubectl, a stream that turns
/// out not to be JSON values is read as YAML rather than rejected.</item>
/// <item>Otherwise it is YAML, split at lines that start with "---" followed only by blanks or a comment
/// (k8s.io/apimachinery/pkg/util/yaml YAMLReader.Read); other text after "---" is the reader's "invalid Yaml
/// document separator" error, reported here while the document is still parsed.</item>
/// </list>
/// Line numbers count line breaks as the YAML scanner does (LF, CR, CRLF, NEL, LS, PS) so that positions computed
/// inside a document match those of the whole file. One pass over the text.
/// </summary>
internal sealed class StreamSplitter
{
    private readonly string _text;
    private readonly List<StreamChunk> _chunks = [];
    private readonly List<SeparatorProblem> _problems = [];

    // Line bookkeeping of the single forward pass: the line number at _linePos and where that line starts.
    private int _linePos;
    private int _line = 1;
    private int _lineStart;

    private StreamSplitter(string text)
    {
        _text = text;
    }

    public IReadOnlyList<StreamChunk> Chunks => _chunks;

    public IReadOnlyList<SeparatorProblem> Problems => _problems;

    public static StreamSplitter Split(string text)
    {
        var splitter = new StreamSplitter(text);
        if (!IsJsonStream(text) || !splitter.TrySplitJson())
        {
            splitter.Reset();
            splitter.SplitYaml();
        }

        return splitter;
    }

    /// <summary>apimachinery's hasJSONPrefix: the first character that is not white space is '{'.</summary>
    private static bool IsJsonStream(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c == '{';
            }
        }

        return false;
    }

    private void SplitYaml()
    {
        var text = _text;
        var chunkStart = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var next = newline < 0 ? text.Length : newline + 1;
            var markerAt = lineStart == 0 && text.Length > 0 && text[0] == '\uFEFF' ? 1 : lineStart;
            if (string.CompareOrdinal(text, markerAt, "---", 0, 3) == 0 && markerAt + 3 <= lineEnd)
            {
                var rest = text.Substring(markerAt + 3, lineEnd - markerAt - 3);
                var trimmed = rest.Trim();
                Add(chunkStart, lineStart);
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    chunkStart = next;
                }
                else
                {
                    // The document starts on the marker line, so that its parse still reads "--- |" and the like.
                    var column = markerAt + 3 + (rest.Length - rest.TrimStart().Length);
                    _problems.Add(new SeparatorProblem(PeekPosition(column), trimmed));
                    chunkStart = lineStart;
                }
            }

            lineStart = next;
        }

        Add(chunkStart, text.Length);
    }

    /// <summary>
    /// JSON values one after the other; false when something other than an object or array follows one, as in a
    /// YAML flow mapping used as a key (<c>{a: b}: c</c>): such a stream is read as YAML instead.
    /// </summary>
    private bool TrySplitJson()
    {
        var text = _text;
        var pos = 0;
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                return true;
            }

            if (text[pos] is not ('{' or '['))
            {
                return false;
            }

            var end = JsonValueEnd(pos);
            Add(pos, end);
            pos = end;
        }
    }

    private void Reset()
    {
        _chunks.Clear();
        _problems.Clear();
        (_linePos, _line, _lineStart) = (0, 1, 0);
    }

    /// <summary>
    /// The end of the JSON value that opens at <paramref name="start"/>: just after its matching bracket. A value that
    /// never closes (a syntax error) ends where a line starts with '{' that cannot continue it (JSON allows '{' only
    /// after ':' or, in an array, after '[' or ','), so one broken object does not swallow the objects after it.
    /// Strings never span lines in JSON; an unterminated one ends at its line break.
    /// </summary>
    private int JsonValueEnd(int start)
    {
        var text = _text;
        var containers = new List<bool>(); // true for an array
        var inString = false;
        var escaped = false;
        var previous = '\0';
        var atLineStart = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                inString = false;
                atLineStart = true;
                continue;
            }

            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                    previous = c;
                }

                continue;
            }

            if (atLineStart && c == '{' && containers.Count > 0 && !CanStartValue(previous, containers[containers.Count - 1]))
            {
                return i;
            }

            atLineStart = false;
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    containers.Add(c == '[');
                    break;
                case '}' or ']':
                    containers.RemoveAt(containers.Count - 1);
                    if (containers.Count == 0)
                    {
                        return i + 1;
                    }

                    break;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }
        }

        return text.Length;
    }

    private static bool CanStartValue(char previous, bool inArray)
        => previous == ':' || (inArray && previous is ',' or '[');

    private void Add(int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var first = PositionAt(start);
        _chunks.Add(new StreamChunk(start, end, first.Line, first.Column, PositionAt(end - 1)));
    }

    /// <summary>The line and column of an offset at or after every offset asked before (the pass only moves forward).</summary>
    private SourcePosition PositionAt(int offset)
    {
        (_linePos, _line, _lineStart) = Advance(_linePos, _line, _lineStart, offset);
        return new SourcePosition(_line, offset - _lineStart + 1);
    }

    /// <summary>The position of an offset on the line being split, without moving the pass forward.</summary>
    private SourcePosition PeekPosition(int offset)
    {
        var (_, line, lineStart) = Advance(_linePos, _line, _lineStart, offset);
        return new SourcePosition(line, offset - lineStart + 1);
    }

    private (int Pos, int Line, int LineStart) Advance(int pos, int line, int lineStart, int offset)
    {
        var text = _text;
        for (; pos < offset; pos++)
        {
            var c = text[pos];
            if (c == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\x85' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = pos + 1;
            }
        }

        return (pos, line, lineStart);
    }
}
