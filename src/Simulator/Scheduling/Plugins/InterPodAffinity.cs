using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity: filtering.go, scoring.go). PreFilter counts,
/// per topology pair: placed pods whose required anti-affinity matches the incoming pod, placed pods matching all
/// of the incoming pod's required affinity terms, and placed pods matching each of its anti-affinity terms. Filter
/// checks the pod's affinity (unresolvable; the first pod of a group that matches its own terms may go anywhere),
/// then its anti-affinity, then the existing pods' anti-affinity, in that order. Score (processExistingPod): the
/// pod's preferred terms toward placed pods, placed pods' required affinity toward it (HardPodAffinityWeight 1) and
/// their preferred terms toward it, summed per topology pair and min-max normalised. Weight 2.
/// </summary>
internal sealed class InterPodAffinity : SchedulerPlugin, IPreFilterPlugin, IPreFilterExtensions, IFilterPlugin, IScorePlugin
{
    /// <summary>ErrReasonAffinityRulesNotMatch.</summary>
    public const string ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";

    /// <summary>ErrReasonAntiAffinityRulesNotMatch.</summary>
    public const string ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

    /// <summary>ErrReasonExistingAntiAffinityRulesNotMatch.</summary>
    public const string ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";

    private const int Affinity = 1;
    private const int AntiAffinity = 2;
    private const int ExistingAntiAffinity = 3;

    private readonly ClusterSnapshot _snapshot;
    private long[] _raw = [];

    public InterPodAffinity(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
    }

    public override string Name => "InterPodAffinity";

    public int Weight => 2;

    public PreFilterResult PreFilter(CycleState state, SimPod pod)
    {
        var s = new FilterState(pod);
        foreach (var group in _snapshot.Terms.RequiredAntiAffinity)
        {
            if (group.Nodes.Count == 0 || !group.Term.Matches(pod))
            {
                continue;
            }

            foreach (var pair in group.Nodes)
            {
                FilterState.Update(s.ExistingAnti, _snapshot[pair.Key].Node, group.Term.TopologyKey, pair.Value);
            }
        }

        if (s.ExistingAnti.Count == 0 && pod.RequiredAffinity.Count == 0 && pod.RequiredAntiAffinity.Count == 0)
        {
            return PreFilterResult.Skip;
        }

        if (pod.RequiredAffinity.Count > 0)
        {
            var terms = pod.RequiredAffinity;
            var counter = _snapshot.Counters.For(terms, null, terms[0].Selector, p => MatchesAll(terms, p), _snapshot);
            AddCounts(s.Affinity, counter, terms);
        }

        foreach (var term in pod.RequiredAntiAffinity)
        {
            AddCounts(s.Anti, CounterOf(term), [term]);
        }

        state.Write(Slot, s);
        return PreFilterResult.Success;
    }

    public void AddPod(CycleState state, SimPod pod, SimPod added, NodeInfo node) => state.Read<FilterState>(Slot)?.UpdateWithPod(added, node.Node, 1);

    public void RemovePod(CycleState state, SimPod pod, SimPod removed, NodeInfo node) => state.Read<FilterState>(Slot)?.UpdateWithPod(removed, node.Node, -1);

    public int Filter(CycleState state, SimPod pod, NodeInfo node)
    {
        var s = state.Read<FilterState>(Slot)!;
        var labels = node.Node.Labels;
        if (!s.SatisfiesAffinity(labels))
        {
            return Affinity;
        }

        if (s.Anti.Count > 0)
        {
            foreach (var term in pod.RequiredAntiAffinity)
            {
                if (labels.TryGetValue(term.TopologyKey, out var value) && s.Anti.TryGetValue((term.TopologyKey, value), out var count) && count > 0)
                {
                    return AntiAffinity;
                }
            }
        }

        if (s.ExistingAnti.Count > 0)
        {
            foreach (var pair in s.ExistingAnti)
            {
                if (pair.Value > 0 && labels.TryGetValue(pair.Key.Key, out var value) && value == pair.Key.Value)
                {
                    return ExistingAntiAffinity;
                }
            }
        }

        return 0;
    }

    public StatusCode CodeOf(int failure) => failure == Affinity ? StatusCode.UnschedulableAndUnresolvable : StatusCode.Unschedulable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons)
        => reasons.Add(failure switch
        {
            Affinity => ErrReasonAffinityRulesNotMatch,
            AntiAffinity => ErrReasonAntiAffinityRulesNotMatch,
            _ => ErrReasonExistingAntiAffinityRulesNotMatch,
        });

    public bool PreScore(CycleState state, SimPod pod, NodeInfo[] feasible, int count)
    {
        var scores = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (weight, term) in pod.PreferredPodTerms)
        {
            var counter = CounterOf(term);
            if (counter.Total == 0)
            {
                continue;
            }

            for (var i = 0; i < _snapshot.NodeCount; i++)
            {
                if (counter[i] > 0)
                {
                    Add(scores, _snapshot[i].Node, term.TopologyKey, (long)weight * counter[i]);
                }
            }
        }

        foreach (var group in _snapshot.Terms.Scoring)
        {
            if (group.Nodes.Count == 0 || !group.Term.Matches(pod))
            {
                continue;
            }

            foreach (var pair in group.Nodes)
            {
                Add(scores, _snapshot[pair.Key].Node, group.Term.TopologyKey, (long)group.Weight * pair.Value);
            }
        }

        if (scores.Count == 0)
        {
            return false;
        }

        state.WriteScore(Slot, new ScoreState(scores));
        return true;
    }

    public void Score(CycleState state, SimPod pod, NodeInfo[] feasible, int count, long[] scores)
    {
        var topology = state.ReadScore<ScoreState>(Slot)!.Topology;
        if (_raw.Length < count)
        {
            _raw = new long[feasible.Length];
        }

        long min = long.MaxValue, max = long.MinValue;
        for (var k = 0; k < count; k++)
        {
            long score = 0;
            var labels = feasible[k].Node.Labels;
            foreach (var pair in topology)
            {
                if (labels.TryGetValue(pair.Key, out var value) && pair.Value.TryGetValue(value, out var weight))
                {
                    score += weight;
                }
            }

            _raw[k] = score;
            min = Math.Min(min, score);
            max = Math.Max(max, score);
        }

        // NormalizeScore: float64(MaxNodeScore) * (score - min) / (max - min), truncated; all 0 when max equals min.
        var diff = max - min;
        for (var k = 0; k < count; k++)
        {
            scores[k] = diff > 0 ? (long)(100.0 * ((double)(_raw[k] - min) / diff)) : 0;
        }
    }

    private static bool MatchesAll(IReadOnlyList<PodAffinityTerm> terms, SimPod pod)
    {
        if (terms.Count == 0)
        {
            return false;
        }

        foreach (var term in terms)
        {
            if (!term.Matches(pod))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(Dictionary<string, Dictionary<string, long>> scores, SimNode node, string key, long weight)
    {
        if (!node.Labels.TryGetValue(key, out var value))
        {
            return;
        }

        if (!scores.TryGetValue(key, out var values))
        {
            scores[key] = values = new Dictionary<string, long>(StringComparer.Ordinal);
        }

        values[value] = (values.TryGetValue(value, out var sum) ? sum : 0) + weight;
    }

    private PodCounter CounterOf(PodAffinityTerm term)
        => _snapshot.Counters.For(term, term.NamespaceSelector is null ? term.Namespaces : null, term.Selector, term.Matches, _snapshot);

    /// <summary>Per topology pair, the counts of <paramref name="counter"/>'s pods on nodes carrying each term's key.</summary>
    private void AddCounts(Dictionary<(string Key, string Value), long> counts, PodCounter counter, IReadOnlyList<PodAffinityTerm> terms)
    {
        if (counter.Total == 0)
        {
            return;
        }

        for (var i = 0; i < _snapshot.NodeCount; i++)
        {
            if (counter[i] == 0)
            {
                continue;
            }

            foreach (var term in terms)
            {
                FilterState.Update(counts, _snapshot[i].Node, term.TopologyKey, counter[i]);
            }
        }
    }

    /// <summary>The PreFilter state (preFilterState): the three topology-pair counts.</summary>
    private sealed class FilterState : IStateData
    {
        private readonly SimPod _pod;

        public FilterState(SimPod pod)
        {
            _pod = pod;
        }

        private FilterState(FilterState other)
        {
            _pod = other._pod;
            ExistingAnti = new Dictionary<(string, string), long>(other.ExistingAnti);
            Affinity = new Dictionary<(string, string), long>(other.Affinity);
            Anti = new Dictionary<(string, string), long>(other.Anti);
        }

        public Dictionary<(string Key, string Value), long> ExistingAnti { get; } = [];

        public Dictionary<(string Key, string Value), long> Affinity { get; } = [];

        public Dictionary<(string Key, string Value), long> Anti { get; } = [];

        public static void Update(Dictionary<(string Key, string Value), long> counts, SimNode node, string key, long delta)
        {
            if (!node.Labels.TryGetValue(key, out var value))
            {
                return;
            }

            var count = (counts.TryGetValue((key, value), out var c) ? c : 0) + delta;
            if (count == 0)
            {
                counts.Remove((key, value));
            }
            else
            {
                counts[(key, value)] = count;
            }
        }

        /// <summary>satisfyPodAffinity.</summary>
        public bool SatisfiesAffinity(IReadOnlyDictionary<string, string> labels)
        {
            var terms = _pod.RequiredAffinity;
            if (terms.Count == 0)
            {
                return true;
            }

            var podsExist = true;
            foreach (var term in terms)
            {
                if (!labels.TryGetValue(term.TopologyKey, out var value))
                {
                    return false;
                }

                if (!Affinity.TryGetValue((term.TopologyKey, value), out var count) || count <= 0)
                {
                    podsExist = false;
                }
            }

            return podsExist || (Affinity.Count == 0 && MatchesAll(terms, _pod));
        }

        /// <summary>updateWithPod.</summary>
        public void UpdateWithPod(SimPod other, SimNode node, long delta)
        {
            foreach (var term in other.RequiredAntiAffinity)
            {
                if (term.Matches(_pod))
                {
                    Update(ExistingAnti, node, term.TopologyKey, delta);
                }
            }

            if (MatchesAll(_pod.RequiredAffinity, other))
            {
                foreach (var term in _pod.RequiredAffinity)
                {
                    Update(Affinity, node, term.TopologyKey, delta);
                }
            }

            foreach (var term in _pod.RequiredAntiAffinity)
            {
                if (term.Matches(other))
                {
                    Update(Anti, node, term.TopologyKey, delta);
                }
            }
        }

        public IStateData Clone() => new FilterState(this);
    }

    private sealed class ScoreState(Dictionary<string, Dictionary<string, long>> topology) : IStateData
    {
        public Dictionary<string, Dictionary<string, long>> Topology { get; } = topology;

        public IStateData Clone() => this;
    }
}
