namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_procMount.go: securityContext.procMount only Default (baseline, 1.0).</summary>
internal static class ProcMount
{
    public static PodSecurityCheck Check { get; } = new("procMount", PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var bad = new List<ContainerView>();
        var types = new List<string>();
        foreach (var container in pod.Containers)
        {
            if (container.SecurityContext?.GetString("procMount") is { } type && type != "Default")
            {
                bad.Add(container);
                types.Add(type);
            }
        }

        return bad.Count == 0
            ? CheckResult.Pass
            : CheckResult.Fail("procMount", PodView.ContainersPhrase(bad.Select(c => c.Name).ToList()) + " must not set securityContext.procMount to " + PodView.JoinQuote(PodView.SortedSet(types)), bad[0].At("procMount"));
    }
}
