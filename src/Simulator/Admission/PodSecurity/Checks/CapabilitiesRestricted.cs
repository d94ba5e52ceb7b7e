namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_capabilities_restricted.go: every container drops ALL and adds nothing but NET_BIND_SERVICE
/// (restricted, since 1.22, replacing capabilities_baseline; Windows pods are exempt since 1.25).
/// </summary>
internal static class CapabilitiesRestricted
{
    public static PodSecurityCheck Check { get; } = new("capabilities_restricted", PodSecurityLevel.Restricted,
    [
        new VersionedCheck(22, Pod122, [CapabilitiesBaseline.Id]),
        new VersionedCheck(25, Pod125, [CapabilitiesBaseline.Id]),
    ]);

    private static CheckResult Pod122(PodView pod)
    {
        var missingDrop = new List<string>();
        var adding = new List<string>();
        var forbidden = new List<string>();
        Analyzer.Yaml.YamlNode? first = null;
        foreach (var container in pod.Containers)
        {
            if (container.SecurityContext?.GetEntry("capabilities") is not { Value: Analyzer.Yaml.YamlMapping capabilities })
            {
                missingDrop.Add(container.Name);
                first ??= container.At("capabilities");
                continue;
            }

            if (!PodView.Strings(capabilities, "drop").Contains("ALL", StringComparer.Ordinal))
            {
                missingDrop.Add(container.Name);
                first ??= PodView.At(capabilities, "drop");
            }

            var added = PodView.Strings(capabilities, "add").Where(c => c != "NET_BIND_SERVICE").ToList();
            if (added.Count > 0)
            {
                adding.Add(container.Name);
                forbidden.AddRange(added);
                first ??= PodView.At(capabilities, "add");
            }
        }

        var details = new List<string>();
        if (missingDrop.Count > 0)
        {
            details.Add(PodView.ContainersPhrase(missingDrop) + " must set securityContext.capabilities.drop=[\"ALL\"]");
        }

        if (adding.Count > 0)
        {
            details.Add(PodView.ContainersPhrase(adding) + " must not include " + PodView.JoinQuote(PodView.SortedSet(forbidden)) + " in securityContext.capabilities.add");
        }

        return details.Count == 0 ? CheckResult.Pass : CheckResult.Fail("unrestricted capabilities", string.Join("; ", details), first);
    }

    private static CheckResult Pod125(PodView pod) => pod.IsWindows ? CheckResult.Pass : Pod122(pod);
}
