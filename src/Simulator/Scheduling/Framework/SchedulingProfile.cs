using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Plugins;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator.Scheduling.Framework;

/// <summary>
/// The default profile (pkg/scheduler/apis/config/v1/default_plugins.go) and the extension points the framework
/// runs over it (framework/runtime/framework.go), in upstream's plugin order. Left out, with what it would add:
/// VolumeRestrictions and NodeVolumeLimits (ReadWriteOncePod conflicts and CSI attach limits, for which the model
/// has no data), ImageLocality (no node image lists, so its score is 0 everywhere), DefaultBinder (binding is
/// immediate here).
/// </summary>
internal sealed class SchedulingProfile
{
    private readonly ClusterSnapshot _snapshot;
    private readonly IFilterShortcut?[] _shortcuts;

    public SchedulingProfile(ClusterSnapshot snapshot, VolumeBinder binder, SchedulerVersion version)
    {
        _snapshot = snapshot;
        Plugins =
        [
            new SchedulingGates(),
            new NodeUnschedulable(),
            new NodeName(),
            new TaintToleration(version),
            new NodeAffinity(),
            new NodePorts(),
            new NodeResourcesFit(),
            new VolumeBinding(binder, version),
            new VolumeZone(binder),
            new PodTopologySpread(snapshot),
            new InterPodAffinity(snapshot),
            new NodeResourcesBalancedAllocation(version),
        ];
        for (var i = 0; i < Plugins.Count; i++)
        {
            Plugins[i].Slot = i;
        }

        PreEnqueue = Plugins.OfType<IPreEnqueuePlugin>().ToArray();
        PreFilter = Plugins.OfType<IPreFilterPlugin>().ToArray();
        Extensions = Plugins.OfType<IPreFilterExtensions>().ToArray();
        Filters = Plugins.OfType<IFilterPlugin>().ToArray();
        FilterSlots = Filters.Select(f => ((SchedulerPlugin)f).Slot).ToArray();
        _shortcuts = Filters.Select(f => f as IFilterShortcut).ToArray();

        Scores = Plugins.OfType<IScorePlugin>().ToArray();
        Reserve = Plugins.OfType<IReservePlugin>().ToArray();
    }

    public IReadOnlyList<SchedulerPlugin> Plugins { get; }

    public IPreEnqueuePlugin[] PreEnqueue { get; }

    public IPreFilterPlugin[] PreFilter { get; }

    public IPreFilterExtensions[] Extensions { get; }

    public IFilterPlugin[] Filters { get; }

    /// <summary>The cycle-state slot of each filter, to honour PreFilter's Skip.</summary>
    public int[] FilterSlots { get; }

    public IScorePlugin[] Scores { get; }

    public IReservePlugin[] Reserve { get; }

    public CycleState NewCycle() => new(Plugins.Count);

    /// <summary>
    /// RunPreFilterPlugins: every plugin in order, Skip remembered, the first UnschedulableAndUnresolvable status
    /// ends the run; the node names of plugins that restrict them are intersected. <paramref name="restricting"/>
    /// gets the names of those plugins.
    /// </summary>
    public PreFilterResult RunPreFilter(CycleState state, SimPod pod, List<string> restricting)
    {
        HashSet<string>? names = null;
        foreach (var plugin in PreFilter)
        {
            var result = plugin.PreFilter(state, pod);
            var slot = ((SchedulerPlugin)plugin).Slot;
            if (result.Code == StatusCode.Skip)
            {
                state.Skipped[slot] = true;
                continue;
            }

            if (result.Code != StatusCode.Success)
            {
                return result;
            }

            if (result.NodeNames is null)
            {
                continue;
            }

            restricting.Add(((SchedulerPlugin)plugin).Name);
            if (names is null)
            {
                names = new HashSet<string>(result.NodeNames, StringComparer.Ordinal);
            }
            else
            {
                names.IntersectWith(result.NodeNames);
            }

            if (names.Count == 0)
            {
                restricting.Sort(StringComparer.Ordinal);
                return PreFilterResult.Reject(restricting.Count == 1
                    ? "node(s) didn't satisfy plugin " + restricting[0]
                    : "node(s) didn't satisfy plugin(s) [" + string.Join(" ", restricting) + "] simultaneously");
            }
        }

        restricting.Sort(StringComparer.Ordinal);
        return new PreFilterResult(StatusCode.Success, nodeNames: names);
    }

    /// <summary>
    /// Chooses the filters <see cref="RunSelectedFilters"/> runs in this cycle: those PreFilter did not skip, less
    /// those that pass every node of the snapshot for the pod (<see cref="IFilterShortcut"/>).
    /// </summary>
    public void SelectFilters(CycleState state, SimPod pod)
    {
        for (var f = 0; f < Filters.Length; f++)
        {
            if (!state.Skipped[FilterSlots[f]] && _shortcuts[f]?.PassesEveryNode(pod, _snapshot) != true)
            {
                state.SelectFilter(f, Filters.Length);
            }
        }
    }

    /// <summary><see cref="RunFilter"/> over the filters <see cref="SelectFilters"/> chose, for a node of the snapshot.</summary>
    public int RunSelectedFilters(CycleState state, SimPod pod, NodeInfo node, out int failure)
    {
        var selected = state.SelectedFilters;
        for (var i = 0; i < state.SelectedFilterCount; i++)
        {
            var f = selected[i];
            failure = Filters[f].Filter(state, pod, node);
            if (failure != 0)
            {
                return f;
            }
        }

        failure = 0;
        return -1;
    }

    /// <summary>
    /// RunFilterPlugins: the first failing filter decides; returns the failing filter's index in <see cref="Filters"/>
    /// (or -1) and its failure code.
    /// </summary>
    public int RunFilter(CycleState state, SimPod pod, NodeInfo node, out int failure)
    {
        var skipped = state.Skipped;
        for (var f = 0; f < Filters.Length; f++)
        {
            if (skipped[FilterSlots[f]])
            {
                continue;
            }

            failure = Filters[f].Filter(state, pod, node);
            if (failure != 0)
            {
                return f;
            }
        }

        failure = 0;
        return -1;
    }

    public void RunAddPod(CycleState state, SimPod pod, SimPod added, NodeInfo node)
    {
        foreach (var extension in Extensions)
        {
            extension.AddPod(state, pod, added, node);
        }
    }

    public void RunRemovePod(CycleState state, SimPod pod, SimPod removed, NodeInfo node)
    {
        foreach (var extension in Extensions)
        {
            extension.RemovePod(state, pod, removed, node);
        }
    }

    /// <summary>The reasons of a filter failure, in the plugin's words.</summary>
    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int filter, int failure, List<string> reasons)
        => Filters[filter].AppendReasons(state, pod, node, failure, reasons);
}
