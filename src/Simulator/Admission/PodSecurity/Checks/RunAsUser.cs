namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_runAsUser.go: runAsUser must not be 0 on the pod or a container (restricted, since 1.23).</summary>
internal static class RunAsUser
{
    public static PodSecurityCheck Check { get; } = new("runAsUser", PodSecurityLevel.Restricted, [new VersionedCheck(23, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var setters = new List<string>();
        Analyzer.Yaml.YamlNode? first = null;
        if (PodView.Int(pod.SecurityContext, "runAsUser") == 0)
        {
            setters.Add("pod");
            first = PodView.At(pod.SecurityContext, "runAsUser");
        }

        var bad = pod.Containers.Where(c => PodView.Int(c.SecurityContext, "runAsUser") == 0).ToList();
        if (bad.Count > 0)
        {
            setters.Add(PodView.ContainersPhrase(bad.Select(c => c.Name).ToList()));
            first ??= bad[0].At("runAsUser");
        }

        return setters.Count == 0 ? CheckResult.Pass : CheckResult.Fail("runAsUser=0", string.Join(" and ", setters) + " must not set runAsUser=0", first);
    }
}
