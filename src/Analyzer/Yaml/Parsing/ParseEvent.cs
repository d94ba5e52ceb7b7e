namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>One parsing event. <see cref="Value"/> is the scalar text or the alias name; <see cref="Tag"/> is resolved.</summary>
internal struct ParseEvent
{
    public EventKind Kind;
    public ScalarStyle Style;
    public Mark Start;
    public Mark End;
    public string? Value;
    public string? Anchor;
    public string? Tag;
}
