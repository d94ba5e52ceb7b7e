using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>
/// A pod (anti-)affinity term (framework.AffinityTerm): pods matching the selector, in the listed namespaces or in
/// namespaces matching the namespaceSelector, within one topology domain.
/// </summary>
public sealed class PodAffinityTerm
{
    private readonly NamespaceDirectory? _namespaces;

    private PodAffinityTerm(LabelSelector? selector, IReadOnlyList<string> namespaces, LabelSelector? namespaceSelector, NamespaceDirectory? directory, string topologyKey)
    {
        Selector = selector;
        Namespaces = namespaces;
        NamespaceSelector = namespaceSelector;
        _namespaces = directory;
        TopologyKey = topologyKey;
    }

    /// <summary>Null selector matches no pod (as upstream: a nil labelSelector selects nothing).</summary>
    public LabelSelector? Selector { get; }

    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>namespaceSelector; null selects no namespace, an empty one every namespace.</summary>
    public LabelSelector? NamespaceSelector { get; }

    public string TopologyKey { get; }

    /// <summary>AffinityTerm.Matches: the pod's namespace is listed or selected, and its labels match.</summary>
    public bool Matches(SimPod pod)
    {
        if (Selector is null || !Selector.Matches(pod.Labels))
        {
            return false;
        }

        for (var i = 0; i < Namespaces.Count; i++)
        {
            if (Namespaces[i] == pod.Namespace)
            {
                return true;
            }
        }

        return NamespaceSelector is not null && (NamespaceSelector.IsEmpty || (_namespaces is not null && NamespaceSelector.Matches(_namespaces.LabelsOf(pod.Namespace))));
    }

    /// <summary>
    /// Reads a term (getNamespacesFromPodAffinityTerm: neither namespaces nor namespaceSelector means the pod's own
    /// namespace). With <paramref name="podLabels"/> (MatchLabelKeysInPodAffinity, on since 1.31), the API server
    /// merges matchLabelKeys as "key in (value)" and mismatchLabelKeys as "key notin (value)" into the selector.
    /// </summary>
    public static PodAffinityTerm? Read(YamlMapping? term, string podNamespace, NamespaceDirectory? directory, IReadOnlyDictionary<string, string>? podLabels)
    {
        if (term is null)
        {
            return null;
        }

        var namespaces = term.GetSequence("namespaces")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray() ?? [];
        var namespaceSelector = term.GetMapping("namespaceSelector") is { } ns ? LabelSelector.FromLabelSelector(ns) : null;
        var selector = term.GetMapping("labelSelector") is { } s ? LabelSelector.FromLabelSelector(s) : null;
        if (selector is not null && podLabels is not null)
        {
            selector = MergeLabelKeys(selector, term, podLabels);
        }

        return new PodAffinityTerm(
            selector,
            namespaces.Length > 0 || namespaceSelector is not null ? namespaces : [podNamespace],
            namespaceSelector,
            directory,
            term.GetString("topologyKey") ?? string.Empty);
    }

    private static LabelSelector MergeLabelKeys(LabelSelector selector, YamlMapping term, IReadOnlyDictionary<string, string> podLabels)
    {
        var extra = new List<LabelRequirement>();
        foreach (var key in term.GetSequence("matchLabelKeys")?.Items.OfType<YamlScalar>() ?? [])
        {
            if (podLabels.TryGetValue(key.Value, out var value))
            {
                extra.Add(new LabelRequirement(key.Value, LabelOperator.In, [value]));
            }
        }

        foreach (var key in term.GetSequence("mismatchLabelKeys")?.Items.OfType<YamlScalar>() ?? [])
        {
            if (podLabels.TryGetValue(key.Value, out var value))
            {
                extra.Add(new LabelRequirement(key.Value, LabelOperator.NotIn, [value]));
            }
        }

        return extra.Count == 0 ? selector : selector.And(extra);
    }
}
