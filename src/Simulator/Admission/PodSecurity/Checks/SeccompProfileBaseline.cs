namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_seccompProfile_baseline.go: before 1.19 the seccomp annotations may only name runtime/default,
/// docker/default or localhost/*; since 1.19 seccompProfile.type must not be Unconfined (baseline).
/// </summary>
internal static class SeccompProfileBaseline
{
    public const string Id = "seccompProfile_baseline";

    private const string PodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    private const string ContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    public static PodSecurityCheck Check { get; } = new(Id, PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod10), new VersionedCheck(19, Pod119)]);

    /// <summary>validSeccomp: Localhost or RuntimeDefault.</summary>
    public static bool Valid(string type) => type is "Localhost" or "RuntimeDefault";

    private static bool ValidAnnotation(string value) => value is "runtime/default" or "docker/default" || value.StartsWith("localhost/", StringComparison.Ordinal);

    private static CheckResult Pod10(PodView pod)
    {
        var forbidden = new List<string>();
        if (pod.Annotations.TryGetValue(PodAnnotation, out var value) && !ValidAnnotation(value))
        {
            forbidden.Add(PodAnnotation + "=" + GoQuote(value));
        }

        foreach (var container in pod.Containers)
        {
            if (pod.Annotations.TryGetValue(ContainerAnnotationPrefix + container.Name, out var containerValue) && !ValidAnnotation(containerValue))
            {
                forbidden.Add(ContainerAnnotationPrefix + container.Name + "=" + GoQuote(containerValue));
            }
        }

        var sorted = PodView.SortedSet(forbidden);
        return sorted.Count == 0 ? CheckResult.Pass : CheckResult.Fail("seccompProfile", "forbidden " + PodView.Plural("annotation", "annotations", sorted.Count) + " " + string.Join(", ", sorted), null);
    }

    private static CheckResult Pod119(PodView pod)
    {
        var setters = new List<string>();
        var values = new List<string>();
        Analyzer.Yaml.YamlNode? first = null;
        if (pod.SecurityContext?.GetMapping("seccompProfile") is { } profile && !Valid(profile.GetString("type") ?? string.Empty))
        {
            setters.Add("pod");
            values.Add(profile.GetString("type") ?? string.Empty);
            first = PodView.At(profile, "type");
        }

        var bad = new List<string>();
        foreach (var container in pod.Containers)
        {
            if (container.SecurityContext?.GetMapping("seccompProfile") is { } containerProfile && !Valid(containerProfile.GetString("type") ?? string.Empty))
            {
                bad.Add(container.Name);
                values.Add(containerProfile.GetString("type") ?? string.Empty);
                first ??= PodView.At(containerProfile, "type");
            }
        }

        if (bad.Count > 0)
        {
            setters.Add(PodView.ContainersPhrase(bad));
        }

        return setters.Count == 0
            ? CheckResult.Pass
            : CheckResult.Fail("seccompProfile", string.Join(" and ", setters) + " must not set securityContext.seccompProfile.type to " + PodView.JoinQuote(PodView.SortedSet(values)), first);
    }

    /// <summary>Go's %q for the plain strings annotations hold.</summary>
    internal static string GoQuote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
