using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>Reads a PersistentVolumeClaim (object or volumeClaimTemplate) with the class rules of GetPersistentVolumeClaimClass.</summary>
public static class ClaimReader
{
    public const string ClassAnnotation = "volume.beta.kubernetes.io/storage-class";

    public static SimClaim Read(YamlMapping claim, string ns, string name, KubeObject owner, ClusterModel cluster, YamlNode reportNode)
    {
        var spec = claim.GetMapping("spec");
        var annotations = KubeObject.ReadStringMap(claim.GetPath("metadata", "annotations") as YamlMapping);

        // The annotation wins over spec.storageClassName; a nil class is set to the default class at admission
        // (DefaultStorageClass), "" means "no class" and never provisions.
        string storageClass;
        if (annotations.TryGetValue(ClassAnnotation, out var annotated))
        {
            storageClass = annotated;
        }
        else if (spec?.GetScalar("storageClassName") is { IsNull: false } scalar)
        {
            storageClass = scalar.Value;
        }
        else if (cluster.DefaultStorageClass is { } defaultClass)
        {
            storageClass = defaultClass.Name;
        }
        else
        {
            storageClass = string.Empty;
        }

        var request = spec?.GetPath("resources", "requests", "storage") is YamlScalar { IsNull: false } size && Quantity.TryRead(size, out var q, out _)
            ? Resources.ToUnits(q)
            : 0;
        return new SimClaim
        {
            Namespace = ns,
            Name = name,
            StorageClass = storageClass,
            Request = request,
            AccessModes = ClusterReader.StringList(spec?.GetSequence("accessModes")),
            VolumeMode = spec?.GetString("volumeMode") ?? "Filesystem",
            Selector = spec?.GetMapping("selector") is { } selector ? LabelSelector.FromLabelSelector(selector) : null,
            VolumeName = spec?.GetString("volumeName") is { Length: > 0 } volume ? volume : null,
            Owner = owner,
            ReportNode = reportNode,
        };
    }

    /// <summary>Where a claim finding points: storageClassName, else resources, else spec, else the object.</summary>
    public static YamlNode ReportNodeOf(KubeObject obj)
        => obj.Spec?.GetEntry("storageClassName")?.Key ?? obj.Spec?.GetEntry("resources")?.Key ?? obj.Root.GetEntry("spec")?.Key ?? obj.Root;
}
