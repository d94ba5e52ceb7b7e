namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>policy/check_hostPathVolumes.go: no hostPath volume (baseline, 1.0; restricted replaces it by restrictedVolumes).</summary>
internal static class HostPathVolumes
{
    public const string Id = "hostPathVolumes";

    public static PodSecurityCheck Check { get; } = new(Id, PodSecurityLevel.Baseline, [new VersionedCheck(0, Pod)]);

    private static CheckResult Pod(PodView pod)
    {
        var bad = (pod.Spec.GetSequence("volumes")?.Mappings ?? []).Where(v => v.GetEntry("hostPath") is { } e && e.Value is not Analyzer.Yaml.YamlScalar { IsNull: true }).ToList();
        var names = bad.Select(v => v.GetString("name") ?? string.Empty).ToList();
        return bad.Count == 0 ? CheckResult.Pass : CheckResult.Fail("hostPath volumes", PodView.Plural("volume", "volumes", bad.Count) + " " + PodView.JoinQuote(names), bad[0].GetEntry("hostPath")!.Key);
    }
}
