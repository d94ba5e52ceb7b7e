namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_appArmorProfile.go: appArmorProfile.type only RuntimeDefault or Localhost, and the beta container
/// annotations only empty, runtime/default or localhost/* (baseline, 1.0).
/// </summary>
internal static class AppArmorProfile
{
    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public static PodSecurityCheck Check { get; } = new("appArmorProfile", PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static bool AllowedType(string type) => type is "RuntimeDefault" or "Localhost";

    private static bool AllowedAnnotation(string value) => value.Length == 0 || value == "runtime/default" || value.StartsWith("localhost/", StringComparison.Ordinal);

    private static CheckResult Pod(PodView pod)
    {
        var setters = new List<string>();
        var values = new List<string>();
        Analyzer.Yaml.YamlNode? first = null;
        if (pod.SecurityContext?.GetMapping("appArmorProfile") is { } profile && !AllowedType(profile.GetString("type") ?? string.Empty))
        {
            setters.Add("pod");
            values.Add(profile.GetString("type") ?? string.Empty);
            first = PodView.At(profile, "type");
        }

        var bad = new List<string>();
        foreach (var container in pod.Containers)
        {
            if (container.SecurityContext?.GetMapping("appArmorProfile") is { } containerProfile && !AllowedType(containerProfile.GetString("type") ?? string.Empty))
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

        var valueList = PodView.SortedSet(values);
        var annotations = pod.Annotations.Where(a => a.Key.StartsWith(AnnotationPrefix, StringComparison.Ordinal) && !AllowedAnnotation(a.Value))
            .Select(a => a.Key + "=" + SeccompProfileBaseline.GoQuote(a.Value)).ToList();
        if (annotations.Count > 0)
        {
            annotations.Sort(StringComparer.Ordinal);
            valueList.AddRange(annotations);
            setters.Add(PodView.Plural("annotation", "annotations", annotations.Count));
        }

        return setters.Count == 0
            ? CheckResult.Pass
            : CheckResult.Fail(PodView.Plural("forbidden AppArmor profile", "forbidden AppArmor profiles", valueList.Count), string.Join(" and ", setters) + " must not set AppArmor profile type to " + PodView.JoinQuote(valueList), first);
    }
}
