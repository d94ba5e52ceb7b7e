using KubeLint.Analyzer.Model;

namespace KubeLint.Simulator.Model;

/// <summary>A topologySpreadConstraint.</summary>
public sealed record SpreadConstraint(int MaxSkew, string TopologyKey, bool DoNotSchedule, LabelSelector? Selector, int MinDomains, bool HonorNodeAffinity, bool HonorTaints)
{
    public bool Counts(SimPod candidate, string ns)
        => candidate.Namespace == ns && Selector is not null && Selector.Matches(candidate.Labels);
}
