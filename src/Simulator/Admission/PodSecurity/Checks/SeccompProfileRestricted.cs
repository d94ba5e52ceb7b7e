namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_seccompProfile_restricted.go: seccompProfile.type RuntimeDefault or Localhost on the pod or on every
/// container (restricted, since 1.19, replacing seccompProfile_baseline; Windows pods are exempt since 1.25).
/// </summary>
internal static class SeccompProfileRestricted
{
    public static PodSecurityCheck Check { get; } = new("seccompProfile_restricted", PodSecurityLevel.Restricted,
    [
        new VersionedCheck(19, Pod119, [SeccompProfileBaseline.Id]),
        new VersionedCheck(25, Pod125, [SeccompProfileBaseline.Id]),
    ]);

    private static CheckResult Pod119(PodView pod)
    {
        var setters = new List<string>();
        var values = new List<string>();
        var podSet = false;
        Analyzer.Yaml.YamlNode? first = null;
        Analyzer.Yaml.YamlNode? firstImplicit = null;
        if (pod.SecurityContext?.GetMapping("seccompProfile") is { } profile)
        {
            var type = profile.GetString("type") ?? string.Empty;
            if (SeccompProfileBaseline.Valid(type))
            {
                podSet = true;
            }
            else
            {
                setters.Add("pod");
                values.Add(type);
                first = PodView.At(profile, "type");
            }
        }

        var explicitlyBad = new List<string>();
        var implicitlyBad = new List<string>();
        foreach (var container in pod.Containers)
        {
            if (container.SecurityContext?.GetMapping("seccompProfile") is { } containerProfile)
            {
                var type = containerProfile.GetString("type") ?? string.Empty;
                if (!SeccompProfileBaseline.Valid(type))
                {
                    explicitlyBad.Add(container.Name);
                    values.Add(type);
                    first ??= PodView.At(containerProfile, "type");
                }
            }
            else if (!podSet)
            {
                implicitlyBad.Add(container.Name);
                firstImplicit ??= container.At("seccompProfile");
            }
        }

        if (explicitlyBad.Count > 0)
        {
            setters.Add(PodView.ContainersPhrase(explicitlyBad));
        }

        if (setters.Count > 0)
        {
            return CheckResult.Fail("seccompProfile", string.Join(" and ", setters) + " must not set securityContext.seccompProfile.type to " + PodView.JoinQuote(PodView.SortedSet(values)), first);
        }

        return implicitlyBad.Count == 0
            ? CheckResult.Pass
            : CheckResult.Fail("seccompProfile", "pod or " + PodView.ContainersPhrase(implicitlyBad) + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"", firstImplicit);
    }

    private static CheckResult Pod125(PodView pod) => pod.IsWindows ? CheckResult.Pass : Pod119(pod);
}
