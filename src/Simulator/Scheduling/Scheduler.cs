using System.Globalization;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator.Scheduling;

/// <summary>
/// The default kube-scheduler profile, deterministic. Filters run in the framework's order and the first failing
/// filter decides a node's reason; scores use the default plugins and weights with upstream's integer arithmetic;
/// the highest total wins and ties go to the ordinally smallest node name (the tie set is reported, since a real
/// scheduler picks among it at random). Like upstream, with 100 nodes or more only a sample of feasible nodes is
/// scored (percentageOfNodesToScore adaptive: max(5, 50 - nodes/125) %, at least 100 nodes), the search starting
/// where the previous cycle stopped (nextStartNodeIndex). That keeps a cycle O(sampled nodes) and is faithful.
/// </summary>
public sealed class Scheduler
{
    private const int MinFeasibleNodesToFind = 100;
    private const int MinFeasibleNodesPercentageToFind = 5;
    private const int MaxTieNames = 8;

    private readonly NodeState[] _nodes;
    private readonly Dictionary<string, int> _nodeIndex;
    private readonly Dictionary<SimPod, int> _podNode = [];
    private readonly VolumeBinder _binder;
    private readonly SchedulerVersion _version;

    // Scratch buffers reused by every cycle (the hot loop allocates nothing per node).
    private readonly int[] _feasible;
    private readonly byte[] _fail;
    private readonly long[] _scores;
    private readonly long[] _taintCounts;
    private readonly long[] _affinityScores;
    private readonly Dictionary<string, GroupCounts> _groups = new(StringComparer.Ordinal);

    // Each node's zone as a small integer (-1 without the label), so default spreading needs no string hashing per node.
    private readonly int[] _zoneOf;
    private readonly int _zoneCount;
    private readonly int[] _zoneSeen;
    private int _zoneStamp;
    private int _nextStartNodeIndex;
    private int _antiAffinityPods;

    public Scheduler(IReadOnlyList<SimNode> nodes, VolumeBinder binder, SchedulerVersion version)
    {
        _nodes = new NodeState[nodes.Count];
        _nodeIndex = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            _nodes[i] = new NodeState(nodes[i]);
            _nodeIndex[nodes[i].Name] = i;
        }

        _binder = binder;
        _version = version;
        _zoneOf = new int[nodes.Count];
        var zoneIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Labels.TryGetValue(ZoneLabel, out var zone))
            {
                if (!zoneIds.TryGetValue(zone, out var id))
                {
                    zoneIds[zone] = id = zoneIds.Count;
                }

                _zoneOf[i] = id;
            }
            else
            {
                _zoneOf[i] = -1;
            }
        }

        _zoneCount = zoneIds.Count;
        _zoneSeen = new int[_zoneCount];
        _feasible = new int[nodes.Count];
        _fail = new byte[nodes.Count];
        _scores = new long[nodes.Count];
        _taintCounts = new long[nodes.Count];
        _affinityScores = new long[nodes.Count];
    }

    private Scheduler(Scheduler other)
        : this(other._nodes.Select(n => n.Node).ToList(), other._binder, other._version)
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            _nodes[i] = other._nodes[i].Clone();
        }

        foreach (var pair in other._podNode)
        {
            _podNode[pair.Key] = pair.Value;
        }

        foreach (var pair in other._groups)
        {
            _groups[pair.Key] = pair.Value.Clone();
        }

        _nextStartNodeIndex = other._nextStartNodeIndex;
        _antiAffinityPods = other._antiAffinityPods;
    }

    private enum Fail : byte
    {
        None,
        Unschedulable,
        Taint,
        NodeAffinity,
        Ports,
        Resources,
        VolumeAffinity,
        NoVolumes,
        VolumeZone,
        SpreadMissingLabel,
        Spread,
        ExistingAntiAffinity,
        PodAffinity,
        PodAntiAffinity,
    }

    /// <summary>An independent copy of the placement state (volumes are shared; snapshot them separately).</summary>
    public Scheduler Clone() => new(this);

    public string? NodeOf(SimPod pod) => _podNode.TryGetValue(pod, out var i) ? _nodes[i].Node.Name : null;

    public IEnumerable<(SimNode Node, Resources Requested, int Pods)> Usage()
        => _nodes.Select(n => (n.Node, n.Requested, n.Pods.Count));

    /// <summary>Places a pod on a named node without scheduling (spec.nodeName, pods already running).</summary>
    public bool Assign(SimPod pod, string nodeName)
    {
        if (!_nodeIndex.TryGetValue(nodeName, out var index))
        {
            return false;
        }

        Add(pod, index);
        return true;
    }

    public void Remove(SimPod pod)
    {
        if (_podNode.TryGetValue(pod, out var index))
        {
            _nodes[index].Remove(pod);
            _podNode.Remove(pod);
            Count(pod, index, -1);
            if (pod.RequiredAntiAffinity.Count > 0)
            {
                _antiAffinityPods--;
            }
        }
    }

    /// <summary>True when the pod fits the node's free resources and pod count (the kubelet's admission check).</summary>
    public string? KubeletRejection(SimPod pod, string nodeName)
    {
        if (!_nodeIndex.TryGetValue(nodeName, out var index))
        {
            return "node \"" + nodeName + "\" not found";
        }

        var reasons = ResourceReasons(pod, _nodes[index]);
        return reasons.Count == 0 ? null : "kubelet rejects the pod on node " + nodeName + ": " + string.Join(", ", reasons);
    }

    /// <summary>One scheduling cycle: PreFilter, Filter (sampled), Score, and on success the pod is bound.</summary>
    public Placement Schedule(SimPod pod)
    {
        var placement = new Placement { Pod = pod };
        var n = _nodes.Length;
        if (n == 0)
        {
            placement.Reason = "0/0 nodes are available: no nodes available to schedule pods.";
            return placement;
        }

        // VolumeBinding PreFilter: missing claims and unbound Immediate claims fail every node.
        var delayed = new List<SimClaim>();
        var bound = new List<SimVolume>();
        foreach (var claimName in pod.Claims)
        {
            var claim = _binder.Find(pod.Namespace, claimName);
            if (claim is null)
            {
                placement.Reason = PreFilterFailure(pod, "persistentvolumeclaim \"" + claimName + "\" not found");
                return placement;
            }

            if (claim.BoundVolume is { } volumeName)
            {
                if (_binder.Volumes.FirstOrDefault(v => v.Name == volumeName) is { } volume)
                {
                    bound.Add(volume);
                }
            }
            else if (_binder.IsDelayed(claim))
            {
                delayed.Add(claim);
            }
            else
            {
                placement.Reason = PreFilterFailure(pod, Reasons.UnboundImmediateClaims);
                return placement;
            }
        }

        delayed.Sort((a, b) => a.Request.CompareTo(b.Request));
        var spread = SpreadState.Build(pod, _nodes);
        var affinity = AffinityState.Build(pod, _nodes, _antiAffinityPods > 0);

        var toFind = NumFeasibleNodesToFind(n);
        var found = 0;
        var processed = 0;
        var start = _nextStartNodeIndex;
        for (var k = 0; k < n && found < toFind; k++)
        {
            var i = start + k;
            if (i >= n)
            {
                i -= n;
            }

            processed++;
            var fail = Filter(pod, _nodes[i], delayed, bound, spread, affinity);
            _fail[i] = (byte)fail;
            if (fail == Fail.None)
            {
                _feasible[found++] = i;
            }
        }

        _nextStartNodeIndex = (start + processed) % n;
        if (found == 0)
        {
            return Preempt(pod, placement, delayed, bound, spread, affinity);
        }

        var best = found == 1 ? _feasible[0] : Score(pod, found, placement);
        Bind(pod, best, delayed);
        placement.Node = _nodes[best].Node.Name;
        return placement;
    }

    internal static int NumFeasibleNodesToFind(int nodes)
    {
        if (nodes < MinFeasibleNodesToFind)
        {
            return nodes;
        }

        var percentage = Math.Max(MinFeasibleNodesPercentageToFind, 50 - (nodes / 125));
        var count = (int)((long)nodes * percentage / 100);
        return Math.Max(count, MinFeasibleNodesToFind);
    }

    private Fail Filter(SimPod pod, NodeState state, List<SimClaim> delayed, List<SimVolume> bound, SpreadState? spread, AffinityState? affinity)
    {
        // NodeUnschedulable: skipped when the pod tolerates node.kubernetes.io/unschedulable:NoSchedule.
        if (state.Unschedulable && !Toleration.AnyTolerates(pod.Tolerations, UnschedulableTaint))
        {
            return Fail.Unschedulable;
        }

        // NodeName never fails here: pods with spec.nodeName bypass the scheduler.
        var node = state.Node;
        if (state.HasHardTaints && FirstUntoleratedTaint(pod, node) is not null)
        {
            return Fail.Taint;
        }

        if (pod.HasNodeConstraints && !pod.MatchesNodeAffinity(node))
        {
            return Fail.NodeAffinity;
        }

        if (pod.HostPorts.Count > 0 && state.Ports is { } used && PortsConflict(pod, used))
        {
            return Fail.Ports;
        }

        if (!Fits(pod, state))
        {
            return Fail.Resources;
        }

        // VolumeRestrictions and NodeVolumeLimits concern in-tree/CSI attach limits, which the model has no data for.
        if (bound.Count > 0 || delayed.Count > 0)
        {
            foreach (var volume in bound)
            {
                if (!volume.ReachableFrom(node))
                {
                    return Fail.VolumeAffinity;
                }
            }

            if (delayed.Count > 0 && !_binder.CanBindOnNode(delayed, node, null))
            {
                return Fail.NoVolumes;
            }

            foreach (var volume in bound)
            {
                if (!VolumeZoneMatches(volume, node))
                {
                    return Fail.VolumeZone;
                }
            }
        }

        if (spread is not null && spread.Check(node) is var spreadFail and not Fail.None)
        {
            return spreadFail;
        }

        return affinity is null ? Fail.None : affinity.Check(node);
    }

    private static readonly Taint UnschedulableTaint = new("node.kubernetes.io/unschedulable", string.Empty, Taint.NoSchedule);

    private static Taint? FirstUntoleratedTaint(SimPod pod, SimNode node)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.IsHard && !Toleration.AnyTolerates(pod.Tolerations, taint))
            {
                return taint;
            }
        }

        return null;
    }

    private static bool PortsConflict(SimPod pod, List<HostPort> used)
    {
        foreach (var wanted in pod.HostPorts)
        {
            foreach (var port in used)
            {
                if (wanted.ConflictsWith(port))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>fitsRequest: pod count, then each requested resource against allocatable minus the real requests.</summary>
    private static bool Fits(SimPod pod, NodeState state)
    {
        if (state.PodCount + 1 > state.AllocPods)
        {
            return false;
        }

        var r = pod.Requests;
        if (r.MilliCpu > 0 && r.MilliCpu > state.AllocMilliCpu - state.ReqMilliCpu)
        {
            return false;
        }

        if (r.Memory > 0 && r.Memory > state.AllocMemory - state.ReqMemory)
        {
            return false;
        }

        if (r.EphemeralStorage > 0 && r.EphemeralStorage > state.AllocEphemeral - state.ReqEphemeral)
        {
            return false;
        }

        if (r.Extended is null)
        {
            return true;
        }

        foreach (var pair in r.Extended)
        {
            if (pair.Value > 0 && pair.Value > state.Node.Allocatable.ExtendedValue(pair.Key) - state.Requested.ExtendedValue(pair.Key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every reason fitsRequest gives for a node, in its order.</summary>
    private static List<string> ResourceReasons(SimPod pod, NodeState state)
    {
        var reasons = new List<string>();
        var node = state.Node;
        var used = state.Requested;
        if (state.PodCount + 1 > node.AllocatablePods)
        {
            reasons.Add(Reasons.TooManyPods);
        }

        var r = pod.Requests;
        if (r.MilliCpu > 0 && r.MilliCpu > node.Allocatable.MilliCpu - used.MilliCpu)
        {
            reasons.Add(Reasons.Insufficient("cpu"));
        }

        if (r.Memory > 0 && r.Memory > node.Allocatable.Memory - used.Memory)
        {
            reasons.Add(Reasons.Insufficient("memory"));
        }

        if (r.EphemeralStorage > 0 && r.EphemeralStorage > node.Allocatable.EphemeralStorage - used.EphemeralStorage)
        {
            reasons.Add(Reasons.Insufficient("ephemeral-storage"));
        }

        foreach (var pair in r.Extended ?? [])
        {
            if (pair.Value > 0 && pair.Value > node.Allocatable.ExtendedValue(pair.Key) - used.ExtendedValue(pair.Key))
            {
                reasons.Add(Reasons.Insufficient(pair.Key));
            }
        }

        return reasons;
    }

    private static bool VolumeZoneMatches(SimVolume volume, SimNode node)
    {
        foreach (var key in ZoneLabels)
        {
            if (volume.Labels.TryGetValue(key, out var zone))
            {
                // The label may hold several zones separated by "__".
                var zones = zone.Split(["__"], StringSplitOptions.None);
                if (!node.Labels.TryGetValue(key, out var nodeZone) || Array.IndexOf(zones, nodeZone) < 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static readonly string[] ZoneLabels = ["topology.kubernetes.io/zone", "topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region"];

    /// <summary>
    /// Scores the feasible nodes: TaintToleration ×3, NodeAffinity ×2, NodeResourcesFit (LeastAllocated) ×1,
    /// BalancedAllocation ×1 (skipped for pods requesting nothing, as since ≈1.32), PodTopologySpread ×2 for the
    /// pod's ScheduleAnyway constraints or else the system defaults, InterPodAffinity ×2 for the pod's preferred terms.
    /// ImageLocality is 0 without node image data and is left out.
    /// </summary>
    private int Score(SimPod pod, int found, Placement placement)
    {
        long maxTaint = 0, maxAffinity = 0;
        for (var k = 0; k < found; k++)
        {
            var state = _nodes[_feasible[k]];
            long taints = 0;
            if (state.HasPreferTaints)
            {
                foreach (var taint in state.Node.Taints)
                {
                    if (taint.Effect == Taint.PreferNoSchedule && !ToleratesPreferred(pod, taint))
                    {
                        taints++;
                    }
                }
            }

            _taintCounts[k] = taints;
            maxTaint = Math.Max(maxTaint, taints);
            long affinityScore = 0;
            var preferred = pod.PreferredNodeTerms;
            for (var t = 0; t < preferred.Count; t++)
            {
                if (preferred[t].Term.Matches(state.Node))
                {
                    affinityScore += preferred[t].Weight;
                }
            }

            _affinityScores[k] = affinityScore;
            maxAffinity = Math.Max(maxAffinity, affinityScore);
        }

        var balanced = !pod.Requests.IsZero;
        var spread = pod.SpreadConstraints.Count == 0 ? DefaultSpreadScores(pod, found) : SpreadScores(pod, found);
        var podAffinity = pod.PreferredPodTerms.Count == 0 ? null : PodAffinityScores(pod, found);
        long bestScore = long.MinValue;
        var bestIndex = -1;
        var ties = 0;
        for (var k = 0; k < found; k++)
        {
            var state = _nodes[_feasible[k]];
            var taintScore = maxTaint == 0 ? 100 : 100 - (100 * _taintCounts[k] / maxTaint);
            var affinityScore = maxAffinity == 0 ? 0 : 100 * _affinityScores[k] / maxAffinity;
            var total = (3 * taintScore) + (2 * affinityScore) + LeastAllocated(pod, state);
            if (balanced)
            {
                total += BalancedAllocation(pod, state);
            }

            if (spread is not null)
            {
                total += 2 * spread[k];
            }

            if (podAffinity is not null)
            {
                total += 2 * podAffinity[k];
            }

            _scores[k] = total;
            if (total > bestScore)
            {
                bestScore = total;
                bestIndex = _feasible[k];
                ties = 1;
            }
            else if (total == bestScore)
            {
                ties++;
                if (string.CompareOrdinal(state.Node.Name, _nodes[bestIndex].Node.Name) < 0)
                {
                    bestIndex = _feasible[k];
                }
            }
        }

        placement.TieCount = ties;
        if (ties > 1)
        {
            placement.Ties = SmallestTieNames(found, bestScore);
        }

        return bestIndex;
    }

    /// <summary>
    /// PodTopologySpread scoring (podtopologyspread/scoring.go) for ScheduleAnyway constraints: per node
    /// Σ cnt·log(domains+2) + (maxSkew−1), rounded; nodes missing a topology key are ignored (score 0); the rest are
    /// normalised as 100·(max+min−s)/max (100 for all when max is 0). Counts are matching pods of the pod's namespace
    /// on nodes that match the pod's node affinity (nodeAffinityPolicy Honor).
    /// </summary>
    private long[]? SpreadScores(SimPod pod, int found)
    {
        List<SpreadConstraint>? constraints = null;
        foreach (var constraint in pod.SpreadConstraints)
        {
            if (!constraint.DoNotSchedule)
            {
                (constraints ??= []).Add(constraint);
            }
        }

        if (constraints is null)
        {
            return null;
        }

        var raw = new double[found];
        var ignored = new bool[found];
        foreach (var constraint in constraints)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var state in _nodes)
            {
                if ((constraint.HonorNodeAffinity && !pod.MatchesNodeAffinity(state.Node)) || !state.Node.Labels.TryGetValue(constraint.TopologyKey, out var domain))
                {
                    continue;
                }

                var matching = 0;
                foreach (var other in state.Pods)
                {
                    if (constraint.Counts(other, pod.Namespace))
                    {
                        matching++;
                    }
                }

                counts[domain] = (counts.TryGetValue(domain, out var c) ? c : 0) + matching;
            }

            var domains = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < found; k++)
            {
                if (_nodes[_feasible[k]].Node.Labels.TryGetValue(constraint.TopologyKey, out var domain))
                {
                    domains.Add(domain);
                }
            }

            var weight = Math.Log(domains.Count + 2);
            for (var k = 0; k < found; k++)
            {
                if (!_nodes[_feasible[k]].Node.Labels.TryGetValue(constraint.TopologyKey, out var domain))
                {
                    ignored[k] = true;
                    continue;
                }

                raw[k] += ((counts.TryGetValue(domain, out var c) ? c : 0) * weight) + (constraint.MaxSkew - 1);
            }
        }

        long min = long.MaxValue, max = 0;
        var scores = new long[found];
        for (var k = 0; k < found; k++)
        {
            if (ignored[k])
            {
                continue;
            }

            scores[k] = (long)Math.Round(raw[k], MidpointRounding.AwayFromZero);
            min = Math.Min(min, scores[k]);
            max = Math.Max(max, scores[k]);
        }

        for (var k = 0; k < found; k++)
        {
            scores[k] = ignored[k] ? 0 : max == 0 ? 100 : 100 * (max + min - scores[k]) / max;
        }

        return scores;
    }

    /// <summary>
    /// InterPodAffinity scoring for the pod's preferred terms: every existing pod matching a term adds (affinity) or
    /// subtracts (anti-affinity) the term's weight on the nodes of its topology domain; min–max normalised to 0–100
    /// (all 0 when max equals min, a form the reference gives from memory). Existing pods' own preferred terms
    /// toward the incoming pod are not counted.
    /// </summary>
    private long[] PodAffinityScores(SimPod pod, int found)
    {
        var domains = new Dictionary<(string Key, string Value), long>();
        foreach (var state in _nodes)
        {
            foreach (var other in state.Pods)
            {
                foreach (var (weight, term) in pod.PreferredPodTerms)
                {
                    if (term.Matches(other) && state.Node.Labels.TryGetValue(term.TopologyKey, out var value))
                    {
                        var key = (term.TopologyKey, value);
                        domains[key] = (domains.TryGetValue(key, out var sum) ? sum : 0) + weight;
                    }
                }
            }
        }

        var raw = new long[found];
        long min = long.MaxValue, max = long.MinValue;
        for (var k = 0; k < found; k++)
        {
            var labels = _nodes[_feasible[k]].Node.Labels;
            foreach (var pair in domains)
            {
                if (labels.TryGetValue(pair.Key.Key, out var value) && value == pair.Key.Value)
                {
                    raw[k] += pair.Value;
                }
            }

            min = Math.Min(min, raw[k]);
            max = Math.Max(max, raw[k]);
        }

        for (var k = 0; k < found; k++)
        {
            raw[k] = max == min ? 0 : 100 * (raw[k] - min) / (max - min);
        }

        return raw;
    }

    private void Count(SimPod pod, int index, int delta)
    {
        if (pod.SpreadGroup is null)
        {
            return;
        }

        if (!_groups.TryGetValue(pod.SpreadGroup, out var group))
        {
            _groups[pod.SpreadGroup] = group = new GroupCounts(_nodes.Length, _zoneCount);
        }

        group.PerNode[index] += delta;
        if (_zoneOf[index] >= 0)
        {
            group.PerZone[_zoneOf[index]] += delta;
        }
    }

    private const string ZoneLabel = "topology.kubernetes.io/zone";

    /// <summary>
    /// The system default spreading (PodTopologySpreadArgs defaultingType System): ScheduleAnyway on
    /// kubernetes.io/hostname with maxSkew 3 and on topology.kubernetes.io/zone with maxSkew 5, for pods without
    /// constraints of their own. The selector is the owning ReplicaSet/StatefulSet/ReplicationController's, counted
    /// here as the pods of the same workload (kept per node and per zone as pods come and go, so the score stays O(1)
    /// per node); Services selecting the pod are not considered. Nodes without the zone label only miss that term.
    /// </summary>
    private long[]? DefaultSpreadScores(SimPod pod, int found)
    {
        if (pod.SpreadGroup is null)
        {
            return null;
        }

        _groups.TryGetValue(pod.SpreadGroup, out var group);
        _zoneStamp++;
        var zones = 0;
        for (var k = 0; k < found; k++)
        {
            var zone = _zoneOf[_feasible[k]];
            if (zone >= 0 && _zoneSeen[zone] != _zoneStamp)
            {
                _zoneSeen[zone] = _zoneStamp;
                zones++;
            }
        }

        var hostWeight = Math.Log(found + 2);
        var zoneWeight = Math.Log(zones + 2);
        var scores = new long[found];
        long min = long.MaxValue, max = 0;
        for (var k = 0; k < found; k++)
        {
            var index = _feasible[k];
            var raw = ((group?.PerNode[index] ?? 0) * hostWeight) + (3 - 1);
            var zone = _zoneOf[index];
            if (zone >= 0)
            {
                raw += ((group?.PerZone[zone] ?? 0) * zoneWeight) + (5 - 1);
            }

            scores[k] = (long)Math.Round(raw, MidpointRounding.AwayFromZero);
            min = Math.Min(min, scores[k]);
            max = Math.Max(max, scores[k]);
        }

        for (var k = 0; k < found; k++)
        {
            scores[k] = max == 0 ? 100 : 100 * (max + min - scores[k]) / max;
        }

        return scores;
    }

    /// <summary>Pods of one spreading group per node and per zone.</summary>
    private sealed class GroupCounts
    {
        public GroupCounts(int nodes, int zones)
        {
            PerNode = new int[nodes];
            PerZone = new int[zones];
        }

        public int[] PerNode { get; private init; }

        public int[] PerZone { get; private init; }

        public GroupCounts Clone() => new(0, 0)
        {
            PerNode = (int[])PerNode.Clone(),
            PerZone = (int[])PerZone.Clone(),
        };
    }

    /// <summary>The first few tied node names in ordinal order, kept in a small sorted buffer (no full sort per pod).</summary>
    private List<string> SmallestTieNames(int found, long bestScore)
    {
        var names = new List<string>(MaxTieNames + 1);
        for (var k = 0; k < found; k++)
        {
            if (_scores[k] != bestScore)
            {
                continue;
            }

            var name = _nodes[_feasible[k]].Node.Name;
            if (names.Count == MaxTieNames && string.CompareOrdinal(name, names[MaxTieNames - 1]) >= 0)
            {
                continue;
            }

            var at = names.Count;
            while (at > 0 && string.CompareOrdinal(name, names[at - 1]) < 0)
            {
                at--;
            }

            names.Insert(at, name);
            if (names.Count > MaxTieNames)
            {
                names.RemoveAt(MaxTieNames);
            }
        }

        return names;
    }

    private static bool ToleratesPreferred(SimPod pod, Taint taint)
    {
        foreach (var toleration in pod.Tolerations)
        {
            if (toleration.Effect is "" or Taint.PreferNoSchedule && toleration.Tolerates(taint))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>LeastAllocated over cpu and memory (weights 1) with the non-zero requests; int64 arithmetic as upstream.</summary>
    private static long LeastAllocated(SimPod pod, NodeState state)
    {
        long score = 0, weights = 0;
        if (state.AllocMilliCpu > 0)
        {
            score += LeastRequested(state.NonZeroMilliCpu + pod.NonZeroMilliCpu, state.AllocMilliCpu);
            weights++;
        }

        if (state.AllocMemory > 0)
        {
            score += LeastRequested(state.NonZeroMemory + pod.NonZeroMemory, state.AllocMemory);
            weights++;
        }

        return weights == 0 ? 0 : score / weights;
    }

    internal static long LeastRequested(long requested, long capacity)
        => requested > capacity ? 0 : (capacity - requested) * 100 / capacity;

    /// <summary>BalancedAllocation: fractions of the actual requests (capped at 1); with two resources std = |f1-f2|/2.</summary>
    private static long BalancedAllocation(SimPod pod, NodeState state)
    {
        double first = 0, second = 0;
        var count = 0;
        if (state.AllocMilliCpu > 0)
        {
            first = Math.Min(1.0, (double)(state.ReqMilliCpu + pod.Requests.MilliCpu) / state.AllocMilliCpu);
            count++;
        }

        if (state.AllocMemory > 0)
        {
            second = Math.Min(1.0, (double)(state.ReqMemory + pod.Requests.Memory) / state.AllocMemory);
            count++;
        }

        return BalancedScore(first, second, count);
    }

    internal static long BalancedScore(double first, double second, int count)
    {
        var std = count == 2 ? Math.Abs(first - second) / 2 : 0.0;
        return (long)((1 - std) * 100);
    }

    private void Bind(SimPod pod, int index, List<SimClaim> delayed)
    {
        if (delayed.Count > 0)
        {
            var plan = new List<(SimClaim Claim, SimVolume? Volume)>();
            _binder.CanBindOnNode(delayed, _nodes[index].Node, plan);
            foreach (var (claim, volume) in plan)
            {
                if (volume is not null)
                {
                    _binder.Bind(claim, volume);
                }
                else
                {
                    _binder.Provision(claim, _nodes[index].Node);
                }
            }
        }

        Add(pod, index);
    }

    private void Add(SimPod pod, int index)
    {
        _nodes[index].Add(pod);
        _podNode[pod] = index;
        Count(pod, index, 1);
        if (pod.RequiredAntiAffinity.Count > 0)
        {
            _antiAffinityPods++;
        }
    }

    private string PreFilterFailure(SimPod pod, string message)
    {
        var n = _nodes.Length.ToString(CultureInfo.InvariantCulture);
        var post = pod.NeverPreempts
            ? "preemption: " + Reasons.PreemptionNever
            : "preemption: 0/" + n + " nodes are available: " + n + " " + Reasons.PreemptionNotHelpful + ".";
        return "0/" + n + " nodes are available: " + message + ". " + post;
    }

    /// <summary>
    /// DefaultPreemption. Nodes that failed an unresolvable filter are "not helpful"; on the others the pods of lower
    /// priority are the candidate victims. With a candidate, the lowest-priority victims that make the pod fit are
    /// evicted (the node whose highest victim priority is lowest, then fewest victims, then by name) and the pod
    /// placed there; the evicted pods are returned through <see cref="Preempted"/> for requeueing.
    /// </summary>
    private Placement Preempt(SimPod pod, Placement placement, List<SimClaim> delayed, List<SimVolume> bound, SpreadState? spread, AffinityState? affinity)
    {
        var n = _nodes.Length;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var notHelpful = 0;
        var noVictims = 0;
        var bestNode = -1;
        List<SimPod>? bestVictims = null;
        var bestMaxPriority = int.MaxValue;
        for (var i = 0; i < n; i++)
        {
            var fail = (Fail)_fail[i];
            foreach (var reason in ReasonsFor(pod, _nodes[i], fail))
            {
                counts[reason] = counts.TryGetValue(reason, out var c) ? c + 1 : 1;
            }

            if (IsUnresolvable(fail))
            {
                notHelpful++;
                continue;
            }

            var victims = pod.NeverPreempts ? null : FindVictims(pod, _nodes[i], delayed, bound, spread, affinity);
            if (victims is null)
            {
                noVictims++;
                continue;
            }

            var maxPriority = victims.Count == 0 ? int.MinValue : victims.Max(v => v.Priority);
            if (bestVictims is null || maxPriority < bestMaxPriority || (maxPriority == bestMaxPriority && victims.Count < bestVictims.Count))
            {
                bestNode = i;
                bestVictims = victims;
                bestMaxPriority = maxPriority;
            }
        }

        if (bestVictims is not null)
        {
            foreach (var victim in bestVictims)
            {
                Remove(victim);
                Preempted.Add((victim, pod, _nodes[bestNode].Node.Name));
            }

            Bind(pod, bestNode, delayed);
            placement.Node = _nodes[bestNode].Node.Name;
            return placement;
        }

        var total = n.ToString(CultureInfo.InvariantCulture);
        var message = "0/" + total + " nodes are available: " + Join(counts) + ".";
        if (pod.NeverPreempts)
        {
            placement.Reason = message + " preemption: " + Reasons.PreemptionNever;
            return placement;
        }

        var post = new Dictionary<string, int>(StringComparer.Ordinal);
        if (notHelpful > 0)
        {
            post[Reasons.PreemptionNotHelpful] = notHelpful;
        }

        if (noVictims > 0)
        {
            post[Reasons.NoPreemptionVictims] = noVictims;
        }

        placement.Reason = message + " preemption: 0/" + total + " nodes are available: " + Join(post) + ".";
        return placement;
    }

    /// <summary>Pods evicted by preemption during the last cycles: (victim, preemptor, node). The caller drains it.</summary>
    public List<(SimPod Victim, SimPod By, string Node)> Preempted { get; } = [];

    /// <summary>
    /// SelectVictimsOnNode: remove every lower-priority pod; if the pod then passes the filters, add victims back
    /// from the highest priority down while it still fits. Null when removing them all does not help.
    /// </summary>
    private List<SimPod>? FindVictims(SimPod pod, NodeState state, List<SimClaim> delayed, List<SimVolume> bound, SpreadState? spread, AffinityState? affinity)
    {
        var lower = state.Pods.Where(p => p.Priority < pod.Priority).OrderByDescending(p => p.Priority).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (lower.Count == 0)
        {
            return null;
        }

        var trial = state.Clone();
        foreach (var victim in lower)
        {
            trial.Remove(victim);
        }

        if (Filter(pod, trial, delayed, bound, spread, affinity) != Fail.None)
        {
            return null;
        }

        var victims = new List<SimPod>();
        foreach (var candidate in lower)
        {
            trial.Add(candidate);
            if (!Fits(pod, trial) || (pod.HostPorts.Count > 0 && trial.Ports is { } ports && PortsConflict(pod, ports)))
            {
                trial.Remove(candidate);
                victims.Add(candidate);
            }
        }

        return victims;
    }

    private static bool IsUnresolvable(Fail fail) => fail is Fail.Unschedulable or Fail.Taint or Fail.NodeAffinity or Fail.VolumeAffinity
        or Fail.NoVolumes or Fail.VolumeZone or Fail.SpreadMissingLabel or Fail.PodAffinity;

    private IEnumerable<string> ReasonsFor(SimPod pod, NodeState state, Fail fail)
    {
        switch (fail)
        {
            case Fail.Unschedulable:
                return [Reasons.NodeUnschedulable];
            case Fail.Taint:
                var taint = FirstUntoleratedTaint(pod, state.Node)!;
                return [_version.GenericTaintReason ? Reasons.UntoleratedTaints : Reasons.UntoleratedTaint(taint.Key, taint.Value)];
            case Fail.NodeAffinity:
                return [Reasons.NodeAffinity];
            case Fail.Ports:
                return [Reasons.NodePorts];
            case Fail.Resources:
                return ResourceReasons(pod, state);
            case Fail.VolumeAffinity:
                return [_version.NewVolumeAffinityReason ? Reasons.VolumeAffinityConflict : Reasons.VolumeAffinityConflictOld];
            case Fail.NoVolumes:
                return [Reasons.NoMatchingVolumes];
            case Fail.VolumeZone:
                return [Reasons.VolumeZone];
            case Fail.SpreadMissingLabel:
                return [Reasons.TopologySpreadMissingLabel];
            case Fail.Spread:
                return [Reasons.TopologySpread];
            case Fail.ExistingAntiAffinity:
                return [Reasons.ExistingAntiAffinity];
            case Fail.PodAffinity:
                return [Reasons.PodAffinity];
            case Fail.PodAntiAffinity:
                return [Reasons.PodAntiAffinity];
            default:
                return [];
        }
    }

    /// <summary>"&lt;count&gt; &lt;reason&gt;" pairs sorted as Go's sort.Strings does (ordinal), joined by ", ".</summary>
    private static string Join(Dictionary<string, int> counts)
    {
        var parts = counts.Select(p => p.Value.ToString(CultureInfo.InvariantCulture) + " " + p.Key).ToList();
        parts.Sort(StringComparer.Ordinal);
        return string.Join(", ", parts);
    }

    /// <summary>PodTopologySpread PreFilter state for the DoNotSchedule constraints.</summary>
    private sealed class SpreadState
    {
        private readonly List<(SpreadConstraint Constraint, Dictionary<string, int> Counts, int GlobalMin, int Self)> _constraints = [];

        public static SpreadState? Build(SimPod pod, NodeState[] nodes)
        {
            if (pod.SpreadConstraints.Count == 0 || !pod.SpreadConstraints.Any(c => c.DoNotSchedule))
            {
                return null;
            }

            var state = new SpreadState();
            foreach (var constraint in pod.SpreadConstraints.Where(c => c.DoNotSchedule))
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var node in nodes)
                {
                    // Eligible nodes: carry every constraint's key, match the pod's node affinity (nodeAffinityPolicy
                    // Honor by default) and, with nodeTaintsPolicy Honor, have no untolerated taint.
                    if (!pod.SpreadConstraints.All(c => !c.DoNotSchedule || node.Node.Labels.ContainsKey(c.TopologyKey))
                        || (constraint.HonorNodeAffinity && !pod.MatchesNodeAffinity(node.Node))
                        || (constraint.HonorTaints && FirstUntoleratedTaint(pod, node.Node) is not null))
                    {
                        continue;
                    }

                    var domain = node.Node.Labels[constraint.TopologyKey];
                    var matching = 0;
                    foreach (var other in node.Pods)
                    {
                        if (constraint.Counts(other, pod.Namespace))
                        {
                            matching++;
                        }
                    }

                    counts[domain] = (counts.TryGetValue(domain, out var c) ? c : 0) + matching;
                }

                var globalMin = counts.Count == 0 ? 0 : counts.Values.Min();
                if (counts.Count < constraint.MinDomains)
                {
                    globalMin = 0;
                }

                var self = constraint.Selector is not null && constraint.Selector.Matches(pod.Labels) ? 1 : 0;
                state._constraints.Add((constraint, counts, globalMin, self));
            }

            return state;
        }

        public Fail Check(SimNode node)
        {
            foreach (var (constraint, counts, globalMin, self) in _constraints)
            {
                if (!node.Labels.TryGetValue(constraint.TopologyKey, out var domain))
                {
                    return Fail.SpreadMissingLabel;
                }

                var matching = counts.TryGetValue(domain, out var c) ? c : 0;
                if (matching + self - globalMin > constraint.MaxSkew)
                {
                    return Fail.Spread;
                }
            }

            return Fail.None;
        }
    }

    /// <summary>InterPodAffinity PreFilter state: the topology pairs that satisfy or forbid the pod.</summary>
    private sealed class AffinityState
    {
        private readonly HashSet<(string, string)> _existingAnti = [];
        private readonly List<(string Key, HashSet<string> Values)> _affinity = [];
        private readonly List<(string Key, HashSet<string> Values)> _anti = [];
        private bool _affinityWaived;

        public static AffinityState? Build(SimPod pod, NodeState[] nodes, bool anyAntiAffinity)
        {
            if (pod.RequiredAffinity.Count == 0 && pod.RequiredAntiAffinity.Count == 0 && !anyAntiAffinity)
            {
                return null;
            }

            var state = new AffinityState();
            foreach (var term in pod.RequiredAffinity)
            {
                state._affinity.Add((term.TopologyKey, new HashSet<string>(StringComparer.Ordinal)));
            }

            foreach (var term in pod.RequiredAntiAffinity)
            {
                state._anti.Add((term.TopologyKey, new HashSet<string>(StringComparer.Ordinal)));
            }

            var anyMatch = false;
            foreach (var node in nodes)
            {
                foreach (var other in node.Pods)
                {
                    // Existing pods' required anti-affinity is symmetric: it rejects the incoming pod in their domain.
                    foreach (var term in other.RequiredAntiAffinity)
                    {
                        if (term.Matches(pod) && node.Node.Labels.TryGetValue(term.TopologyKey, out var value))
                        {
                            state._existingAnti.Add((term.TopologyKey, value));
                        }
                    }

                    for (var t = 0; t < pod.RequiredAffinity.Count; t++)
                    {
                        var term = pod.RequiredAffinity[t];
                        if (term.Matches(other))
                        {
                            anyMatch = true;
                            if (node.Node.Labels.TryGetValue(term.TopologyKey, out var value))
                            {
                                state._affinity[t].Values.Add(value);
                            }
                        }
                    }

                    for (var t = 0; t < pod.RequiredAntiAffinity.Count; t++)
                    {
                        var term = pod.RequiredAntiAffinity[t];
                        if (term.Matches(other) && node.Node.Labels.TryGetValue(term.TopologyKey, out var value))
                        {
                            state._anti[t].Values.Add(value);
                        }
                    }
                }
            }

            // The first pod of a group with affinity to itself may go anywhere: no pod matches any term and the
            // pod matches all of its own terms.
            state._affinityWaived = !anyMatch && pod.RequiredAffinity.All(t => t.Matches(pod));
            return state;
        }

        /// <summary>Existing pods' anti-affinity first, then the pod's affinity, then its anti-affinity [order from memory].</summary>
        public Fail Check(SimNode node)
        {
            foreach (var (key, value) in _existingAnti)
            {
                if (node.Labels.TryGetValue(key, out var nodeValue) && nodeValue == value)
                {
                    return Fail.ExistingAntiAffinity;
                }
            }

            foreach (var (key, values) in _affinity)
            {
                if (!node.Labels.TryGetValue(key, out var value) || (!_affinityWaived && !values.Contains(value)))
                {
                    return Fail.PodAffinity;
                }
            }

            foreach (var (key, values) in _anti)
            {
                if (node.Labels.TryGetValue(key, out var value) && values.Contains(value))
                {
                    return Fail.PodAntiAffinity;
                }
            }

            return Fail.None;
        }
    }
}
