using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Cli.Kustomize;

/// <summary>
/// A patch of a kustomization: a strategic merge patch (a partial object) or a JSON 6902 patch (a list of
/// operations), in its own file or inline in the kustomization. Answers where it sets a field of an object it applies to.
/// </summary>
internal sealed class KustomizePatch
{

    // For an inline literal block scalar: the kustomization line of the patch text's first line, and its indentation.
    // Null for a patch file (positions are its own) or an inline patch in another style (positions are the entry's).
    private readonly (int Line, int Column)? _shift;
    private readonly YamlNode _declaration;
    private readonly bool _inlineUnmapped;

    private KustomizePatch(Kustomization owner, YamlNode declaration, string? filePath, YamlMapping? target, SourceFile source, IReadOnlyList<YamlNode> documents, (int, int)? shift, bool inlineUnmapped)
    {
        Owner = owner;
        _declaration = declaration;
        FilePath = filePath;
        Target = target;
        Source = source;
        Documents = documents;
        _shift = shift;
        _inlineUnmapped = inlineUnmapped;
    }

    public Kustomization Owner { get; }

    /// <summary>The patch file (absolute), or null for an inline patch.</summary>
    public string? FilePath { get; }

    /// <summary>The target selector (kind, name, namespace, group, version, labelSelector), if the kustomization gives one.</summary>
    public YamlMapping? Target { get; }

    public IReadOnlyList<YamlNode> Documents { get; }

    /// <summary>The patch file, or the kustomization file for an inline patch.</summary>
    public SourceFile Source { get; }

    public static KustomizePatch? FromFile(Kustomization owner, YamlScalar declaration, string? path, YamlMapping? target)
    {
        if (path is null)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var source = new SourceFile(owner.Display(path), text);
        return new KustomizePatch(owner, declaration, path, target, source, Roots(source), shift: null, inlineUnmapped: false);
    }

    public static KustomizePatch Inline(Kustomization owner, YamlScalar declaration, YamlMapping? target)
    {
        var source = new SourceFile(owner.File.Path, declaration.Value);
        var shift = LiteralBlockShift(owner.File.Text, declaration);
        return new KustomizePatch(owner, declaration, null, target, source, Roots(source), shift, inlineUnmapped: shift is null);
    }

    /// <summary>
    /// Where this patch sets the field at <paramref name="path"/> of <paramref name="obj"/> (originally named
    /// <paramref name="sourceName"/>), or null when it does not apply to the object or does not set that field.
    /// <paramref name="leafOnly"/> asks for a patch that sets the field's whole value (the object's file defines the rest).
    /// </summary>
    public SourceLocation? Locate(KubeObject obj, string? sourceName, FieldPath path, bool leafOnly)
    {
        if ((Target is { } target && !Selects(target, obj, sourceName)) || path.IsIdentifying)
        {
            return null;
        }

        for (var d = Documents.Count - 1; d >= 0; d--)
        {
            switch (Documents[d])
            {
                case YamlSequence operations when Target is not null:
                    if (LocateInOperations(operations, path) is { } inOperation)
                    {
                        return inOperation;
                    }

                    break;
                case YamlMapping merge when (Target is not null || Names(merge, obj, sourceName))
                                              && path.Resolve(merge) is (var node, true) && (!leafOnly || node is YamlScalar):
                    return LocationOf(node);
            }
        }

        return null;
    }

    /// <summary>The last add or replace operation whose path leads to the field or to one of its ancestors.</summary>
    private SourceLocation? LocateInOperations(YamlSequence operations, FieldPath path)
    {
        for (var i = operations.Items.Count - 1; i >= 0; i--)
        {
            if (operations.Items[i] is not YamlMapping operation
                || operation.GetString("op") is not ("add" or "replace")
                || operation.GetString("path") is not { } pointer
                || operation["value"] is not { } value)
            {
                continue;
            }

            var covered = path.CoveredBy(pointer);
            if (covered >= 0 && path.Resolve(value, covered) is (var node, true))
            {
                return LocationOf(node);
            }
        }

        return null;
    }

    private SourceLocation LocationOf(YamlNode node)
    {
        if (_inlineUnmapped)
        {
            return new SourceLocation(Source.Path, _declaration.Span);
        }

        if (_shift is not { } shift)
        {
            return new SourceLocation(Source.Path, node.Span);
        }

        static SourcePosition Move(SourcePosition p, (int Line, int Column) s) => new(p.Line + s.Line - 1, p.Column + s.Column - 1);
        return new SourceLocation(Source.Path, new SourceSpan(Move(node.Span.Start, shift), Move(node.Span.End, shift)));
    }

    /// <summary>A strategic merge patch without target applies to the object of its kind and name.</summary>
    private static bool Names(YamlMapping merge, KubeObject obj, string? sourceName)
        => merge.GetString("kind") == obj.Kind
           && merge.GetMapping("metadata")?.GetString("name") is { } name
           && NameMatches(name, obj, sourceName, regex: false);

    /// <summary>kustomize's types.Selector: every field given must match; name and namespace are anchored regular expressions.</summary>
    private static bool Selects(YamlMapping target, KubeObject obj, string? sourceName)
    {
        bool Equal(string key, string actual) => target.GetString(key) is not { } wanted || wanted == actual;
        return Equal("kind", obj.Kind) && Equal("group", obj.Group) && Equal("version", obj.Version)
            && (target.GetString("name") is not { } name || NameMatches(name, obj, sourceName, regex: true))
            && (target.GetString("namespace") is not { } ns || Anchored(ns, obj.Namespace ?? string.Empty))
            && (target.GetString("labelSelector") is not { } labels || SelectorMayMatch(labels, obj.Labels))
            && (target.GetString("annotationSelector") is not { } annotations || SelectorMayMatch(annotations, obj.Annotations));
    }

    /// <summary>
    /// The object was <paramref name="sourceName"/> in its file and is <see cref="KubeObject.Name"/> in the output; a
    /// patch between the two names it with the prefixes and suffixes added so far.
    /// </summary>
    private static bool NameMatches(string pattern, KubeObject obj, string? sourceName, bool regex)
    {
        if (regex)
        {
            return Anchored(pattern, obj.Name) || (sourceName is not null && Anchored(pattern, sourceName));
        }

        return pattern == obj.Name || pattern == sourceName
            || (sourceName is not null && pattern.Contains(sourceName) && obj.Name.Contains(pattern));
    }

    private static bool Anchored(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return pattern == value;
        }
    }

    /// <summary>Equality requirements (k=v, k==v, k!=v, k) are checked; anything more complex is assumed to match.</summary>
    private static bool SelectorMayMatch(string selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var part in selector.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (part.IndexOfAny(['(', ' ']) >= 0)
            {
                continue;
            }

            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=');
            if (notEqual > 0)
            {
                if (labels.TryGetValue(part.Substring(0, notEqual), out var value) && value == part.Substring(notEqual + 2))
                {
                    return false;
                }
            }
            else if (equal > 0)
            {
                var key = part.Substring(0, equal);
                var wanted = part.Substring(equal + 1).TrimStart('=');
                if (!labels.TryGetValue(key, out var value) || value != wanted)
                {
                    return false;
                }
            }
            else if (part[0] == '!' ? labels.ContainsKey(part.Substring(1)) : !labels.ContainsKey(part))
            {
                return false;
            }
        }

        return true;
    }

    private static List<YamlNode> Roots(SourceFile source)
        => new ManifestLoader().Load(source).Documents.Select(d => d.Root).OfType<YamlNode>().ToList();

    /// <summary>
    /// The text of a literal block scalar ("patch: |") starts on the line after the indicator, indented by the
    /// indentation of its first non-empty line; its lines are the scalar's lines with that indentation removed.
    /// </summary>
    private static (int Line, int Column)? LiteralBlockShift(string text, YamlScalar scalar)
    {
        var lines = text.Split('\n');
        var indicatorLine = scalar.Start.Line - 1;
        if (indicatorLine >= lines.Length || scalar.Start.Column - 1 >= lines[indicatorLine].Length || lines[indicatorLine][scalar.Start.Column - 1] != '|')
        {
            return null;
        }

        for (var i = indicatorLine + 1; i < lines.Length; i++)
        {
            var content = lines[i].TrimEnd('\r');
            if (content.Trim().Length > 0)
            {
                return (indicatorLine + 2, content.Length - content.TrimStart(' ').Length + 1);
            }
        }

        return null;
    }
}
