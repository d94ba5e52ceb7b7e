namespace KubeLint.Simulator.Scheduling.Plugins;

/// <summary>
/// DynamicResources (pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go), in the default profile
/// once the DynamicResourceAllocation gate is on by default (GA in v1.34; beta and off in 1.32 and 1.33). Only its
/// PostFilter shows for pods without ResourceClaims: it runs before DefaultPreemption (applyFeatureGates inserts it
/// there) and answers Unschedulable "no new claims to deallocate", and RunPostFilterPlugins
/// (framework/runtime/framework.go) joins the plugins' reasons with ", " into the PostFilter message.
/// </summary>
internal static class DynamicResources
{
    public const string NoNewClaimsToDeallocate = "no new claims to deallocate";

    /// <summary>The PostFilter message: DynamicResources' reason (when the plugin is enabled) before preemption's.</summary>
    public static string PostFilterMessage(SchedulerVersion version, string preemption)
        => version.DynamicResourceAllocation ? NoNewClaimsToDeallocate + ", " + preemption : preemption;
}
