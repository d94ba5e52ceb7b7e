using System.Globalization;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_hostPorts.go: no container port may set a hostPort other than 0 (baseline, 1.0).</summary>
internal static class HostPorts
{
    public static PodSecurityCheck Check { get; } = new("hostPorts", PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var bad = new List<string>();
        var ports = new List<string>();
        YamlNode? first = null;
        foreach (var key in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            foreach (var container in pod.Spec.GetSequence(key)?.Mappings ?? [])
            {
                var used = (container.GetSequence("ports")?.Mappings ?? []).Select(p => PodView.Int(p, "hostPort") ?? 0).Where(p => p != 0).ToList();
                if (used.Count > 0)
                {
                    first ??= container.GetSequence("ports")!.Mappings.Select(p => p.GetEntry("hostPort")?.Value).First(v => v is YamlScalar s && s.TryGetInt64(out var n) && n != 0);
                    bad.Add(container.GetString("name") ?? string.Empty);
                    ports.AddRange(used.Select(p => p.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        if (bad.Count == 0)
        {
            return CheckResult.Pass;
        }

        var sorted = PodView.SortedSet(ports);
        return CheckResult.Fail("hostPort", PodView.ContainersPhrase(bad) + " " + PodView.Plural("uses", "use", bad.Count) + " " + PodView.Plural("hostPort", "hostPorts", sorted.Count) + " " + string.Join(", ", sorted), first);
    }
}
