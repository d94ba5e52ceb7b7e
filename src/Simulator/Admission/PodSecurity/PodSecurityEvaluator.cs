using KubeLint.Simulator.Admission.PodSecurity.Checks;

namespace KubeLint.Simulator.Admission.PodSecurity;

/// <summary>
/// policy/registry.go: the checks of a level and version, baseline checks first then restricted ones, each group
/// in the order of its check ids; at restricted the baseline checks a restricted check overrides are left out.
/// Versions newer than the newest check version (1.32 in the 1.32 tree) and "latest" use the newest checks.
/// </summary>
internal static class PodSecurityEvaluator
{
    /// <summary>The newest MinimumVersion among the checks: later versions evaluate as this one.</summary>
    public const int MaxMinor = 32;

    public static IReadOnlyList<PodSecurityCheck> All { get; } =
    [
        AppArmorProfile.Check,
        CapabilitiesBaseline.Check,
        HostNamespaces.Check,
        HostPathVolumes.Check,
        HostPorts.Check,
        Privileged.Check,
        ProcMount.Check,
        SELinuxOptions.Check,
        SeccompProfileBaseline.Check,
        Sysctls.Check,
        WindowsHostProcess.Check,
        AllowPrivilegeEscalation.Check,
        CapabilitiesRestricted.Check,
        RestrictedVolumes.Check,
        RunAsNonRoot.Check,
        RunAsUser.Check,
        SeccompProfileRestricted.Check,
    ];

    /// <summary>EvaluatePod: the results of every check of the level at the version (minor), in registry order.</summary>
    public static List<(string Id, CheckResult Result)> Evaluate(PodSecurityLevel level, int minor, PodView pod)
    {
        var results = new List<(string, CheckResult)>();
        if (level == PodSecurityLevel.Privileged)
        {
            return results;
        }

        minor = Math.Min(minor, MaxMinor);
        var active = All.Select(c => (Check: c, Version: c.Versions.LastOrDefault(v => v.MinimumMinor <= minor))).Where(c => c.Version is not null).ToList();
        var overridden = level == PodSecurityLevel.Restricted
            ? new HashSet<string>(active.Where(c => c.Check.Level == PodSecurityLevel.Restricted).SelectMany(c => c.Version!.Overrides ?? []), StringComparer.Ordinal)
            : [];
        foreach (var (check, version) in active)
        {
            if ((check.Level == PodSecurityLevel.Restricted && level != PodSecurityLevel.Restricted) || overridden.Contains(check.Id))
            {
                continue;
            }

            results.Add((check.Id, version!.CheckPod(pod)));
        }

        return results;
    }

    /// <summary>AggregateCheckResult.ForbiddenDetail: "reason (detail), reason (detail)"; null when every check passed.</summary>
    public static string? ForbiddenDetail(List<(string Id, CheckResult Result)> results)
    {
        var failed = results.Where(r => !r.Result.Allowed).Select(r => r.Result.Detail.Length > 0 ? r.Result.Reason + " (" + r.Result.Detail + ")" : r.Result.Reason).ToList();
        return failed.Count == 0 ? null : string.Join(", ", failed);
    }
}
