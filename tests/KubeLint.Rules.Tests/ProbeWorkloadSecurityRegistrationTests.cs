using KubeLint.Analyzer.Findings;

namespace KubeLint.Rules.Tests;

public class ProbeWorkloadSecurityRegistrationTests
{
    private static readonly string[] Ids =
    [
        RuleIds.MissingReadinessProbe, RuleIds.MissingLivenessProbe, RuleIds.IdenticalLivenessReadiness, RuleIds.ProbePortNotExposed,
        RuleIds.ProbeTiming, RuleIds.MissingRequests, RuleIds.MissingMemoryLimit, RuleIds.RequestsExceedLimits, RuleIds.SuspiciousQuantity,
        RuleIds.RollingUpdateZeroZero, RuleIds.InvalidStrategy, RuleIds.InvalidCronSchedule, RuleIds.CronTimeZone, RuleIds.CronNeverRuns,
        RuleIds.JobMisconfigured, RuleIds.PrivilegedContainer, RuleIds.PrivilegeEscalation, RuleIds.RunAsRoot, RuleIds.HostNamespace,
        RuleIds.LatestImageTag, RuleIds.WritableRootFilesystem, RuleIds.DangerousCapabilities, RuleIds.HostPathVolume,
    ];

    [TestCaseSource(nameof(Ids))]
    public void Each_rule_is_registered_once_with_complete_metadata(string id)
    {
        var rules = BuiltInRules.All.Where(r => r.Descriptor.Id == id).ToList();

        Assert.That(rules, Has.Count.EqualTo(1));
        var descriptor = rules[0].Descriptor;
        Assert.That(descriptor.Name, Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
        Assert.That(new[] { descriptor.Title, descriptor.Description, descriptor.Remediation, descriptor.Category }, Has.None.Empty);
    }
}
