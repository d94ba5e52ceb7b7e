using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// A document the loader could not turn into an object (a syntax error, an unrendered template, an undecodable or
/// oversized file, an object candidate without apiVersion or kind). Rules that report something as absent from the
/// input hold back the conclusions it could change: those about its namespace, or about its file when the namespace
/// could not be read.
/// </summary>
public sealed class UnreadableDocument
{
    public UnreadableDocument(SourceLocation location, string? @namespace)
    {
        Location = location;
        Namespace = @namespace;
    }

    /// <summary>Where the document is, or where reading it failed.</summary>
    public SourceLocation Location { get; }

    /// <summary>Its metadata.namespace when that could be read; null when unknown.</summary>
    public string? Namespace { get; }

    public override string ToString() => Namespace is null ? $"{Location} (namespace unknown)" : $"{Location} (namespace {Namespace})";
}
