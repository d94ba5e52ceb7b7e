using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Yaml;

/// <summary>
/// A node of a parsed YAML (or JSON) document with the exact span it was read from.
/// Aliases are resolved to the anchored node, so one node instance may appear in several places.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(SourceSpan span, string? tag)
    {
        Span = span;
        Tag = tag;
    }

    public SourceSpan Span { get; }

    public SourcePosition Start => Span.Start;

    /// <summary>The explicit tag (e.g. "tag:yaml.org,2002:str"), or null when the node was untagged.</summary>
    public string? Tag { get; }

    /// <summary>A short name for messages: "mapping", "sequence", or the scalar's resolved type.</summary>
    public abstract string TypeName { get; }
}
