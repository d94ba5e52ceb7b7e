using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Admission.PodSecurity.Checks;

/// <summary>
/// policy/check_restrictedVolumes.go: only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim,
/// projected and secret volumes (restricted, 1.0; replaces hostPathVolumes).
/// </summary>
internal static class RestrictedVolumes
{
    private static readonly string[] Allowed = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    private static readonly string[] Restricted =
    [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs",
        "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
    ];

    public static PodSecurityCheck Check { get; } = new("restrictedVolumes", PodSecurityLevel.Restricted, [new VersionedCheck(0, Pod, [HostPathVolumes.Id])]);

    private static bool Has(YamlMapping volume, string key) => volume.GetEntry(key) is { } entry && entry.Value is not YamlScalar { IsNull: true };

    private static CheckResult Pod(PodView pod)
    {
        var bad = new List<string>();
        var types = new List<string>();
        YamlNode? first = null;
        foreach (var volume in pod.Spec.GetSequence("volumes")?.Mappings ?? [])
        {
            // SetDefaults_Volume: a volume without any source becomes an emptyDir.
            if (Allowed.Any(key => Has(volume, key)) || volume.Entries.All(e => e.KeyText == "name" || e.Value is YamlScalar { IsNull: true }))
            {
                continue;
            }

            bad.Add(volume.GetString("name") ?? string.Empty);
            var type = Restricted.FirstOrDefault(key => Has(volume, key));
            types.Add(type ?? "unknown");
            first ??= type is null ? volume : volume.GetEntry(type)!.Key;
        }

        if (bad.Count == 0)
        {
            return CheckResult.Pass;
        }

        var sorted = PodView.SortedSet(types);
        return CheckResult.Fail(
            "restricted volume types",
            PodView.Plural("volume", "volumes", bad.Count) + " " + PodView.JoinQuote(bad) + " " + PodView.Plural("uses", "use", bad.Count) + " "
            + PodView.Plural("restricted volume type", "restricted volume types", sorted.Count) + " " + PodView.JoinQuote(sorted),
            first);
    }
}
