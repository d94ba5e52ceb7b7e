using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_seLinuxOptions.go: seLinuxOptions.type only "", container_t, container_init_t, container_kvm_t (and
/// container_engine_t since 1.31); user and role unset (baseline).
/// </summary>
internal static class SELinuxOptions
{
    private static readonly string[] Allowed10 = [string.Empty, "container_t", "container_init_t", "container_kvm_t"];
    private static readonly string[] Allowed131 = [.. Allowed10, "container_engine_t"];

    public static PodSecurityCheck Check { get; } = new("seLinuxOptions", PodSecurityLevel.Baseline, [new VersionedCheck(0, p => Pod(p, Allowed10)), new VersionedCheck(31, p => Pod(p, Allowed131))]);

    private static CheckResult Pod(PodView pod, string[] allowed)
    {
        var types = new List<string>();
        var setUser = false;
        var setRole = false;
        bool Valid(YamlMapping options)
        {
            var valid = true;
            var type = options.GetString("type") ?? string.Empty;
            if (Array.IndexOf(allowed, type) < 0)
            {
                valid = false;
                types.Add(type);
            }

            if ((options.GetString("user") ?? string.Empty).Length > 0)
            {
                valid = false;
                setUser = true;
            }

            if ((options.GetString("role") ?? string.Empty).Length > 0)
            {
                valid = false;
                setRole = true;
            }

            return valid;
        }

        var setters = new List<string>();
        YamlNode? first = null;
        if (pod.SecurityContext?.GetMapping("seLinuxOptions") is { } podOptions && !Valid(podOptions))
        {
            setters.Add("pod");
            first = podOptions;
        }

        var bad = pod.Containers.Where(c => c.SecurityContext?.GetMapping("seLinuxOptions") is { } options && !Valid(options)).ToList();
        if (bad.Count > 0)
        {
            setters.Add(PodView.ContainersPhrase(bad.Select(c => c.Name).ToList()));
            first ??= bad[0].At("seLinuxOptions");
        }

        if (setters.Count == 0)
        {
            return CheckResult.Pass;
        }

        var data = new List<string>();
        var sorted = PodView.SortedSet(types);
        if (sorted.Count > 0)
        {
            data.Add(PodView.Plural("type", "types", sorted.Count) + " " + PodView.JoinQuote(sorted));
        }

        if (setUser)
        {
            data.Add("user may not be set");
        }

        if (setRole)
        {
            data.Add("role may not be set");
        }

        return CheckResult.Fail("seLinuxOptions", string.Join(" and ", setters) + " set forbidden securityContext.seLinuxOptions: " + string.Join("; ", data), first);
    }
}
