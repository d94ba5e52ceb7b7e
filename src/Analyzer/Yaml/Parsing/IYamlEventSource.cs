namespace KubeLint.Analyzer.Yaml.Parsing;

/// <summary>
/// A stream of parsing events over one input. <see cref="YamlParser"/> is the loader's; tests plug in a second,
/// independent parser behind the same tree building to check that both read every input alike.
/// </summary>
internal interface IYamlEventSource
{
    /// <summary>Produces the next event; false after the end of the stream. Malformed input throws <see cref="YamlSyntaxException"/>.</summary>
    bool Next(out ParseEvent evt);
}
