namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_capabilities_baseline.go: capabilities.add only from the default set (baseline, 1.0).</summary>
internal static class CapabilitiesBaseline
{
    public const string Id = "capabilities_baseline";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public static PodSecurityCheck Check { get; } = new(Id, PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var bad = new List<string>();
        var added = new List<string>();
        Analyzer.Yaml.YamlNode? first = null;
        foreach (var container in pod.Containers)
        {
            var capabilities = container.SecurityContext?.GetMapping("capabilities");
            var forbidden = PodView.Strings(capabilities, "add").Where(c => !Allowed.Contains(c)).ToList();
            if (forbidden.Count > 0)
            {
                bad.Add(container.Name);
                added.AddRange(forbidden);
                first ??= PodView.At(capabilities, "add");
            }
        }

        return bad.Count == 0
            ? CheckResult.Pass
            : CheckResult.Fail("non-default capabilities", PodView.ContainersPhrase(bad) + " must not include " + PodView.JoinQuote(PodView.SortedSet(added)) + " in securityContext.capabilities.add", first);
    }
}
