using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling.Framework;

/// <summary>framework.Code, the part of it a simulation can produce.</summary>
internal enum StatusCode
{
    Success,

    /// <summary>The node might fit after preemption.</summary>
    Unschedulable,

    /// <summary>Preemption cannot help on the node.</summary>
    UnschedulableAndUnresolvable,

    /// <summary>The plugin has nothing to do for the pod; its Filter (or Score) is not run this cycle.</summary>
    Skip,
}

/// <summary>What a PreFilter plugin returns: its status and, optionally, the only nodes worth filtering.</summary>
internal readonly struct PreFilterResult
{
    public PreFilterResult(StatusCode code, string? message = null, IReadOnlyCollection<string>? nodeNames = null)
    {
        Code = code;
        Message = message;
        NodeNames = nodeNames;
    }

    public static PreFilterResult Success => new(StatusCode.Success);

    public static PreFilterResult Skip => new(StatusCode.Skip);

    public StatusCode Code { get; }

    public string? Message { get; }

    /// <summary>PreFilterResult.NodeNames; null means all nodes.</summary>
    public IReadOnlyCollection<string>? NodeNames { get; }

    public static PreFilterResult Reject(string message) => new(StatusCode.UnschedulableAndUnresolvable, message);
}

/// <summary>A plugin of the default profile; <see cref="Name"/> is upstream's (names.go).</summary>
internal abstract class SchedulerPlugin
{
    public abstract string Name { get; }

    /// <summary>The plugin's place in the cycle state, set when the profile is built.</summary>
    public int Slot { get; set; }
}

/// <summary>PreEnqueue: a pod that may not enter the active queue yet (SchedulingGates).</summary>
internal interface IPreEnqueuePlugin
{
    /// <summary>Why the pod must wait, or null.</summary>
    string? PreEnqueue(SimPod pod);
}

internal interface IPreFilterPlugin
{
    PreFilterResult PreFilter(CycleState state, SimPod pod);
}

/// <summary>PreFilterExtensions: keeps the PreFilter state right when preemption removes or re-adds pods on a node.</summary>
internal interface IPreFilterExtensions
{
    void AddPod(CycleState state, SimPod pod, SimPod added, NodeInfo node);

    void RemovePod(CycleState state, SimPod pod, SimPod removed, NodeInfo node);
}

/// <summary>
/// A Filter plugin. <see cref="Filter"/> returns 0 when the node passes, else a failure code of the plugin's own;
/// the reasons are produced only for nodes that failed, when the FitError message is written, so the hot loop
/// allocates nothing.
/// </summary>
internal interface IFilterPlugin
{
    int Filter(CycleState state, SimPod pod, NodeInfo node);

    /// <summary>Unschedulable (preemption may help) or UnschedulableAndUnresolvable.</summary>
    StatusCode CodeOf(int failure);

    void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons);
}

/// <summary>
/// A filter that knows, before the nodes are filtered, that it passes every node of the snapshot for a pod (no
/// cordoned node, no hard taint, no node name asked for). The framework then leaves it out of that cycle: the
/// outcome is the same, and the filter calls of 500 nodes per pod are the larger part of a large cluster's
/// scheduling time. A node outside the snapshot (the autoscaler's template) is always run through every filter.
/// </summary>
internal interface IFilterShortcut
{
    bool PassesEveryNode(SimPod pod, ClusterSnapshot snapshot);
}

/// <summary>PreScore, Score and NormalizeScore over the feasible nodes, with the profile's weight.</summary>
internal interface IScorePlugin
{
    int Weight { get; }

    /// <summary>PreScore; false is Skip (the plugin adds nothing for this pod).</summary>
    bool PreScore(CycleState state, SimPod pod, NodeInfo[] feasible, int count);

    /// <summary>Writes the normalised scores (0-100) of feasible[0..count) into <paramref name="scores"/>.</summary>
    void Score(CycleState state, SimPod pod, NodeInfo[] feasible, int count, long[] scores);
}

/// <summary>Reserve (and the binding it leads to): VolumeBinding assumes the chosen volumes.</summary>
internal interface IReservePlugin
{
    void Reserve(CycleState state, SimPod pod, NodeInfo node);
}

/// <summary>Per-cycle data a plugin keeps in the cycle state; cloned for the preemption dry run.</summary>
internal interface IStateData
{
    IStateData Clone();
}

/// <summary>
/// framework.CycleState: per plugin one slot written by PreFilter and read by Filter (cloned with the state for the
/// preemption dry run), and one written by PreScore and read by Score.
/// </summary>
internal sealed class CycleState
{
    private readonly IStateData?[] _data;
    private readonly IStateData?[] _scoreData;

    public CycleState(int slots)
    {
        _data = new IStateData?[slots];
        _scoreData = new IStateData?[slots];
        Skipped = new bool[slots];
    }

    /// <summary>Filter plugins whose PreFilter returned Skip.</summary>
    public bool[] Skipped { get; private init; }

    /// <summary>The indexes of the filters this cycle runs on the snapshot's nodes (<see cref="SchedulingProfile.SelectFilters"/>).</summary>
    public int[] SelectedFilters { get; private set; } = [];

    public int SelectedFilterCount { get; private set; }

    public void SelectFilter(int filter, int filters)
    {
        if (SelectedFilters.Length < filters)
        {
            SelectedFilters = new int[filters];
        }

        SelectedFilters[SelectedFilterCount++] = filter;
    }

    public T? Read<T>(int slot)
        where T : class, IStateData
        => _data[slot] as T;

    public void Write(int slot, IStateData? value) => _data[slot] = value;

    public T? ReadScore<T>(int slot)
        where T : class, IStateData
        => _scoreData[slot] as T;

    public void WriteScore(int slot, IStateData? value) => _scoreData[slot] = value;

    public CycleState Clone()
    {
        var clone = new CycleState(_data.Length) { Skipped = (bool[])Skipped.Clone() };
        for (var i = 0; i < _data.Length; i++)
        {
            clone._data[i] = _data[i]?.Clone();
        }

        return clone;
    }
}
