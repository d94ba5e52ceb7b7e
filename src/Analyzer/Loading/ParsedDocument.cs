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

    internal ParsedDocument(SourceFile file, int index, YamlNode? root, StreamChunk chunk, int chunkFirstIndex)
        : this(file, index, root)
    {
        Chunk = chunk;
        ChunkFirstIndex = chunkFirstIndex;
    }

    public SourceFile File { get; }

    public int Index { get; }

    /// <summary>The root as parsed, or the smaller tree that replaced it (<see cref="ReplaceRoot"/>).</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>The part of the stream the document was parsed from, and the index of that part's first document: enough to parse it again on its own.</summary>
    internal StreamChunk? Chunk { get; }

    internal int ChunkFirstIndex { get; }

    /// <summary>Drops the parsed tree for one that keeps only what later checks read; the file can give the full tree again.</summary>
    internal void ReplaceRoot(YamlNode root) => Root = root;
}
