namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>
/// One token. <see cref="Value"/> is the scalar text, anchor or alias name, tag suffix, directive prefix or error message;
/// <see cref="Handle"/> is the tag or directive handle.
/// </summary>
internal struct Token
{
    public TokenKind Kind;
    public ScalarStyle Style;
    public Mark Start;
    public Mark End;
    public string? Value;
    public string? Handle;

    public Token(TokenKind kind, Mark start, Mark end, string? value = null, string? handle = null, ScalarStyle style = ScalarStyle.Plain)
    {
        Kind = kind;
        Start = start;
        End = end;
        Value = value;
        Handle = handle;
        Style = style;
    }
}
