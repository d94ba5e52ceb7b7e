namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_runAsNonRoot.go: runAsNonRoot must be true on the pod or on every container, and false nowhere
/// (restricted, 1.0).
/// </summary>
internal static class RunAsNonRoot
{
    public static PodSecurityCheck Check { get; } = new("runAsNonRoot", PodSecurityLevel.Restricted, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var setters = new List<string>();
        var podNonRoot = false;
        switch (PodView.Bool(pod.SecurityContext, "runAsNonRoot"))
        {
            case false:
                setters.Add("pod");
                break;
            case true:
                podNonRoot = true;
                break;
            default:
                break;
        }

        var explicitlyBad = new List<string>();
        var implicitlyBad = new List<string>();
        Analyzer.Yaml.YamlNode? first = setters.Count > 0 ? PodView.At(pod.SecurityContext, "runAsNonRoot") : null;
        Analyzer.Yaml.YamlNode? firstImplicit = null;
        foreach (var container in pod.Containers)
        {
            var value = PodView.Bool(container.SecurityContext, "runAsNonRoot");
            if (value == false)
            {
                explicitlyBad.Add(container.Name);
                first ??= container.At("runAsNonRoot");
            }
            else if (value is null && !podNonRoot)
            {
                implicitlyBad.Add(container.Name);
                firstImplicit ??= container.At("runAsNonRoot");
            }
        }

        if (explicitlyBad.Count > 0)
        {
            setters.Add(PodView.ContainersPhrase(explicitlyBad));
        }

        if (setters.Count > 0)
        {
            return CheckResult.Fail("runAsNonRoot != true", string.Join(" and ", setters) + " must not set securityContext.runAsNonRoot=false", first);
        }

        return implicitlyBad.Count == 0 ? CheckResult.Pass : CheckResult.Fail("runAsNonRoot != true", "pod or " + PodView.ContainersPhrase(implicitlyBad) + " must set securityContext.runAsNonRoot=true", firstImplicit);
    }
}
