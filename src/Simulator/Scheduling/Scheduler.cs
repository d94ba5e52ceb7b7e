using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;
using KubeLint.Simulator.Scheduling.Plugins;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator.Scheduling;

/// <summary>
/// One scheduling cycle of kube-scheduler's default profile (pkg/scheduler/schedule_one.go), deterministic:
/// PreFilter; Filter over the nodes PreFilter allows, starting where the previous cycle stopped (nextStartNodeIndex)
/// and stopping after numFeasibleNodesToFind feasible nodes (all of them below 100 nodes, else
/// max(5, 50 − nodes/125) % and at least 100); PostFilter (preemption) when none fits; Score with the profile's
/// weights; and the highest total wins. Upstream breaks equal scores at random (selectHost), so here the ordinally
/// smallest node name wins and the tie set is reported.
/// </summary>
public sealed class Scheduler
{
    private const int MinFeasibleNodesToFind = 100;
    private const int MinFeasibleNodesPercentageToFind = 5;
    private const int MaxTieNames = 8;

    private readonly ClusterSnapshot _snapshot;
    private readonly VolumeBinder _binder;
    private readonly SchedulerVersion _version;
    private readonly SchedulingProfile _profile;
    private readonly DefaultPreemption _preemption;
    private readonly List<string> _restricting = [];
    private readonly List<string> _reasons = [];
    private readonly List<int> _explicit = [];
    private NodeInfo[] _feasible = [];
    private int[] _failFilter = [];
    private int[] _failCode = [];
    private long[] _scores = [];
    private long[] _pluginScores = [];
    private int _nextStartNodeIndex;

    public Scheduler(IReadOnlyList<SimNode> nodes, VolumeBinder binder, SchedulerVersion version)
        : this(new ClusterSnapshot(nodes), binder, version)
    {
    }

    private Scheduler(ClusterSnapshot snapshot, VolumeBinder binder, SchedulerVersion version)
    {
        _snapshot = snapshot;
        _binder = binder;
        _version = version;
        _profile = new SchedulingProfile(snapshot, binder, version);
        _preemption = new DefaultPreemption(_profile, snapshot);
    }

    /// <summary>Pods evicted by preemption during the last cycles: (victim, preemptor, node). The caller drains it.</summary>
    public List<(SimPod Victim, SimPod By, string Node)> Preempted { get; } = [];

    /// <summary>Grows with every change of placements or nodes.</summary>
    public long Version => _snapshot.Version;

    public int NodeCount => _snapshot.NodeCount;

    /// <summary>An independent copy of the placement state (volumes are shared; snapshot them separately).</summary>
    public Scheduler Clone() => new(_snapshot.Clone(), _binder, _version) { _nextStartNodeIndex = _nextStartNodeIndex };

    public string? NodeOf(SimPod pod) => _snapshot.NodeOf(pod)?.Node.Name;

    public IEnumerable<(SimNode Node, Resources Requested, int Pods)> Usage()
        => _snapshot.Nodes.Select(n => (n.Node, n.Requested, n.Pods.Count));

    /// <summary>Adds a node to the cluster (a scale-up of the autoscaled default cluster).</summary>
    public void AddNode(SimNode node) => _snapshot.AddNode(node);

    /// <summary>Places a pod on a named node without scheduling (spec.nodeName, pods already running).</summary>
    public bool Assign(SimPod pod, string nodeName)
    {
        var index = _snapshot.IndexOf(nodeName);
        if (index < 0)
        {
            return false;
        }

        _snapshot.Bind(pod, index);
        return true;
    }

    public void Remove(SimPod pod) => _snapshot.Remove(pod);

    /// <summary>The kubelet's admission check for a pod bound by name: null when it fits the node's free resources and pod count.</summary>
    public string? KubeletRejection(SimPod pod, string nodeName)
    {
        var index = _snapshot.IndexOf(nodeName);
        if (index < 0)
        {
            return "node \"" + nodeName + "\" not found";
        }

        _reasons.Clear();
        NodeResourcesFit.Reasons(pod, _snapshot[index], _reasons);
        return _reasons.Count == 0 ? null : "kubelet rejects the pod on node " + nodeName + ": " + string.Join(", ", _reasons);
    }

    /// <summary>
    /// Whether the pod would pass every filter on a new node like <paramref name="template"/> already running
    /// <paramref name="daemons"/> (the cluster-autoscaler's scale-up check), without changing anything.
    /// </summary>
    public bool FitsNewNode(SimPod pod, SimNode template, IEnumerable<SimPod> daemons)
    {
        var state = _profile.NewCycle();
        _restricting.Clear();
        var pre = _profile.RunPreFilter(state, pod, _restricting);
        if (pre.Code != StatusCode.Success || (pre.NodeNames is not null && !pre.NodeNames.Contains(template.Name)))
        {
            return false;
        }

        var node = new NodeInfo(template, _snapshot.NodeCount);
        foreach (var daemon in daemons)
        {
            node.Add(daemon);
        }

        return _profile.RunFilter(state, pod, node, out _) < 0;
    }

    /// <summary>The PreEnqueue plugins' reason to keep the pod out of the active queue (scheduling gates), or null.</summary>
    public string? PreEnqueue(SimPod pod)
    {
        foreach (var plugin in _profile.PreEnqueue)
        {
            if (plugin.PreEnqueue(pod) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>One scheduling cycle: the pod is bound on success, otherwise the FailedScheduling message is returned.</summary>
    public Placement Schedule(SimPod pod)
    {
        var placement = new Placement { Pod = pod };
        var n = _snapshot.NodeCount;
        if (n == 0)
        {
            placement.Reason = "no nodes available to schedule pods";
            return placement;
        }

        EnsureCapacity(n);
        var state = _profile.NewCycle();
        _restricting.Clear();
        var pre = _profile.RunPreFilter(state, pod, _restricting);
        if (pre.Code != StatusCode.Success)
        {
            var error = new FitError(n);
            error.Add(DefaultPreemption.NotHelpful, n);
            // The DynamicResources PostFilter is not added here: its PreFilter comes last and has not run after an
            // earlier PreFilter rejected the pod, so upstream's message for that case is not the one modelled.
            placement.Reason = new FitError(n).Message(pre.Message) + " "
                + (pod.NeverPreempts ? "preemption: " + DefaultPreemption.NotEligible : "preemption: " + error.Message());
            return placement;
        }

        var nodes = Candidates(pre.NodeNames, out var absent);
        var found = FindFeasible(state, pod, nodes, n);
        if (found == 0)
        {
            return Fail(state, pod, placement, n, absent);
        }

        var best = found == 1 ? _feasible[0] : Score(state, pod, found, placement);
        Bind(state, pod, best);
        placement.Node = best.Node.Name;
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

    /// <summary>
    /// The nodes to filter: all, or those of the PreFilter result that exist (looked up by name, so a DaemonSet pod
    /// costs one node, not a pass over the cluster). <paramref name="absent"/> is the status message of the others.
    /// </summary>
    private List<int>? Candidates(IReadOnlyCollection<string>? names, out string? absent)
    {
        absent = null;
        if (names is null)
        {
            return null;
        }

        absent = "node(s) didn't satisfy plugin(s) [" + string.Join(" ", _restricting) + "]";
        var nodes = new List<int>(names.Count);
        foreach (var name in names)
        {
            var index = _snapshot.IndexOf(name);
            if (index >= 0)
            {
                nodes.Add(index);
            }
        }

        nodes.Sort();
        return nodes;
    }

    /// <summary>findNodesThatPassFilters; also advances nextStartNodeIndex by the nodes processed.</summary>
    private int FindFeasible(CycleState state, SimPod pod, List<int>? nodes, int n)
    {
        var count = nodes?.Count ?? n;
        var toFind = NumFeasibleNodesToFind(count);
        var found = 0;
        var processed = 0;
        _explicit.Clear();
        _profile.SelectFilters(state, pod);
        for (var k = 0; k < count && found < toFind; k++)
        {
            var position = (_nextStartNodeIndex + k) % count;
            var info = _snapshot[nodes is null ? position : nodes[position]];
            processed++;
            var failing = _profile.RunSelectedFilters(state, pod, info, out var failure);
            if (failing < 0)
            {
                _feasible[found++] = info;
            }
            else
            {
                _failFilter[info.Index] = failing;
                _failCode[info.Index] = failure;
                _explicit.Add(info.Index);
            }
        }

        _nextStartNodeIndex = (_nextStartNodeIndex + processed) % n;
        return found;
    }

    /// <summary>The FitError and PostFilter: preemption places the pod when it finds victims.</summary>
    private Placement Fail(CycleState state, SimPod pod, Placement placement, int n, string? absent)
    {
        var error = new FitError(n);
        var potential = new List<int>();
        foreach (var index in _explicit)
        {
            _reasons.Clear();
            _profile.AppendReasons(state, pod, _snapshot[index], _failFilter[index], _failCode[index], _reasons);
            error.AddAll(_reasons);
            if (_profile.Filters[_failFilter[index]].CodeOf(_failCode[index]) == StatusCode.Unschedulable)
            {
                potential.Add(index);
            }
        }

        if (absent is not null && n > _explicit.Count)
        {
            error.Add(absent, n - _explicit.Count);
        }

        potential.Sort();
        var (node, victims, message) = _preemption.PostFilter(state, pod, potential);
        if (node >= 0)
        {
            foreach (var victim in victims)
            {
                _snapshot.Remove(victim);
                Preempted.Add((victim, pod, _snapshot[node].Node.Name));
            }

            // Upstream nominates the node and binds the pod in a later cycle, once the victims are gone; the
            // nominated pod's resources are reserved meanwhile, so binding now gives the same placement.
            var retry = _profile.NewCycle();
            _restricting.Clear();
            _profile.RunPreFilter(retry, pod, _restricting);
            Bind(retry, pod, _snapshot[node]);
            placement.Node = _snapshot[node].Node.Name;
            return placement;
        }

        placement.Reason = error.Message() + " " + DynamicResources.PostFilterMessage(_version, message!);
        return placement;
    }

    /// <summary>prioritizeNodes and selectHost.</summary>
    private NodeInfo Score(CycleState state, SimPod pod, int found, Placement placement)
    {
        Array.Clear(_scores, 0, found);
        foreach (var plugin in _profile.Scores)
        {
            if (!plugin.PreScore(state, pod, _feasible, found))
            {
                continue;
            }

            plugin.Score(state, pod, _feasible, found, _pluginScores);
            var weight = plugin.Weight;
            for (var k = 0; k < found; k++)
            {
                _scores[k] += weight * _pluginScores[k];
            }
        }

        var ranks = _snapshot.NameRanks;
        var best = 0;
        var ties = 1;
        for (var k = 1; k < found; k++)
        {
            if (_scores[k] > _scores[best])
            {
                best = k;
                ties = 1;
            }
            else if (_scores[k] == _scores[best])
            {
                ties++;
                if (ranks[_feasible[k].Index] < ranks[_feasible[best].Index])
                {
                    best = k;
                }
            }
        }

        placement.TieCount = ties;
        if (ties > 1)
        {
            placement.Ties = SmallestTieNames(found, _scores[best]);
        }

        return _feasible[best];
    }

    /// <summary>Reserve (volumes) and bind.</summary>
    private void Bind(CycleState state, SimPod pod, NodeInfo node)
    {
        foreach (var plugin in _profile.Reserve)
        {
            plugin.Reserve(state, pod, node);
        }

        _snapshot.Bind(pod, node.Index);
    }

    private void EnsureCapacity(int n)
    {
        if (_feasible.Length >= n)
        {
            return;
        }

        var size = Math.Max(n, _feasible.Length * 2);
        _feasible = new NodeInfo[size];
        _failFilter = new int[size];
        _failCode = new int[size];
        _scores = new long[size];
        _pluginScores = new long[size];
    }

    /// <summary>The first few tied node names in ordinal order, kept in a small buffer sorted by name rank (no full sort per pod).</summary>
    private List<string> SmallestTieNames(int found, long bestScore)
    {
        var ranks = _snapshot.NameRanks;
        var smallest = new List<NodeInfo>(MaxTieNames + 1);
        for (var k = 0; k < found; k++)
        {
            if (_scores[k] != bestScore)
            {
                continue;
            }

            var rank = ranks[_feasible[k].Index];
            if (smallest.Count == MaxTieNames && rank >= ranks[smallest[MaxTieNames - 1].Index])
            {
                continue;
            }

            var at = smallest.Count;
            while (at > 0 && rank < ranks[smallest[at - 1].Index])
            {
                at--;
            }

            smallest.Insert(at, _feasible[k]);
            if (smallest.Count > MaxTieNames)
            {
                smallest.RemoveAt(MaxTieNames);
            }
        }

        return smallest.ConvertAll(node => node.Node.Name);
    }
}
