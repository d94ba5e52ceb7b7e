using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Cli.Kustomize;

/// <summary>One step of a <see cref="FieldPath"/>: a mapping key, or a list item with its index and merge key.</summary>
internal readonly record struct PathStep(string? Key, int Index, string? IdentityKey, string? Identity)
{
    public static PathStep Of(string key) => new(key, -1, null, null);

    public override string ToString() => Key ?? (Identity is null ? $"[{Index}]" : $"[{IdentityKey}={Identity}]");
}

/// <summary>
/// Where a node sits in an object ("spec.template.spec.containers[name=app].image"), so that the same field can be
/// found in the file the object came from and in the patches applied to it. List items are matched by their merge
/// key when they have one (name for containers, volumes, env, ...; containerPort for ports), as strategic merge
/// patches match them, else by index.
/// </summary>
internal sealed class FieldPath
{
    // The merge keys of the lists of the core API (patchMergeKey in k8s.io/api), most specific first.
    private static readonly string[] IdentityKeys = ["name", "containerPort", "port", "mountPath", "devicePath", "ip"];

    private FieldPath(IReadOnlyList<PathStep> steps, bool atKey)
    {
        Steps = steps;
        AtKey = atKey;
    }

    public IReadOnlyList<PathStep> Steps { get; }

    /// <summary>True when the position was the key of the last step rather than its value.</summary>
    public bool AtKey { get; }

    /// <summary>
    /// True for the fields a strategic merge patch repeats only to say what it patches: apiVersion, kind,
    /// metadata.name and the merge key of a list item (a container's name). A patch does not set them.
    /// </summary>
    public bool IsIdentifying
        => Steps.Count switch
        {
            1 => Steps[0].Key is "apiVersion" or "kind",
            2 when Steps[0].Key == "metadata" => Steps[1].Key is "name" or "namespace",
            _ => Steps.Count >= 2 && Steps[^2].IdentityKey is { } identity && Steps[^1].Key == identity,
        };

    /// <summary>
    /// The path of the node of <paramref name="root"/> a finding points at: the node whose span is the finding's
    /// (a mapping starts where its first key does, so the span tells the two apart), else the innermost node at its start.
    /// </summary>
    public static FieldPath Of(YamlNode root, SourceSpan span)
    {
        var position = span.Start;
        var steps = new List<PathStep>();
        var node = root;
        while (true)
        {
            if (node.Span == span && steps.Count > 0)
            {
                return new FieldPath(steps, atKey: false);
            }

            switch (node)
            {
                case YamlMapping mapping:
                    YamlEntry? hit = null;
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.Key.Span == span || (Contains(entry.Key.Span, position) && !Contains(entry.Value.Span, position)))
                        {
                            steps.Add(PathStep.Of(entry.KeyText));
                            return new FieldPath(steps, atKey: true);
                        }

                        if (Contains(entry.Value.Span, position))
                        {
                            hit = entry;
                            break;
                        }
                    }

                    if (hit is null)
                    {
                        return new FieldPath(steps, atKey: false);
                    }

                    steps.Add(PathStep.Of(hit.KeyText));
                    node = hit.Value;
                    break;
                case YamlSequence sequence:
                    var index = -1;
                    for (var i = 0; i < sequence.Items.Count && index < 0; i++)
                    {
                        index = Contains(sequence.Items[i].Span, position) ? i : -1;
                    }

                    if (index < 0)
                    {
                        return new FieldPath(steps, atKey: false);
                    }

                    var (identityKey, identity) = IdentityOf(sequence.Items[index]);
                    steps.Add(new PathStep(null, index, identityKey, identity));
                    node = sequence.Items[index];
                    break;
                default:
                    return new FieldPath(steps, atKey: false);
            }
        }
    }

    /// <summary>
    /// How many steps a JSON pointer (RFC 6901, the paths of JSON 6902 patches) covers when it leads to this path or
    /// to one of its ancestors: a token is a key, or the index of a list item. -1 when it leads elsewhere.
    /// </summary>
    public int CoveredBy(string pointer)
    {
        var tokens = pointer.Length == 0 ? [] : pointer.Substring(1).Split('/');
        if (tokens.Length > Steps.Count)
        {
            return -1;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].Replace("~1", "/").Replace("~0", "~");
            var step = Steps[i];
            if (step.Key is { } key ? key != token : step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) != token)
            {
                return -1;
            }
        }

        return tokens.Length;
    }

    /// <summary>
    /// Follows the steps from <paramref name="start"/> in <paramref name="root"/>. Returns the node reached (the key
    /// of the last entry when <see cref="AtKey"/>), whether every step was found, and the scalar value there.
    /// </summary>
    public (YamlNode Node, bool Complete) Resolve(YamlNode root, int start = 0)
    {
        var node = root;
        for (var i = start; i < Steps.Count; i++)
        {
            var step = Steps[i];
            if (step.Key is { } key)
            {
                if ((node as YamlMapping)?.GetEntry(key) is not { } entry)
                {
                    return (node, false);
                }

                if (i == Steps.Count - 1 && AtKey)
                {
                    return (entry.Key, true);
                }

                node = entry.Value;
            }
            else if (node is YamlSequence sequence && ItemOf(sequence, step) is { } item)
            {
                node = item;
            }
            else
            {
                return (node, false);
            }
        }

        return (node, true);
    }

    /// <summary>The steps as a dotted path, for messages and tests.</summary>
    public override string ToString()
        => string.Concat(Steps.Select((s, i) => s.Key is null ? s.ToString() : (i == 0 ? s.Key : "." + s.Key)));

    private static YamlNode? ItemOf(YamlSequence sequence, PathStep step)
    {
        if (step.IdentityKey is { } identityKey)
        {
            foreach (var item in sequence.Items)
            {
                if (item is YamlMapping mapping && mapping.GetString(identityKey) == step.Identity)
                {
                    return item;
                }
            }

            return null;
        }

        return step.Index < sequence.Items.Count ? sequence.Items[step.Index] : null;
    }

    private static (string? Key, string? Value) IdentityOf(YamlNode item)
    {
        if (item is YamlMapping mapping)
        {
            foreach (var key in IdentityKeys)
            {
                if (mapping.GetString(key) is { } value)
                {
                    return (key, value);
                }
            }
        }

        return (null, null);
    }

    private static bool Contains(SourceSpan span, SourcePosition position)
        => span.Start.CompareTo(position) <= 0 && (position.CompareTo(span.End) < 0 || position == span.Start);
}
