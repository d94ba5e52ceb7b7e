using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Workloads.Cron;

/// <summary>Maps an offset inside a scalar's value to a source position.</summary>
internal static class ScalarOffsets
{
    /// <summary>
    /// The position of the character at <paramref name="offset"/> of the value. Only single-line scalars whose source
    /// text is the value itself (plain) or the value in quotes without escapes map exactly; any other scalar maps to
    /// its start, since escapes and folding break the correspondence.
    /// </summary>
    public static SourceSpan SpanAt(YamlScalar scalar, int offset)
    {
        var span = scalar.Span;
        if (span.Start.Line != span.End.Line)
        {
            return span;
        }

        var sourceLength = span.End.Column - span.Start.Column;
        var quote = scalar.IsPlain ? 0 : 1;
        if (sourceLength != scalar.Value.Length + (2 * quote) || offset > scalar.Value.Length)
        {
            return span;
        }

        var start = new SourcePosition(span.Start.Line, span.Start.Column + quote + offset);
        return new SourceSpan(start, start.Line == span.End.Line && start.Column <= span.End.Column ? span.End : start);
    }
}
