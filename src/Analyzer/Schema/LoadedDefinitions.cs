using System.Collections.Concurrent;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// Validates each CustomResourceDefinition while the input loads, then lets its schemas go. They are most of the
/// bytes of a typical input (a CRD bundle is megabytes of openAPIV3Schema, nine tenths of the real-world corpus),
/// and every tree of the input is otherwise held until the cross-object passes end, so memory grew with the input.
/// Once the definition itself is checked, only custom resources of its kind read the schemas again, and
/// <see cref="CustomResourceSchemas"/> parses them from the file when one does. The rest of the object stays:
/// cross-object rules, suppressions and the report read its metadata, names and versions.
/// Thread-safe: files load in parallel.
/// </summary>
public sealed class LoadedDefinitions
{
    private readonly ConcurrentDictionary<KubeObject, AnalysisContext> _validated = new();

    // As the engine runs a pass only when one of its rules is on, the definitions are validated only then.
    private readonly bool _validate;

    /// <param name="options">The options of the run the definitions are validated for (the engine's instance).</param>
    public LoadedDefinitions(AnalysisOptions options)
    {
        Options = options;
        _validate = SchemaRules.All.Any(options.IsEnabled);
    }

    public AnalysisOptions Options { get; }

    /// <summary>For each object of a file once the file is loaded with <paramref name="limits"/>.</summary>
    public void Loaded(KubeObject obj, LoaderLimits limits)
    {
        if (Reduced(obj) is not { } reduced)
        {
            return;
        }

        if (_validate && SchemaValidationPass.ValidateAlone(obj, Options) is { } findings)
        {
            _validated[obj] = findings;
        }

        obj.ReplaceRoot(reduced, limits);
    }

    /// <summary>
    /// For definitions that are not validated, only read for their schemas (<c>--crd</c>): lets the schemas go at
    /// once, to be parsed again for the custom resources that need them.
    /// </summary>
    public static void ReleaseSchemas(KubeObject obj, LoaderLimits limits)
    {
        if (Reduced(obj) is { } reduced)
        {
            obj.ReplaceRoot(reduced, limits);
        }
    }

    private static YamlMapping? Reduced(KubeObject obj)
        => obj.Is("apiextensions.k8s.io", "CustomResourceDefinition") && obj.ListIndex is null && obj.Document.Chunk is not null
            ? WithoutSchemas(obj.Root)
            : null;

    /// <summary>The findings of a definition validated while it loaded.</summary>
    internal bool TryGetValidated(KubeObject obj, out AnalysisContext findings) => _validated.TryGetValue(obj, out findings!);

    /// <summary>
    /// The definition without <c>spec.versions[*].schema</c> and <c>spec.validation</c> (apiextensions v1beta1),
    /// every other node the same instance; null when it has neither.
    /// </summary>
    private static YamlMapping? WithoutSchemas(YamlMapping root)
    {
        if (root.GetEntry("spec") is not { Value: YamlMapping spec } specEntry)
        {
            return null;
        }

        var changed = false;
        var entries = new List<YamlEntry>(spec.Count);
        foreach (var entry in spec.Entries)
        {
            switch (entry.KeyText)
            {
                case "validation":
                    changed = true;
                    continue;
                case "versions" when entry.Value is YamlSequence versions && WithoutVersionSchemas(versions) is { } reduced:
                    changed = true;
                    entries.Add(new YamlEntry(entry.Key, reduced, entry.KeyText));
                    continue;
                default:
                    entries.Add(entry);
                    continue;
            }
        }

        return changed ? Replace(root, specEntry, new YamlMapping(entries, spec.Span, spec.Tag)) : null;
    }

    private static YamlSequence? WithoutVersionSchemas(YamlSequence versions)
    {
        var changed = false;
        var items = new YamlNode[versions.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = versions.Items[i];
            if (items[i] is YamlMapping version && version.ContainsKey("schema"))
            {
                items[i] = new YamlMapping(version.Entries.Where(e => e.KeyText != "schema").ToList(), version.Span, version.Tag);
                changed = true;
            }
        }

        return changed ? new YamlSequence(items, versions.Span, versions.Tag) : null;
    }

    private static YamlMapping Replace(YamlMapping mapping, YamlEntry old, YamlNode value)
    {
        var entries = new List<YamlEntry>(mapping.Count);
        foreach (var entry in mapping.Entries)
        {
            entries.Add(ReferenceEquals(entry, old) ? new YamlEntry(entry.Key, value, entry.KeyText) : entry);
        }

        return new YamlMapping(entries, mapping.Span, mapping.Tag);
    }
}
