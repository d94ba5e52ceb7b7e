namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_windowsHostProcess.go: windowsOptions.hostProcess must not be true (baseline, 1.0).</summary>
internal static class WindowsHostProcess
{
    public static PodSecurityCheck Check { get; } = new("windowsHostProcess", PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var bad = pod.Containers.Where(c => PodView.Bool(c.SecurityContext?.GetMapping("windowsOptions"), "hostProcess") == true).ToList();
        var setters = new List<string>();
        Analyzer.Yaml.YamlNode? first = null;
        if (PodView.Bool(pod.SecurityContext?.GetMapping("windowsOptions"), "hostProcess") == true)
        {
            setters.Add("pod");
            first = PodView.At(pod.SecurityContext!.GetMapping("windowsOptions"), "hostProcess");
        }

        if (bad.Count > 0)
        {
            setters.Add(PodView.ContainersPhrase(bad.Select(c => c.Name).ToList()));
            first ??= PodView.At(bad[0].SecurityContext!.GetMapping("windowsOptions"), "hostProcess");
        }

        return setters.Count == 0 ? CheckResult.Pass : CheckResult.Fail("hostProcess", string.Join(" and ", setters) + " must not set securityContext.windowsOptions.hostProcess=true", first);
    }
}
