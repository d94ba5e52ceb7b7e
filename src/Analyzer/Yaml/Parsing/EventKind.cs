namespace KubeLint.Analyzer.Yaml.Parsing;

internal enum EventKind : byte
{
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias,
    Scalar,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}
