using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread: filtering.go, scoring.go, common.go).
/// Filter, for the DoNotSchedule constraints: pods matching the constraint's selector in the pod's namespace are
/// counted per domain over the nodes that carry every constraint key and pass the node inclusion policies
/// (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore by default); a node fails when its domain's count + self −
/// the global minimum (0 with fewer domains than minDomains) exceeds maxSkew, or when it lacks a key. Score, for
/// the ScheduleAnyway constraints or, for pods with no constraints at all, the system defaults (hostname maxSkew 3,
/// zone maxSkew 5 over helper.DefaultSelector): Σ count·log(domains + 2) + (maxSkew − 1), rounded, normalised as
/// 100·(max + min − s)/max. Weight 2.
/// </summary>
internal sealed class PodTopologySpread : SchedulerPlugin, IPreFilterPlugin, IPreFilterExtensions, IFilterPlugin, IScorePlugin
{
    /// <summary>ErrReasonConstraintsNotMatch.</summary>
    public const string ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";

    /// <summary>ErrReasonNodeLabelNotMatch.</summary>
    public const string ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + " (missing required label)";

    public const string HostnameLabel = ClusterSnapshot.HostnameLabel;

    private const int MissingLabel = 1;
    private const int SkewTooBig = 2;

    private readonly ClusterSnapshot _snapshot;
    private double[] _raw = [];
    private bool[] _ignored = [];
    private int[] _zoneSeen = [];
    private int _zoneStamp;

    public PodTopologySpread(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
    }

    public override string Name => "PodTopologySpread";

    public int Weight => 2;

    public PreFilterResult PreFilter(CycleState state, SimPod pod)
    {
        var constraints = pod.SpreadConstraints.Where(c => c.DoNotSchedule).ToList();
        if (constraints.Count == 0)
        {
            return PreFilterResult.Skip;
        }

        var spread = new FilterState(constraints);
        var counters = constraints.Select(c => CounterOf(c.Selector, pod)).ToList();
        for (var i = 0; i < _snapshot.NodeCount; i++)
        {
            var node = _snapshot[i];
            if (!HasAllKeys(node, constraints))
            {
                continue;
            }

            for (var c = 0; c < constraints.Count; c++)
            {
                if (IncludesNode(constraints[c], pod, node.Node))
                {
                    spread.Add(c, node.Node.Labels[constraints[c].TopologyKey], counters[c][i]);
                }
            }
        }

        state.Write(Slot, spread);
        return PreFilterResult.Success;
    }

    public void AddPod(CycleState state, SimPod pod, SimPod added, NodeInfo node) => Update(state, pod, added, node, 1);

    public void RemovePod(CycleState state, SimPod pod, SimPod removed, NodeInfo node) => Update(state, pod, removed, node, -1);

    public int Filter(CycleState state, SimPod pod, NodeInfo node)
    {
        var spread = state.Read<FilterState>(Slot)!;
        for (var c = 0; c < spread.Constraints.Count; c++)
        {
            var constraint = spread.Constraints[c];
            if (!node.Node.Labels.TryGetValue(constraint.TopologyKey, out var domain))
            {
                return MissingLabel;
            }

            var self = constraint.Selector is not null && constraint.Selector.Matches(pod.Labels) ? 1 : 0;
            if (spread.Count(c, domain) + self - spread.MinMatch(c) > constraint.MaxSkew)
            {
                return SkewTooBig;
            }
        }

        return 0;
    }

    public StatusCode CodeOf(int failure) => failure == MissingLabel ? StatusCode.UnschedulableAndUnresolvable : StatusCode.Unschedulable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons)
        => reasons.Add(failure == MissingLabel ? ErrReasonNodeLabelNotMatch : ErrReasonConstraintsNotMatch);

    public bool PreScore(CycleState state, SimPod pod, NodeInfo[] feasible, int count)
    {
        var constraints = ScoringConstraints(pod);
        if (constraints.Count == 0)
        {
            return false;
        }

        state.WriteScore(Slot, new ScoreState(constraints, requireAllTopologies: pod.SpreadConstraints.Count > 0));
        return true;
    }

    public void Score(CycleState state, SimPod pod, NodeInfo[] feasible, int count, long[] scores)
    {
        var s = state.ReadScore<ScoreState>(Slot)!;
        if (_raw.Length < count)
        {
            _raw = new double[feasible.Length];
            _ignored = new bool[feasible.Length];
        }

        var ignored = 0;
        for (var k = 0; k < count; k++)
        {
            _raw[k] = 0;
            _ignored[k] = s.RequireAllTopologies && !HasAllKeys(feasible[k], s.Constraints);
            ignored += _ignored[k] ? 1 : 0;
        }

        foreach (var constraint in s.Constraints)
        {
            var counter = CounterOf(constraint.Selector, pod);
            if (constraint.TopologyKey == HostnameLabel)
            {
                var weight = Math.Log(count - ignored + 2);
                for (var k = 0; k < count; k++)
                {
                    if (!_ignored[k] && feasible[k].HasHostnameLabel)
                    {
                        _raw[k] += (counter[feasible[k].Index] * weight) + (constraint.MaxSkew - 1);
                    }
                }

                continue;
            }

            AddDomainScores(constraint, pod, counter, feasible, count);
        }

        long min = long.MaxValue, max = 0;
        for (var k = 0; k < count; k++)
        {
            if (_ignored[k])
            {
                continue;
            }

            scores[k] = (long)Math.Round(_raw[k], MidpointRounding.AwayFromZero);
            min = Math.Min(min, scores[k]);
            max = Math.Max(max, scores[k]);
        }

        for (var k = 0; k < count; k++)
        {
            scores[k] = _ignored[k] ? 0 : max == 0 ? 100 : 100 * (max + min - scores[k]) / max;
        }
    }

    /// <summary>
    /// The ScheduleAnyway constraints, or for a pod without constraints the system defaults (buildDefaultConstraints)
    /// when helper.DefaultSelector finds Services or an owning ReplicaSet, StatefulSet or ReplicationController.
    /// </summary>
    private static List<SpreadConstraint> ScoringConstraints(SimPod pod)
    {
        if (pod.SpreadConstraints.Count > 0)
        {
            return pod.SpreadConstraints.Where(c => !c.DoNotSchedule).ToList();
        }

        if (pod.DefaultSpreadSelector is not { } selector)
        {
            return [];
        }

        return
        [
            new SpreadConstraint(3, HostnameLabel, DoNotSchedule: false, selector, MinDomains: 1, HonorNodeAffinity: true, HonorTaints: false),
            new SpreadConstraint(5, ClusterSnapshot.ZoneLabel, DoNotSchedule: false, selector, MinDomains: 1, HonorNodeAffinity: true, HonorTaints: false),
        ];
    }

    private static bool HasAllKeys(NodeInfo node, IReadOnlyList<SpreadConstraint> constraints)
    {
        foreach (var constraint in constraints)
        {
            if (!node.HasLabel(constraint.TopologyKey))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>matchNodeInclusionPolicies: with Honor, the node must match the pod's required node affinity / have no untolerated taint.</summary>
    private static bool IncludesNode(SpreadConstraint constraint, SimPod pod, SimNode node)
        => (!constraint.HonorNodeAffinity || pod.MatchesNodeAffinity(node))
           && (!constraint.HonorTaints || TaintToleration.FirstUntolerated(pod, node) is null);

    /// <summary>
    /// Adds the scores of a non-hostname constraint. The domains are those of the feasible nodes (a node without the
    /// key counts as domain "" unless all topologies are required, as initPreScoreState does); each domain's count
    /// sums the matching pods of every node in it that passes the inclusion policies. For the zone label with no
    /// policy excluding nodes, the counter's per-zone totals give that sum directly.
    /// </summary>
    private void AddDomainScores(SpreadConstraint constraint, SimPod pod, PodCounter counter, NodeInfo[] feasible, int count)
    {
        var key = constraint.TopologyKey;
        var everyNode = (!constraint.HonorNodeAffinity || !pod.HasNodeConstraints) && !constraint.HonorTaints;
        if (key == ClusterSnapshot.ZoneLabel && everyNode)
        {
            AddZoneScores(constraint, counter, feasible, count);
            return;
        }

        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < count; k++)
        {
            if (!_ignored[k])
            {
                domains[feasible[k].Node.Labels.TryGetValue(key, out var value) ? value : string.Empty] = 0;
            }
        }

        for (var i = 0; i < _snapshot.NodeCount; i++)
        {
            var node = _snapshot[i].Node;
            var domain = node.Labels.TryGetValue(key, out var value) ? value : string.Empty;
            if (counter[i] > 0 && domains.ContainsKey(domain) && IncludesNode(constraint, pod, node))
            {
                domains[domain] += counter[i];
            }
        }

        var weight = Math.Log(domains.Count + 2);
        for (var k = 0; k < count; k++)
        {
            if (!_ignored[k] && feasible[k].Node.Labels.TryGetValue(key, out var domain))
            {
                _raw[k] += (domains[domain] * weight) + (constraint.MaxSkew - 1);
            }
        }
    }

    private void AddZoneScores(SpreadConstraint constraint, PodCounter counter, NodeInfo[] feasible, int count)
    {
        if (_zoneSeen.Length < _snapshot.ZoneCount)
        {
            _zoneSeen = new int[_snapshot.ZoneCount];
        }

        _zoneStamp++;
        var domains = 0;
        var unlabelled = false;
        for (var k = 0; k < count; k++)
        {
            if (_ignored[k])
            {
                continue;
            }

            var zone = _snapshot.ZoneOf(feasible[k].Index);
            if (zone < 0)
            {
                unlabelled = true;
            }
            else if (_zoneSeen[zone] != _zoneStamp)
            {
                _zoneSeen[zone] = _zoneStamp;
                domains++;
            }
        }

        var weight = Math.Log(domains + (unlabelled ? 1 : 0) + 2);
        for (var k = 0; k < count; k++)
        {
            var zone = _snapshot.ZoneOf(feasible[k].Index);
            if (!_ignored[k] && zone >= 0)
            {
                _raw[k] += (counter.InZone(zone) * weight) + (constraint.MaxSkew - 1);
            }
        }
    }

    private PodCounter CounterOf(LabelSelector? selector, SimPod pod)
    {
        var ns = pod.Namespace;
        return _snapshot.Counters.For((ns, selector), [ns], selector, p => selector is not null && p.Namespace == ns && selector.Matches(p.Labels), _snapshot);
    }

    /// <summary>updateWithPod: a pod added or removed on a node that counts changes its domain's count.</summary>
    private void Update(CycleState state, SimPod pod, SimPod other, NodeInfo node, int delta)
    {
        if (state.Read<FilterState>(Slot) is not { } spread || other.Namespace != pod.Namespace || !HasAllKeys(node, spread.Constraints))
        {
            return;
        }

        for (var c = 0; c < spread.Constraints.Count; c++)
        {
            var constraint = spread.Constraints[c];
            if (constraint.Selector is not null && constraint.Selector.Matches(other.Labels) && IncludesNode(constraint, pod, node.Node))
            {
                spread.Add(c, node.Node.Labels[constraint.TopologyKey], delta);
            }
        }
    }

    /// <summary>The PreFilter state: matching pods per domain for each DoNotSchedule constraint.</summary>
    private sealed class FilterState : IStateData
    {
        private readonly List<Dictionary<string, int>> _counts;
        private readonly int?[] _min;

        public FilterState(List<SpreadConstraint> constraints)
        {
            Constraints = constraints;
            _counts = constraints.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();
            _min = new int?[constraints.Count];
        }

        private FilterState(FilterState other)
        {
            Constraints = other.Constraints;
            _counts = other._counts.Select(d => new Dictionary<string, int>(d, StringComparer.Ordinal)).ToList();
            _min = (int?[])other._min.Clone();
        }

        public List<SpreadConstraint> Constraints { get; }

        public void Add(int constraint, string domain, int count)
        {
            _counts[constraint][domain] = (_counts[constraint].TryGetValue(domain, out var c) ? c : 0) + count;
            _min[constraint] = null;
        }

        public int Count(int constraint, string domain) => _counts[constraint].TryGetValue(domain, out var c) ? c : 0;

        /// <summary>minMatchNum: the smallest domain count, or 0 when fewer domains than minDomains exist (kept until a count changes).</summary>
        public int MinMatch(int constraint)
        {
            if (_min[constraint] is { } known)
            {
                return known;
            }

            var counts = _counts[constraint];
            var min = 0;
            if (counts.Count > 0 && counts.Count >= Constraints[constraint].MinDomains)
            {
                min = int.MaxValue;
                foreach (var value in counts.Values)
                {
                    min = Math.Min(min, value);
                }
            }

            _min[constraint] = min;
            return min;
        }

        public IStateData Clone() => new FilterState(this);
    }

    private sealed class ScoreState(List<SpreadConstraint> constraints, bool requireAllTopologies) : IStateData
    {
        public List<SpreadConstraint> Constraints { get; } = constraints;

        public bool RequireAllTopologies { get; } = requireAllTopologies;

        public IStateData Clone() => this;
    }
}
