using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Loading;

/// <summary>What loading produced: the parsed documents, the Kubernetes objects in them and the input problems found.</summary>
public sealed class LoadResult
{
    public List<ParsedDocument> Documents { get; } = [];

    public List<KubeObject> Objects { get; } = [];

    public List<Finding> Findings { get; } = [];

    public void Add(LoadResult other)
    {
        Documents.AddRange(other.Documents);
        Objects.AddRange(other.Objects);
        Findings.AddRange(other.Findings);
    }
}
