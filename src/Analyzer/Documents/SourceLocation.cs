namespace KubeLint.Analyzer.Documents;

/// <summary>A span inside a named file; <see cref="FilePath"/> is the path as the user gave it (or "-" for stdin).</summary>
public readonly record struct SourceLocation(string FilePath, SourceSpan Span)
{
    public override string ToString() => $"{FilePath}:{Span.Start.Line}:{Span.Start.Column}";
}
