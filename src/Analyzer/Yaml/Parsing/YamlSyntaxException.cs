namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>The input is not valid YAML; <see cref="Start"/> is where the problem was found.</summary>
#pragma warning disable CA1032, CA1064 // Internal to the loader, which always constructs it with a position.
internal sealed class YamlSyntaxException : Exception
#pragma warning restore CA1032, CA1064
{
    public YamlSyntaxException(Mark start, string message)
        : base(message)
    {
        Start = start;
    }

    public Mark Start { get; }
}
