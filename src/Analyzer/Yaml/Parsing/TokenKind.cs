namespace KubeLint.Analyzer.Yaml.Parsing;

internal enum TokenKind : byte
{
    StreamStart,
    StreamEnd,
    VersionDirective,
    TagDirective,
    DocumentStart,
    DocumentEnd,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias,
    Anchor,
    Tag,
    Scalar,

    /// <summary>A problem found while scanning ahead; reported when the parser reaches it, as the reference YAML parsers do.</summary>
    Error,
}
