using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling.Framework;

/// <summary>One affinity term carried by placed pods, with how many of them sit on each node.</summary>
internal sealed class TermGroup
{
    public TermGroup(PodAffinityTerm term, int weight)
    {
        Term = term;
        Weight = weight;
    }

    public PodAffinityTerm Term { get; }

    /// <summary>The scoring weight: HardPodAffinityWeight for required affinity, ± the term's weight for preferred ones.</summary>
    public int Weight { get; }

    /// <summary>Node index → pods on it with the term; only nodes with at least one.</summary>
    public Dictionary<int, int> Nodes { get; private init; } = [];

    public TermGroup Clone() => new(Term, Weight) { Nodes = new Dictionary<int, int>(Nodes) };
}

/// <summary>
/// The affinity terms of placed pods, grouped by term (pods of one template share their term objects), so the
/// InterPodAffinity plugin walks the terms in the cluster rather than every pod: existing pods' required
/// anti-affinity (the filter's symmetry), and their required affinity and preferred terms (processExistingPod).
/// </summary>
internal sealed class ExistingPodTerms
{
    /// <summary>HardPodAffinityWeight, the InterPodAffinityArgs default.</summary>
    public const int HardPodAffinityWeight = 1;

    private readonly Dictionary<(PodAffinityTerm Term, int Kind), TermGroup> _groups = [];

    public List<TermGroup> RequiredAntiAffinity { get; private init; } = [];

    /// <summary>Terms that score an incoming pod: required affinity (hard weight) and preferred (anti-)affinity.</summary>
    public List<TermGroup> Scoring { get; private init; } = [];

    public void OnBound(SimPod pod, int node, int delta)
    {
        if (!pod.HasPodAffinity)
        {
            return;
        }

        foreach (var term in pod.RequiredAntiAffinity)
        {
            Update(term, 0, 0, node, delta, RequiredAntiAffinity);
        }

        foreach (var term in pod.RequiredAffinity)
        {
            Update(term, 1, HardPodAffinityWeight, node, delta, Scoring);
        }

        foreach (var (weight, term) in pod.PreferredPodTerms)
        {
            Update(term, 2, weight, node, delta, Scoring);
        }
    }

    public ExistingPodTerms Clone()
    {
        var clone = new ExistingPodTerms();
        foreach (var pair in _groups)
        {
            var copy = pair.Value.Clone();
            clone._groups[pair.Key] = copy;
            (pair.Key.Kind == 0 ? clone.RequiredAntiAffinity : clone.Scoring).Add(copy);
        }

        return clone;
    }

    private void Update(PodAffinityTerm term, int kind, int weight, int node, int delta, List<TermGroup> list)
    {
        if (!_groups.TryGetValue((term, kind), out var group))
        {
            _groups[(term, kind)] = group = new TermGroup(term, weight);
            list.Add(group);
        }

        var count = (group.Nodes.TryGetValue(node, out var c) ? c : 0) + delta;
        if (count > 0)
        {
            group.Nodes[node] = count;
        }
        else
        {
            group.Nodes.Remove(node);
        }
    }
}
