namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_hostNamespaces.go: hostNetwork, hostPID and hostIPC must be unset or false (baseline, 1.0).</summary>
internal static class HostNamespaces
{
    public static PodSecurityCheck Check { get; } = new("hostNamespaces", PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var used = new[] { "hostNetwork", "hostPID", "hostIPC" }.Where(key => PodView.Bool(pod.Spec, key) == true).ToList();
        return used.Count == 0 ? CheckResult.Pass : CheckResult.Fail("host namespaces", string.Join(", ", used.Select(key => key + "=true")), PodView.At(pod.Spec, used[0]));
    }
}
