namespace KubeLint.Simulator.Scheduling;

/// <summary>The scheduler's filter reason strings (pkg/scheduler/framework/plugins/*), as written into FailedScheduling events.</summary>
public static class Reasons
{
    public const string NodeUnschedulable = "node(s) were unschedulable";

    // NodeName ("node(s) didn't match the requested node name") never appears: pods with spec.nodeName bypass the scheduler.
    public const string UntoleratedTaints = "node(s) had untolerated taint(s)";
    public const string NodeAffinity = "node(s) didn't match Pod's node affinity/selector";

    // Text not confirmed upstream; kept as the reference gives it.
    public const string NodePorts = "node(s) didn't have free ports for the requested pod ports";
    public const string TooManyPods = "Too many pods";
    public const string NoMatchingVolumes = "node(s) didn't find available persistent volumes to bind";
    public const string VolumeAffinityConflictOld = "node(s) had volume node affinity conflict";
    public const string VolumeAffinityConflict = "node(s) didn't match PersistentVolume's node affinity";
    public const string UnboundImmediateClaims = "pod has unbound immediate PersistentVolumeClaims";
    public const string VolumeZone = "node(s) had no available volume zone";
    public const string TopologySpread = "node(s) didn't match pod topology spread constraints";
    public const string TopologySpreadMissingLabel = "node(s) didn't match pod topology spread constraints (missing required label)";
    public const string PodAffinity = "node(s) didn't match pod affinity rules";
    public const string PodAntiAffinity = "node(s) didn't match pod anti-affinity rules";
    public const string ExistingAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules";
    public const string PreemptionNotHelpful = "Preemption is not helpful for scheduling";
    public const string NoPreemptionVictims = "No preemption victims found for incoming pod";
    public const string PreemptionNever = "not eligible due to preemptionPolicy=Never.";

    public static string Insufficient(string resource) => "Insufficient " + resource;

    public static string UntoleratedTaint(string key, string value) => "node(s) had untolerated taint {" + key + ": " + value + "}";
}
