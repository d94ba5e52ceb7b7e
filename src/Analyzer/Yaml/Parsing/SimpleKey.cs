namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>A place where a key without '?' may have started; confirmed when a ':' follows on the same line.</summary>
internal struct SimpleKey
{
    public bool IsPossible;
    public bool IsRequired;
    public int TokenNumber;
    public Mark Mark;
}
