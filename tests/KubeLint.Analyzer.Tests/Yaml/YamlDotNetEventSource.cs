using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using OwnScalarStyle = KubeLint.Analyzer.Yaml.Parsing.ScalarStyle;
using ParsingMark = KubeLint.Analyzer.Yaml.Parsing.Mark;
using YamlDotNetScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace KubeLint.Analyzer.Tests.Yaml;

/// <summary>
/// YamlDotNet's parser behind the loader's event interface: the independent oracle the loader's own parser is compared
/// against (and the benchmark baseline). Both feed the same tree building, so any difference in trees, spans or
/// findings comes from the parsers themselves.
/// </summary>
internal sealed class YamlDotNetEventSource : IYamlEventSource
{
    private readonly Parser _parser;
    private readonly int _offset;
    private readonly int _line;

    private YamlDotNetEventSource(string text, StreamChunk chunk)
    {
        // A document may start inside a line (JSON values one after the other): spaces in front keep its columns.
        var padding = chunk.Column - 1;
        var document = new string(' ', padding) + text.Substring(chunk.Start, chunk.End - chunk.Start);
        _parser = new Parser(new Scanner(new StringReader(document), skipComments: true));
        _offset = chunk.Start - padding;
        _line = chunk.Line;
    }

    public static IYamlEventSource Create(string text, StreamChunk chunk) => new YamlDotNetEventSource(text, chunk);

    public bool Next(out ParseEvent evt)
    {
        evt = default;
        try
        {
            if (!_parser.MoveNext())
            {
                return false;
            }
        }
        catch (YamlException ex)
        {
            throw new YamlSyntaxException(Convert(ex.Start), CleanMessage(ex.Message));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // YamlDotNet signals a few malformed inputs with general exceptions; they are syntax errors all the same,
            // found where the last event started.
            throw new YamlSyntaxException(Convert(_parser.Current?.Start ?? YamlDotNet.Core.Mark.Empty), ex.Message);
        }

        var current = _parser.Current!;
        evt.Start = Convert(current.Start);
        evt.End = Convert(current.End);
        switch (current)
        {
            case StreamStart:
                evt.Kind = EventKind.StreamStart;
                break;
            case StreamEnd:
                evt.Kind = EventKind.StreamEnd;
                break;
            case DocumentStart:
                evt.Kind = EventKind.DocumentStart;
                break;
            case DocumentEnd:
                evt.Kind = EventKind.DocumentEnd;
                break;
            case AnchorAlias alias:
                evt.Kind = EventKind.Alias;
                evt.Value = alias.Value.Value;
                break;
            case Scalar scalar:
                evt.Kind = EventKind.Scalar;
                evt.Value = scalar.Value;
                evt.Style = scalar.Style switch
                {
                    YamlDotNetScalarStyle.SingleQuoted => OwnScalarStyle.SingleQuoted,
                    YamlDotNetScalarStyle.DoubleQuoted => OwnScalarStyle.DoubleQuoted,
                    YamlDotNetScalarStyle.Literal => OwnScalarStyle.Literal,
                    YamlDotNetScalarStyle.Folded => OwnScalarStyle.Folded,
                    _ => OwnScalarStyle.Plain,
                };
                SetProperties(ref evt, scalar);
                break;
            case SequenceStart start:
                evt.Kind = EventKind.SequenceStart;
                SetProperties(ref evt, start);
                break;
            case MappingStart start:
                evt.Kind = EventKind.MappingStart;
                SetProperties(ref evt, start);
                break;
            case SequenceEnd:
                evt.Kind = EventKind.SequenceEnd;
                break;
            case MappingEnd:
                evt.Kind = EventKind.MappingEnd;
                break;
        }

        return true;
    }

    private static void SetProperties(ref ParseEvent evt, NodeEvent node)
    {
        evt.Anchor = node.Anchor.IsEmpty ? null : node.Anchor.Value;
        evt.Tag = node.Tag.IsEmpty ? null : node.Tag.Value;
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (...): "; the position is reported separately.</summary>
    private static string CleanMessage(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message.Substring(marker + 3) : message;
        return text.TrimEnd('.').Trim();
    }

    /// <summary>YamlDotNet reads one document from the line it starts on: shift its index and line, keep its column.</summary>
    private ParsingMark Convert(YamlDotNet.Core.Mark mark) => new((int)mark.Index + _offset, (int)mark.Line + _line - 1, (int)mark.Column);
}
