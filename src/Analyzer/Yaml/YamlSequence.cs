using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Yaml;

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(IReadOnlyList<YamlNode> items, SourceSpan span, string? tag = null)
        : base(span, tag)
    {
        Items = items;
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public int Count => Items.Count;

    public override string TypeName => "array";

    public IEnumerable<YamlMapping> Mappings => Items.OfType<YamlMapping>();
}
