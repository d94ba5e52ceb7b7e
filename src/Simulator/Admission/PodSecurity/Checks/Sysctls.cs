namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_sysctls.go: only the safe sysctls of the version: five since 1.0, ip_local_reserved_ports since
/// 1.27, the tcp keepalive and fin timeouts since 1.29, tcp_rmem and tcp_wmem since 1.32 (baseline).
/// </summary>
internal static class Sysctls
{
    private static readonly string[] Allowed10 = ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"];
    private static readonly string[] Allowed127 = [.. Allowed10, "net.ipv4.ip_local_reserved_ports"];
    private static readonly string[] Allowed129 = [.. Allowed127, "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"];
    private static readonly string[] Allowed132 = [.. Allowed129, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"];

    public static PodSecurityCheck Check { get; } = new("sysctls", PodSecurityLevel.Baseline,
    [
        new VersionedCheck(0, p => Pod(p, Allowed10)),
        new VersionedCheck(27, p => Pod(p, Allowed127)),
        new VersionedCheck(29, p => Pod(p, Allowed129)),
        new VersionedCheck(32, p => Pod(p, Allowed132)),
    ]);

    private static CheckResult Pod(PodView pod, string[] allowed)
    {
        var forbidden = (pod.SecurityContext?.GetSequence("sysctls")?.Mappings ?? []).Where(s => Array.IndexOf(allowed, s.GetString("name") ?? string.Empty) < 0).ToList();
        return forbidden.Count == 0 ? CheckResult.Pass : CheckResult.Fail("forbidden sysctls", string.Join(", ", forbidden.Select(s => s.GetString("name") ?? string.Empty)), PodView.At(forbidden[0], "name"));
    }
}
