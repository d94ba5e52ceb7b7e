namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_allowPrivilegeEscalation.go: every container must set allowPrivilegeEscalation=false (restricted,
/// since 1.8; Windows pods are exempt since 1.25).
/// </summary>
internal static class AllowPrivilegeEscalation
{
    public static PodSecurityCheck Check { get; } = new("allowPrivilegeEscalation", PodSecurityLevel.Restricted, [new VersionedCheck(8, Pod18), new VersionedCheck(25, Pod125)]);

    private static CheckResult Pod18(PodView pod)
    {
        var bad = pod.Containers.Where(c => PodView.Bool(c.SecurityContext, "allowPrivilegeEscalation") != false).ToList();
        return bad.Count == 0 ? CheckResult.Pass : CheckResult.Fail("allowPrivilegeEscalation != false", PodView.ContainersPhrase(bad.Select(c => c.Name).ToList()) + " must set securityContext.allowPrivilegeEscalation=false", bad[0].At("allowPrivilegeEscalation"));
    }

    private static CheckResult Pod125(PodView pod) => pod.IsWindows ? CheckResult.Pass : Pod18(pod);
}
