using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>A pod (anti-)affinity term: pods matching the selector in the namespaces, within one topology domain.</summary>
public sealed class PodAffinityTerm
{
    private PodAffinityTerm(LabelSelector? selector, IReadOnlyList<string> namespaces, string topologyKey)
    {
        Selector = selector;
        Namespaces = namespaces;
        TopologyKey = topologyKey;
    }

    /// <summary>Null selector matches no pod (as upstream: a nil labelSelector selects nothing).</summary>
    public LabelSelector? Selector { get; }

    public IReadOnlyList<string> Namespaces { get; }

    public string TopologyKey { get; }

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

        return false;
    }

    /// <summary>Reads a term; the namespaces default to the pod's own namespace (namespaceSelector is not modelled).</summary>
    public static PodAffinityTerm? Read(YamlMapping? term, string podNamespace)
    {
        if (term is null)
        {
            return null;
        }

        var namespaces = term.GetSequence("namespaces")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray() ?? [];
        return new PodAffinityTerm(
            term.GetMapping("labelSelector") is { } selector ? LabelSelector.FromLabelSelector(selector) : null,
            namespaces.Length > 0 ? namespaces : [podNamespace],
            term.GetString("topologyKey") ?? string.Empty);
    }
}
