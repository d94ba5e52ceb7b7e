using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Model;

/// <summary>A Kubernetes object read from a manifest, with its source tree for exact positions.</summary>
public sealed class KubeObject
{
    private static readonly IReadOnlyDictionary<string, string> NoStrings = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string>? _labels;
    private IReadOnlyDictionary<string, string>? _annotations;
    private LoaderLimits? _rereadLimits;
    private YamlMapping _root;

    public KubeObject(ParsedDocument document, YamlMapping root, string apiVersion, string kind, int? listIndex = null)
    {
        Document = document;
        _root = root;
        ApiVersion = apiVersion;
        Kind = kind;
        ListIndex = listIndex;
        var slash = apiVersion.IndexOf('/');
        Group = slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
        Version = slash < 0 ? apiVersion : apiVersion.Substring(slash + 1);
        Metadata = root.GetMapping("metadata");
        Name = Metadata?.GetString("name") ?? Metadata?.GetString("generateName") ?? string.Empty;
        Namespace = Metadata?.GetString("namespace");
        Reference = new ObjectReference(apiVersion, kind, Namespace, Name);

        // Computed once: rules pairing every Service with every pod template ask for it constantly.
        EffectiveNamespace = ClusterScopedKinds.Contains(Group, Kind) ? null : Namespace ?? "default";
    }

    public ParsedDocument Document { get; }

    public SourceFile File => Document.File;

    /// <summary>
    /// The object's mapping: the document root, or an item of a List. After <see cref="ReplaceRoot"/>, a tree with
    /// the same nodes except the parts that were let go (<see cref="ParsedRoot"/> gives them back).
    /// </summary>
    public YamlMapping Root => _root;

    /// <summary>True when parts of <see cref="Root"/> were let go after the checks that read them.</summary>
    public bool IsReduced => _rereadLimits is not null;

    public string ApiVersion { get; }

    /// <summary>The API group; empty for the core group ("v1").</summary>
    public string Group { get; }

    public string Version { get; }

    public string Kind { get; }

    /// <summary>Position of the object inside a List document, or null.</summary>
    public int? ListIndex { get; }

    public YamlMapping? Metadata { get; }

    /// <summary>metadata.name, else metadata.generateName, else empty.</summary>
    public string Name { get; }

    /// <summary>metadata.namespace as written; null when absent.</summary>
    public string? Namespace { get; }

    /// <summary>The namespace the object lands in when applied without -n: its own, or "default"; null if cluster-scoped.</summary>
    public string? EffectiveNamespace { get; }

    public ObjectReference Reference { get; }

    public IReadOnlyDictionary<string, string> Labels => _labels ??= ReadStringMap(Metadata?.GetMapping("labels"));

    public IReadOnlyDictionary<string, string> Annotations => _annotations ??= ReadStringMap(Metadata?.GetMapping("annotations"));

    public YamlMapping? Spec => Root.GetMapping("spec");

    /// <summary>
    /// Replaces the tree with <paramref name="reduced"/> (the same nodes, less the parts no later check reads), so
    /// that the parsed tree can be collected; <see cref="ParsedRoot"/> parses it again from the file with
    /// <paramref name="limits"/>. Only for a document's root object.
    /// </summary>
    internal void ReplaceRoot(YamlMapping reduced, LoaderLimits limits)
    {
        if (ListIndex is not null || Document.Chunk is null)
        {
            throw new InvalidOperationException("only the root object of a document read from a stream can be reduced");
        }

        _root = reduced;
        Document.ReplaceRoot(reduced);
        _rereadLimits = limits;
    }

    /// <summary>The tree as parsed: <see cref="Root"/>, or, for a reduced object, its document parsed again.</summary>
    public YamlMapping ParsedRoot()
    {
        if (_rereadLimits is not { } limits)
        {
            return _root;
        }

        // The same text parsed again gives the same tree; anything else is a defect, not a problem of the input.
        return YamlStreamReader.Reread(Document, limits)?.Root as YamlMapping
            ?? throw new InvalidOperationException($"{this}: the document could not be parsed again");
    }

    public SourceLocation LocationOf(YamlNode node) => new(File.Path, node.Span);

    public bool Is(string group, string kind) => Group == group && Kind == kind;

    public override string ToString() => $"{Reference} ({File.Path}:{Root.Start})";

    /// <summary>Reads a map of strings, rendering non-string scalars as written (the API would reject them; schema checks report that).</summary>
    public static IReadOnlyDictionary<string, string> ReadStringMap(YamlMapping? map)
    {
        if (map is null || map.Count == 0)
        {
            return NoStrings;
        }

        var result = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.Value is YamlScalar scalar)
            {
                result[entry.KeyText] = scalar.IsNull ? string.Empty : scalar.Value;
            }
        }

        return result;
    }
}
