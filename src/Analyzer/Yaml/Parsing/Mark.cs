namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>A position in the input: 0-based character index, 1-based line and column.</summary>
internal readonly struct Mark
{
    public Mark(int index, int line, int column)
    {
        Index = index;
        Line = line;
        Column = column;
    }

    public int Index { get; }

    public int Line { get; }

    public int Column { get; }
}
