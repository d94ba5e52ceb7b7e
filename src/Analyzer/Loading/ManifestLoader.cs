using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Loading;

/// <summary>Loads manifests (YAML streams or JSON) into <see cref="KubeObject"/>s, reporting every input problem as a finding.</summary>
public sealed class ManifestLoader
{
    public ManifestLoader(LoaderLimits? limits = null)
    {
        Limits = limits ?? LoaderLimits.Default;
    }

    public LoaderLimits Limits { get; }

    /// <summary>
    /// Called with each object of a file and the limits it was read with, once the file is loaded, on the thread that loaded it (files load in
    /// parallel): work that needs the object's whole tree runs here, before the tree is kept until the end of the run
    /// (<see cref="Schema.LoadedDefinitions"/>).
    /// </summary>
    public Action<KubeObject, LoaderLimits>? ObjectLoaded { get; init; }

    /// <summary>Decodes and loads raw bytes; undecodable input yields a finding and no documents.</summary>
    /// <param name="reopen">Reads the same bytes again, so that the file need not hold them after loading (<see cref="SourceFile.ReleaseText"/>).</param>
    public LoadResult Load(string path, byte[] bytes, Func<byte[]?>? reopen = null)
    {
        var result = new LoadResult();
        var file = SourceDecoder.Decode(path, bytes, Limits, result.Findings, reopen);
        if (file is not null)
        {
            result.Add(Load(file));
            file.ReleaseText();
        }
        else
        {
            result.Unreadable.AddRange(result.Findings.Select(f => UnreadableDocument.At(f.Location)));
        }

        return result;
    }

    public LoadResult Load(SourceFile file)
    {
        var result = new LoadResult();
        if (file.Text.Length > Limits.MaxFileBytes)
        {
            result.Findings.Add(Problem(InputRules.InputLimitExceeded, file, SourceSpan.At(1, 1), $"input is larger than {Limits.MaxFileBytes:N0} characters; skipped"));
            result.Unreadable.Add(UnreadableDocument.At(new SourceLocation(file.Path, SourceSpan.At(1, 1))));
            return result;
        }

        var reader = YamlStreamReader.Read(file, Limits);
        var template = reader.TemplateMarker ?? (reader.HadSyntaxError ? FindTemplateMarker(file) : null);
        if (template is { } marker)
        {
            // A template source is not a manifest: one clear finding instead of a cascade of misleading ones.
            result.Findings.Add(Problem(
                InputRules.UnrenderedTemplate,
                file,
                new SourceSpan(marker, new SourcePosition(marker.Line, marker.Column + 2)),
                "unrendered template placeholder '{{'; render the template first. The file is skipped"));
            UnreadableDocuments.CollectAll(file, result.Unreadable);
            return result;
        }

        if (EnvsubstPlaceholders.Find(file, reader.Documents) is var (names, first))
        {
            result.Findings.Add(Problem(
                InputRules.UnrenderedTemplate,
                file,
                new SourceSpan(first, new SourcePosition(first.Line, first.Column + 2)),
                $"unrendered template placeholders {string.Join(", ", names.Select(n => "${" + n + "}"))}; render the file first (e.g. with envsubst). The file is skipped"));
            UnreadableDocuments.CollectAll(file, result.Unreadable);
            return result;
        }

        result.Findings.AddRange(reader.Findings);
        foreach (var document in reader.Documents)
        {
            result.Documents.Add(document);
            AddObjects(document, result);
        }

        UnreadableDocuments.Collect(file, reader.Findings, reader.Documents, result.Unreadable);
        HelmSources.Annotate(result.Findings, [file]);
        if (ObjectLoaded is { } loaded)
        {
            foreach (var obj in result.Objects)
            {
                loaded(obj, Limits);
            }
        }

        return result;
    }

    private static void AddObjects(ParsedDocument document, LoadResult result)
    {
        switch (ManifestShape.Classify(document.Root))
        {
            case DocumentShape.Empty:
                return; // Empty and comment-only documents are fine.
            case DocumentShape.Other:
                result.OtherDocuments.Add(document);
                result.Findings.Add(Problem(
                    InputRules.NotAManifest,
                    document.File,
                    SourceSpan.At(document.Root!.Start.Line, document.Root.Start.Column),
                    $"document {document.Index + 1} is {ManifestShape.Describe(document.Root)}; skipped"));
                return;
        }

        switch (document.Root)
        {
            case YamlMapping root:
                AddObject(document, root, null, result);
                return;
            case { } other:
                result.Findings.Add(Problem(
                    InputRules.DocumentNotMapping,
                    document.File,
                    other.Span,
                    $"document {document.Index + 1} is {Article(other.TypeName)}, not a Kubernetes object"));
                return;
        }
    }

    private static void AddObject(ParsedDocument document, YamlMapping root, int? listIndex, LoadResult result)
    {
        var apiVersion = TypeMetaField(document, root, "apiVersion", result);
        var kind = TypeMetaField(document, root, "kind", result);
        if (apiVersion is null || kind is null)
        {
            result.Unreadable.Add(new UnreadableDocument(new SourceLocation(document.File.Path, root.Span), root.GetMapping("metadata")?.GetString("namespace"), namespaceKnown: true));
            return;
        }

        if (listIndex is null && kind.EndsWith("List", StringComparison.Ordinal) && root["items"] is YamlSequence items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items.Items[i] is YamlMapping item)
                {
                    AddObject(document, item, i, result);
                }
                else if (items.Items[i] is not YamlScalar { IsNull: true })
                {
                    result.Findings.Add(Problem(
                        InputRules.DocumentNotMapping,
                        document.File,
                        items.Items[i].Span,
                        $"item {i} of the {kind} is {Article(items.Items[i].TypeName)}, not a Kubernetes object"));
                }
            }

            return;
        }

        result.Objects.Add(new KubeObject(document, root, apiVersion, kind, listIndex));
    }

    private static string? TypeMetaField(ParsedDocument document, YamlMapping root, string key, LoadResult result)
    {
        var entry = root.GetEntry(key);
        if (entry?.Value is YamlScalar { Kind: ScalarKind.String } scalar && scalar.Value.Length > 0)
        {
            return scalar.Value;
        }

        var (span, message) = entry is null
            ? (SourceSpan.At(root.Start.Line, root.Start.Column), $"object has no {key}")
            : (entry.Value.Span, $"{key} must be a non-empty string, got {Describe(entry.Value)}");
        result.Findings.Add(Problem(InputRules.MissingTypeMeta, document.File, span, message));
        return null;
    }

    private static string Describe(YamlNode node) => node is YamlScalar s ? $"{s.TypeName} {s.ToDisplayString()}" : node.TypeName;

    private static string Article(string typeName) => typeName is "array" or "integer" ? "an " + typeName : "a " + typeName;

    /// <summary>The first '{{' of a file that did not parse; such files are nearly always Helm or envsubst templates.</summary>
    private static SourcePosition? FindTemplateMarker(SourceFile file)
    {
        var index = file.Text.IndexOf("{{", StringComparison.Ordinal);
        return index < 0 ? null : file.PositionOf(index);
    }

    private static Finding Problem(RuleDescriptor rule, SourceFile file, SourceSpan span, string message)
        => new(rule, rule.DefaultSeverity, message, new SourceLocation(file.Path, span), null);
}
