namespace KubeLint.Analyzer.Documents;

/// <summary>A range of source text; <see cref="End"/> is the position just after the last character.</summary>
public readonly record struct SourceSpan(SourcePosition Start, SourcePosition End)
{
    public static SourceSpan At(int line, int column) => new(new SourcePosition(line, column), new SourcePosition(line, column));

    public override string ToString() => $"{Start}-{End}";
}
