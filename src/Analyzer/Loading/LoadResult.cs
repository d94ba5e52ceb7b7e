using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Loading;

/// <summary>What loading produced: the parsed documents, the Kubernetes objects in them, the other YAML and the input problems found.</summary>
public sealed class LoadResult
{
    public List<ParsedDocument> Documents { get; } = [];

    public List<KubeObject> Objects { get; } = [];

    public List<Finding> Findings { get; } = [];

    /// <summary>Documents that are not Kubernetes objects (CI workflows, Helm values, ...): skipped, and only counted.</summary>
    public List<ParsedDocument> OtherDocuments { get; } = [];

    /// <summary>Documents that could not be read; cross-object rules hold back the conclusions they could change.</summary>
    public List<UnreadableDocument> Unreadable { get; } = [];

    public void Add(LoadResult other)
    {
        Documents.AddRange(other.Documents);
        Objects.AddRange(other.Objects);
        Findings.AddRange(other.Findings);
        OtherDocuments.AddRange(other.OtherDocuments);
        Unreadable.AddRange(other.Unreadable);
    }
}
