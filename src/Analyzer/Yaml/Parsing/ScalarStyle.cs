namespace KubeLint.Analyzer.Yaml.Parsing;

internal enum ScalarStyle : byte
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}
