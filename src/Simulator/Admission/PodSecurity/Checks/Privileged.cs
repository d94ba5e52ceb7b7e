namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_privileged.go: no container may set securityContext.privileged=true (baseline, 1.0).</summary>
internal static class Privileged
{
    public static PodSecurityCheck Check { get; } = new("privileged", PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var bad = pod.Containers.Where(c => PodView.Bool(c.SecurityContext, "privileged") == true).ToList();
        return bad.Count == 0 ? CheckResult.Pass : CheckResult.Fail("privileged", PodView.ContainersPhrase(bad.Select(c => c.Name).ToList()) + " must not set securityContext.privileged=true", bad[0].At("privileged"));
    }
}
