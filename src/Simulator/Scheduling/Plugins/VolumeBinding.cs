using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling.Framework;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// VolumeBinding (pkg/scheduler/framework/plugins/volumebinding/volume_binding.go, binder.go). PreFilter: Skip for
/// pods without claims; a missing claim or an unbound Immediate claim rejects every node. Filter (FindPodVolumes):
/// bound volumes must be reachable from the node (checkBoundClaims) and WaitForFirstConsumer claims must find a
/// matching volume on it or be provisionable there; both reasons can be given. Reserve binds or provisions the
/// delayed claims on the chosen node.
/// </summary>
internal sealed class VolumeBinding(VolumeBinder binder, SchedulerVersion version) : SchedulerPlugin, IPreFilterPlugin, IFilterPlugin, IReservePlugin
{
    /// <summary>ErrReasonNodeConflict before v1.33.</summary>
    public const string ErrReasonNodeConflictOld = "node(s) had volume node affinity conflict";

    /// <summary>ErrReasonNodeConflict since v1.33 (kubernetes/kubernetes#129887).</summary>
    public const string ErrReasonNodeConflict = "node(s) didn't match PersistentVolume's node affinity";

    /// <summary>ErrReasonBindConflict.</summary>
    public const string ErrReasonBindConflict = "node(s) didn't find available persistent volumes to bind";

    /// <summary>ErrReasonPVNotExist.</summary>
    public const string ErrReasonPVNotExist = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";

    public const string UnboundImmediateClaims = "pod has unbound immediate PersistentVolumeClaims";

    private const int NodeConflict = 1;
    private const int BindConflict = 2;
    private const int PVNotExist = 4;

    public override string Name => "VolumeBinding";

    public PreFilterResult PreFilter(CycleState state, SimPod pod)
    {
        if (pod.Claims.Count == 0)
        {
            return PreFilterResult.Skip;
        }

        var claims = new PodClaims();
        foreach (var claimName in pod.Claims)
        {
            var claim = binder.Find(pod.Namespace, claimName);
            if (claim is null)
            {
                return PreFilterResult.Reject("persistentvolumeclaim \"" + claimName + "\" not found");
            }

            if (claim.BoundVolume is { } volumeName)
            {
                claims.Bound.Add(binder.Volume(volumeName));
            }
            else if (binder.IsDelayed(claim))
            {
                claims.Delayed.Add(claim);
            }
            else
            {
                return PreFilterResult.Reject(UnboundImmediateClaims);
            }
        }

        claims.Delayed.Sort((a, b) => a.Request.CompareTo(b.Request));
        state.Write(Slot, claims);
        return PreFilterResult.Success;
    }

    public int Filter(CycleState state, SimPod pod, NodeInfo node)
    {
        var claims = state.Read<PodClaims>(Slot)!;
        var failure = 0;
        foreach (var volume in claims.Bound)
        {
            if (volume is null)
            {
                failure |= PVNotExist;
                break;
            }

            if (!volume.ReachableFrom(node.Node))
            {
                failure |= NodeConflict;
                break;
            }
        }

        if (claims.Delayed.Count > 0 && !binder.CanBindOnNode(claims.Delayed, node.Node, null))
        {
            failure |= BindConflict;
        }

        return failure;
    }

    public StatusCode CodeOf(int failure) => StatusCode.UnschedulableAndUnresolvable;

    public void AppendReasons(CycleState state, SimPod pod, NodeInfo node, int failure, List<string> reasons)
    {
        if ((failure & NodeConflict) != 0)
        {
            reasons.Add(version.NewVolumeAffinityReason ? ErrReasonNodeConflict : ErrReasonNodeConflictOld);
        }

        if ((failure & BindConflict) != 0)
        {
            reasons.Add(ErrReasonBindConflict);
        }

        if ((failure & PVNotExist) != 0)
        {
            reasons.Add(ErrReasonPVNotExist);
        }
    }

    public void Reserve(CycleState state, SimPod pod, NodeInfo node)
    {
        if (state.Read<PodClaims>(Slot) is not { Delayed.Count: > 0 } claims)
        {
            return;
        }

        var plan = new List<(SimClaim Claim, SimVolume? Volume)>();
        binder.CanBindOnNode(claims.Delayed, node.Node, plan);
        foreach (var (claim, volume) in plan)
        {
            if (volume is not null)
            {
                binder.Bind(claim, volume, node.Node);
            }
            else
            {
                binder.Provision(claim, node.Node);
            }
        }
    }

    /// <summary>The pod's claims as GetPodVolumeClaims sorts them: bound (with their volume, null when missing) and delayed.</summary>
    private sealed class PodClaims : IStateData
    {
        public List<SimVolume?> Bound { get; } = [];

        public List<SimClaim> Delayed { get; } = [];

        public IStateData Clone() => this;
    }
}
