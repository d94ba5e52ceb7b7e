using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Cli.Kustomize;

/// <summary>
/// Maps findings on the output of one <c>kustomize build</c> back to the files a user edits. Each output object
/// carries <c>config.kubernetes.io/origin</c> (the build asks for <c>buildMetadata: [originAnnotations]</c>): the
/// file it came from, or the kustomization and generator that made it. The finding's field path is then looked up,
/// in order, in the patches of the kustomizations on the way (the last one applied first), in the transformer
/// fields that set it (namespace, labels, annotations, images, replicas), in the generator, and in the object's own
/// document, where the deepest existing ancestor stands in for a field the build added.
/// </summary>
internal sealed class KustomizeSourceMap
{
    public const string OriginAnnotation = "config.kubernetes.io/origin";

    private readonly KustomizationCatalog _catalog;
    private readonly Kustomization _root;
    private readonly string _wrapperDirectory;
    private readonly IReadOnlyList<KubeObject> _objects;
    private readonly Dictionary<string, IReadOnlyList<KubeObject>?> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Kustomization>> _chains = new(StringComparer.Ordinal);
    private List<Kustomization>? _tree;

    public KustomizeSourceMap(KustomizationCatalog catalog, Kustomization root, string wrapperDirectory, string outputPath, IReadOnlyList<KubeObject> objects)
    {
        _catalog = catalog;
        _root = root;
        _wrapperDirectory = wrapperDirectory;
        OutputPath = outputPath;
        _objects = objects;
    }

    /// <summary>The path the build output was loaded under; only findings there are mapped.</summary>
    public string OutputPath { get; }

    /// <summary>The files findings may have been mapped into, for their <c># kubelint:ignore</c> comments.</summary>
    public IEnumerable<SourceFile> SourceFiles()
    {
        return Tree.Select(k => k.File)
            .Concat(Tree.SelectMany(k => k.Patches).Select(p => p.Source))
            .Concat(_sources.Values.SelectMany(objects => objects ?? []).Select(o => o.File))
            .Distinct();
    }

    public Finding Map(Finding finding)
    {
        if (finding.Location.FilePath != OutputPath)
        {
            return finding;
        }

        var obj = ObjectAt(finding.Location.Span.Start);
        var location = obj is null ? null : Locate(obj, FieldPath.Of(obj.Root, finding.Location.Span));
        return finding.WithLocation(location ?? new SourceLocation(_root.File.Path, SourceSpan.At(1, 1)));
    }

    /// <summary>The output object containing a position; the objects are in document order, so a binary search finds it.</summary>
    private KubeObject? ObjectAt(SourcePosition position)
    {
        int low = 0, high = _objects.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var span = _objects[middle].Root.Span;
            if (position.CompareTo(span.Start) < 0)
            {
                high = middle - 1;
            }
            else if (position.CompareTo(span.End) > 0)
            {
                low = middle + 1;
            }
            else
            {
                return _objects[middle];
            }
        }

        return null;
    }

    private List<Kustomization> Tree => _tree ??= _catalog.Tree(_root);

    private List<Kustomization> ChainOf(Kustomization owner)
    {
        if (!_chains.TryGetValue(owner.Directory, out var chain))
        {
            chain = _catalog.Chain(_root, owner);
            _chains[owner.Directory] = chain;
        }

        return chain;
    }

    private SourceLocation? Locate(KubeObject obj, FieldPath path)
    {
        var origin = Origin(obj);
        var (file, generatedIn, generator) = origin;
        var owner = generatedIn is not null
            ? _catalog.At(Path.GetDirectoryName(generatedIn)!)
            : Tree.FirstOrDefault(k => file is not null && k.ResourceFiles.Contains(file, StringComparer.Ordinal));
        var source = file is null ? null : SourceObject(file, obj);
        var sourceName = source?.Name;
        var (sourceNode, complete) = source is null ? (null, false) : path.Resolve(source.Root);
        var chain = owner is null ? [_root] : ChainOf(owner);

        // A patch wins where it sets the field's value, or defines a field the object's own document lacks.
        foreach (var kustomization in chain)
        {
            for (var i = kustomization.Patches.Count - 1; i >= 0; i--)
            {
                if (kustomization.Patches[i].Locate(obj, sourceName, path, leafOnly: complete) is { } patched)
                {
                    return patched;
                }
            }
        }

        var renderedNode = path.Resolve(obj.Root).Node;
        var changed = !complete || (sourceNode is YamlScalar before && renderedNode is YamlScalar after && before.Value != after.Value);
        if (changed)
        {
            foreach (var kustomization in chain)
            {
                if (KustomizeTransformers.Locate(kustomization, path, obj, sourceName, sourceNode as YamlScalar) is { } transformed)
                {
                    return new SourceLocation(kustomization.File.Path, transformed.Span);
                }
            }
        }

        if (generator is not null && owner is not null && KustomizeTransformers.LocateGenerated(owner, generator, obj, path) is { } generated)
        {
            return new SourceLocation(owner.File.Path, generated.Span);
        }

        return source is null ? null : new SourceLocation(source.File.Path, sourceNode!.Span);
    }

    /// <summary>The origin annotation: the source file (absolute), or the kustomization and generator kind that made the object.</summary>
    private (string? File, string? GeneratedIn, string? Generator) Origin(KubeObject obj)
    {
        if (!obj.Annotations.TryGetValue(OriginAnnotation, out var text))
        {
            return (null, null, null);
        }

        var origin = new ManifestLoader().Load(new SourceFile(OriginAnnotation, text)).Documents.Select(d => d.Root).OfType<YamlMapping>().FirstOrDefault();
        if (origin is null || origin.ContainsKey("repo"))
        {
            return (null, null, null); // A remote resource: not a file of this repository.
        }

        string? Absolute(string? relative) => relative is null ? null : Path.GetFullPath(Path.Combine(_wrapperDirectory, relative));
        return (Absolute(origin.GetString("path")), Absolute(origin.GetString("configuredIn")), origin.GetMapping("configuredBy")?.GetString("kind"));
    }

    /// <summary>The document of <paramref name="file"/> the object was built from: same kind, and the name the build extended.</summary>
    private KubeObject? SourceObject(string file, KubeObject obj)
    {
        if (!_sources.TryGetValue(file, out var objects))
        {
            try
            {
                objects = new ManifestLoader().Load(new SourceFile(_root.Display(file), File.ReadAllText(file))).Objects;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                objects = null;
            }

            _sources[file] = objects;
        }

        var candidates = objects?.Where(o => o.Kind == obj.Kind && o.Group == obj.Group).ToList() ?? [];
        return candidates.FirstOrDefault(o => o.Name == obj.Name)
            ?? candidates.Where(o => o.Name.Length > 0 && obj.Name.Contains(o.Name)).OrderByDescending(o => o.Name.Length).FirstOrDefault()
            ?? (candidates.Count == 1 ? candidates[0] : null);
    }
}
