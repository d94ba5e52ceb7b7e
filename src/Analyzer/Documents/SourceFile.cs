namespace KubeLint.Analyzer.Documents;

/// <summary>The text of one input, already decoded, with the path used in findings.</summary>
public sealed class SourceFile
{
    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as given by the user (relative paths stay relative); "-" for standard input.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>Translates a 0-based character offset into a 1-based line and column.</summary>
    public SourcePosition PositionOf(int offset)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(offset, Text.Length);
        for (var i = 0; i < end; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourcePosition(line, end - lineStart + 1);
    }
}
