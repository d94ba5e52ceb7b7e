namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>The input is not valid YAML; <see cref="Start"/> is where the problem was found.</summary>
internal sealed class YamlSyntaxException : Exception
{
    public YamlSyntaxException(Mark start, string message)
        : base(message)
    {
        Start = start;
    }

    public Mark Start { get; }
}
