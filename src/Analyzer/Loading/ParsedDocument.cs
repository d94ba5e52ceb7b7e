using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Loading;

/// <summary>One document of a YAML stream: its 0-based index in the file and its root (null for an empty document).</summary>
public sealed class ParsedDocument
{
    public ParsedDocument(SourceFile file, int index, YamlNode? root)
    {
        File = file;
        Index = index;
        Root = root;
    }

    public SourceFile File { get; }

    public int Index { get; }

    public YamlNode? Root { get; }
}
