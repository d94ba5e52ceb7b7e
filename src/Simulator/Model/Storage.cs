using KubeLint.Analyzer.Model;

namespace KubeLint.Simulator.Model;

/// <summary>A StorageClass: binding mode, provisioner, allowed topologies.</summary>
public sealed record SimStorageClass(string Name, string Provisioner, bool WaitForFirstConsumer, bool IsDefault, IReadOnlyList<NodeSelectorTerm> AllowedTopologies)
{
    public const string NoProvisioner = "kubernetes.io/no-provisioner";

    /// <summary>Dynamic provisioning is possible: a provisioner other than "" and kubernetes.io/no-provisioner.</summary>
    public bool CanProvision => Provisioner.Length > 0 && Provisioner != NoProvisioner;

    public bool AllowsNode(SimNode node) => AllowedTopologies.Count == 0 || AllowedTopologies.Any(t => t.Matches(node));
}

/// <summary>A PersistentVolume (mutable: binding sets its claim).</summary>
public sealed class SimVolume
{
    public required string Name { get; init; }

    public required string StorageClass { get; init; }

    public required long Capacity { get; init; }

    public required IReadOnlyList<string> AccessModes { get; init; }

    /// <summary>Block or Filesystem (nil means Filesystem).</summary>
    public required string VolumeMode { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Required node affinity terms (ORed); empty when the volume is reachable from every node.</summary>
    public IReadOnlyList<NodeSelectorTerm> NodeAffinity { get; init; } = [];

    /// <summary>spec.claimRef as "namespace/name", or null.</summary>
    public string? ClaimRef { get; set; }

    public bool BeingDeleted { get; init; }

    public bool Bound => ClaimRef is not null;

    public bool ReachableFrom(SimNode node) => NodeAffinity.Count == 0 || NodeAffinity.Any(t => t.Matches(node));
}

/// <summary>A PersistentVolumeClaim (from a manifest or a StatefulSet's volumeClaimTemplates).</summary>
public sealed class SimClaim
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The class after the annotation / storageClassName / default-class rules; "" means no class.</summary>
    public required string StorageClass { get; init; }

    public required long Request { get; init; }

    public required IReadOnlyList<string> AccessModes { get; init; }

    public required string VolumeMode { get; init; }

    public LabelSelector? Selector { get; init; }

    /// <summary>spec.volumeName (pre-binding), or null.</summary>
    public string? VolumeName { get; init; }

    public KubeObject? Owner { get; init; }

    public Analyzer.Yaml.YamlNode? ReportNode { get; init; }

    public string Key => Namespace + "/" + Name;

    /// <summary>The bound volume, once bound.</summary>
    public string? BoundVolume { get; set; }

    /// <summary>Other volumes the claim could equally have been bound to (same capacity, all matching).</summary>
    public IReadOnlyList<string> VolumeTies { get; set; } = [];

    /// <summary>Why the claim is still Pending (the event Kubernetes would emit), or null when bound.</summary>
    public string? Reason { get; set; }

    /// <summary>True when staying Pending is a problem (not merely waiting for a first consumer that never comes).</summary>
    public bool Problem { get; set; }
}
