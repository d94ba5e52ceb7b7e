using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// A document the loader could not turn into an object (a syntax error, an unrendered template, an undecodable or
/// oversized file, an object candidate without apiVersion or kind). Rules that report something as absent from the
/// input hold back the conclusions it could change: those about its namespace (a document without one lands wherever
/// it is applied, like every object without one), or about its file when the namespace could not be read.
/// </summary>
public sealed class UnreadableDocument
{
    public UnreadableDocument(SourceLocation location, string? @namespace, bool namespaceKnown)
    {
        Location = location;
        Namespace = @namespace;
        NamespaceKnown = namespaceKnown;
    }

    /// <summary>Where the document is, or where reading it failed.</summary>
    public SourceLocation Location { get; }

    /// <summary>Its metadata.namespace; null when it sets none or when that could not be read (see <see cref="NamespaceKnown"/>).</summary>
    public string? Namespace { get; }

    /// <summary>False when the document's metadata could not be read (or names its namespace with a placeholder).</summary>
    public bool NamespaceKnown { get; }

    /// <summary>A document of which nothing could be read.</summary>
    public static UnreadableDocument At(SourceLocation location) => new(location, null, namespaceKnown: false);

    public override string ToString()
        => !NamespaceKnown ? $"{Location} (namespace unknown)" : Namespace is null ? $"{Location} (no namespace)" : $"{Location} (namespace {Namespace})";
}
