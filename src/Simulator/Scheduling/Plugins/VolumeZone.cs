using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// VolumeZone (pkg/scheduler/framework/plugins/volumezone/volume_zone.go): the zone and region labels of the pod's
/// bound volumes (several values joined by "__") must hold the node's value; nodes without any topology label
/// pass, and claims still waiting for their first consumer are left to VolumeBinding.
/// </summary>
internal sealed class VolumeZone(VolumeBinder binder) : SchedulerPlugin, IPreFilterPlugin, IFilterPlugin
{
    /// <summary>ErrReasonConflict.</summary>
    public const string ErrReasonConflict = "node(s) had no available volume zone";

    private static readonly string[] TopologyLabels = ["failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.kubernetes.io/region"];

    public override string Name => "VolumeZone";

    public PreFilterResult PreFilter(CycleState state, SimPod pod)
    {
        var topologies = new Topologies();
        foreach (var claimName in pod.Claims)
        {
            if (binder.Find(pod.Namespace, claimName)?.BoundVolume is not { } volumeName || binder.Volume(volumeName) is not { } volume)
            {
                continue;
            }

            foreach (var key in TopologyLabels)
            {
                if (volume.Labels.TryGetValue(key, out var value))
                {
                    topologies.Items.Add((key, value.Split(["__"], StringSplitOptions.None)));
                }
            }
        }

        if (topologies.Items.Count == 0)
        {
            return PreFilterResult.Skip;
        }

        state.Write(Slot, topologies);
        return PreFilterResult.Success;
    }

    public int Filter(CycleState state, SimPod pod, NodeInfo node)
    {
        var labels = node.Node.Labels;
        if (!TopologyLabels.Any(labels.ContainsKey))
        {
            return 0;
        }

        foreach (var (key, values) in state.Read<Topologies>(Slot)!.Items)
        {
            // translateToGALabel: a beta key on the volume also matches the GA label on the node.
            if ((!labels.TryGetValue(key, out var value) && !labels.TryGetValue(key.Replace("failure-domain.beta.kubernetes.io/", "topology.kubernetes.io/"), out value))
                || Array.IndexOf(values, value) < 0)
            {
                return 1;
            }
        }

        return 0;
    }

    public StatusCode CodeOf(int failure) => StatusCode.UnschedulableAndUnresolvable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons) => reasons.Add(ErrReasonConflict);

    private sealed class Topologies : IStateData
    {
        public List<(string Key, string[] Values)> Items { get; } = [];

        public IStateData Clone() => this;
    }
}
