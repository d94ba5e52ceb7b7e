using KubeLint.Analyzer.Engine;
using KubeLint.Rules.Selectors;

namespace KubeLint.Rules;

/// <summary>The built-in lint rules, in id order. New rules are added here and to the id catalog.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } = Create();

    private static List<Rule> Create()
    {
        var rules = new List<Rule>
        {
            new SelectorTemplateMismatchRule(),
            new ServiceSelectsNothingRule(),
            new ServiceTargetPortMissingRule(),
            new PdbSelectsNothingRule(),
            new NetworkPolicySelectsNothingRule(),
            new HpaTargetMissingRule(),
            new IngressBackendMissingRule(),
            new MissingReferenceRule(),
            new OverlappingSelectorsRule(),
            new HpaMissingRequestRule(),
            new AffinitySelectsNothingRule(),
            new Probes.MissingReadinessProbeRule(),
            new Probes.MissingLivenessProbeRule(),
            new Probes.IdenticalLivenessReadinessRule(),
            new Probes.ProbePortNotExposedRule(),
            new Probes.ProbeTimingRule(),
            new Resources.MissingRequestsRule(),
            new Resources.MissingMemoryLimitRule(),
            new Resources.RequestsExceedLimitsRule(),
            new Resources.SuspiciousQuantityRule(),
            new Workloads.RollingUpdateZeroZeroRule(),
            new Workloads.InvalidStrategyRule(),
            new Workloads.InvalidCronScheduleRule(),
            new Workloads.CronTimeZoneRule(),
            new Workloads.CronNeverRunsRule(),
            new Workloads.JobMisconfiguredRule(),
            new Security.PrivilegedContainerRule(),
            new Security.PrivilegeEscalationRule(),
            new Security.RunAsRootRule(),
            new Security.HostNamespaceRule(),
            new Security.LatestImageTagRule(),
            new Security.WritableRootFilesystemRule(),
            new Security.DangerousCapabilitiesRule(),
            new Security.HostPathVolumeRule(),
        };
        rules.Sort((a, b) => string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id));
        return rules;
    }
}
