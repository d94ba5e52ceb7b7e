using System.Globalization;
using System.Text;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Volumes;

/// <summary>
/// PVC ↔ PV binding with the PV controller's rules (pv_helpers FindMatchingVolume, pv_controller syncUnboundClaim)
/// for Immediate claims, and the scheduler's VolumeBinding plugin for WaitForFirstConsumer claims.
/// </summary>
public sealed class VolumeBinder
{
    private readonly ClusterModel _cluster;
    private readonly Dictionary<string, SimClaim> _claims = new(StringComparer.Ordinal);
    private readonly List<SimClaim> _claimOrder = [];
    private readonly Dictionary<string, SimVolume> _byName = new(StringComparer.Ordinal);
    private int _indexed = -1;

    // Volumes the binder provisions are bound to their claim from birth, so matching walks only the ones that existed.
    private readonly int _existing;

    public VolumeBinder(ClusterModel cluster)
    {
        _cluster = cluster;
        _existing = cluster.Volumes.Count;
    }

    public IReadOnlyList<SimClaim> Claims => _claimOrder;

    public IReadOnlyList<SimVolume> Volumes => _cluster.Volumes;

    /// <summary>The volume named <paramref name="name"/>, or null; the name index follows additions and snapshot restores.</summary>
    public SimVolume? Volume(string name)
    {
        if (_indexed != _cluster.Volumes.Count)
        {
            _byName.Clear();
            foreach (var volume in _cluster.Volumes)
            {
                _byName[volume.Name] = volume;
            }

            _indexed = _cluster.Volumes.Count;
        }

        return _byName.TryGetValue(name, out var found) ? found : null;
    }

    public void AddClaim(SimClaim claim)
    {
        if (_claims.ContainsKey(claim.Key))
        {
            return;
        }

        _claims[claim.Key] = claim;
        _claimOrder.Add(claim);
    }

    public SimClaim? Find(string ns, string name) => _claims.TryGetValue(ns + "/" + name, out var claim) ? claim : null;

    public bool IsDelayed(SimClaim claim)
        => claim.VolumeName is null && _cluster.StorageClasses.TryGetValue(claim.StorageClass, out var sc) && sc.WaitForFirstConsumer;

    /// <summary>The PV controller's pass over every claim: pre-bound claims, then Immediate claims; delayed claims wait.</summary>
    public void BindImmediate()
    {
        foreach (var claim in _claimOrder)
        {
            BindClaim(claim);
        }
    }

    /// <summary>syncUnboundClaim for one claim (a claim created later, like a StatefulSet's).</summary>
    public void BindClaim(SimClaim claim)
    {
        // Volumes already claimed by a claimRef reserve themselves for that claim (pre-binding from the PV side).
        if (claim.BoundVolume is not null)
        {
            return;
        }

        if (claim.VolumeName is not null)
        {
            BindRequested(claim);
        }
        else if (IsDelayed(claim))
        {
            claim.Reason = "waiting for first consumer to be created before binding";
        }
        else
        {
            BindImmediateClaim(claim);
        }
    }

    /// <summary>A claim with spec.volumeName: checkVolumeSatisfyClaim in its order, or the bound-elsewhere message.</summary>
    private void BindRequested(SimClaim claim)
    {
        var volume = Volume(claim.VolumeName!);
        if (volume is null)
        {
            Fail(claim, "volume \"" + claim.VolumeName + "\" not found; the claim stays Pending until it exists");
            return;
        }

        if (volume.ClaimRef is not null && volume.ClaimRef != claim.Key)
        {
            Fail(claim, "volume \"" + volume.Name + "\" already bound to a different claim.");
            return;
        }

        var error = volume.BeingDeleted ? "the volume is marked for deletion"
            : volume.Capacity < claim.Request ? "requested PV is too small"
            : volume.StorageClass != claim.StorageClass ? "storageClassName does not match"
            : volume.VolumeMode != claim.VolumeMode ? "incompatible volumeMode"
            : !AccessModesContain(volume, claim) ? "incompatible accessMode"
            : null;
        if (error is not null)
        {
            Fail(claim, "VolumeMismatch: Cannot bind to requested volume \"" + volume.Name + "\": " + error);
            return;
        }

        Bind(claim, volume, node: null);
    }

    private void BindImmediateClaim(SimClaim claim)
    {
        if (FindMatchingVolume(claim, node: null, excluded: null) is { } volume)
        {
            Bind(claim, volume, node: null);
            return;
        }

        if (claim.StorageClass.Length == 0)
        {
            Fail(claim, "FailedBinding: no persistent volumes available for this claim and no storage class is set");
            return;
        }

        if (!_cluster.StorageClasses.TryGetValue(claim.StorageClass, out var storageClass))
        {
            Fail(claim, "ProvisioningFailed: storageclass.storage.k8s.io \"" + claim.StorageClass + "\" not found");
            return;
        }

        if (!storageClass.CanProvision)
        {
            // No in-tree plugin matches, so the controller waits for an external provisioner that never comes.
            Fail(claim, "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner '" + storageClass.Provisioner
                + "' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.");
            return;
        }

        Provision(claim);
    }

    /// <summary>
    /// FindMatchingVolume: skip volumes excluded or claimed by another claim, too small, of another volumeMode or being
    /// deleted, or (with a node) unreachable from it; a volume pre-bound to this claim wins at once; otherwise an
    /// Available volume of the same class matching the selector, the smallest capacity first (ties by name, where
    /// upstream's order is not deterministic). Access modes: every claim mode must be on the volume.
    /// </summary>
    public SimVolume? FindMatchingVolume(SimClaim claim, SimNode? node, HashSet<string>? excluded)
    {
        SimVolume? best = null;
        for (var i = 0; i < _existing; i++)
        {
            var volume = _cluster.Volumes[i];
            if ((volume.ClaimRef is not null && volume.ClaimRef != claim.Key) || !Matches(volume, claim, node, excluded))
            {
                continue;
            }

            if (volume.ClaimRef == claim.Key)
            {
                return volume;
            }

            if (volume.StorageClass != claim.StorageClass || (claim.Selector is not null && !claim.Selector.Matches(volume.Labels)))
            {
                continue;
            }

            if (best is null || volume.Capacity < best.Capacity || (volume.Capacity == best.Capacity && string.CompareOrdinal(volume.Name, best.Name) < 0))
            {
                best = volume;
            }
        }

        return best;
    }

    /// <summary>
    /// The VolumeBinding filter for a pod's delayed claims on one node: each claim, smallest request first, takes a
    /// matching volume reachable from the node (excluded for the rest) or must be provisionable there.
    /// </summary>
    public bool CanBindOnNode(IReadOnlyList<SimClaim> delayed, SimNode node, List<(SimClaim, SimVolume?)>? plan)
    {
        HashSet<string>? taken = null;
        foreach (var claim in delayed)
        {
            var volume = FindMatchingVolume(claim, node, taken);
            if (volume is not null)
            {
                (taken ??= new HashSet<string>(StringComparer.Ordinal)).Add(volume.Name);
                plan?.Add((claim, volume));
                continue;
            }

            if (!_cluster.StorageClasses.TryGetValue(claim.StorageClass, out var sc) || !sc.CanProvision || !sc.AllowsNode(node))
            {
                return false;
            }

            plan?.Add((claim, null));
        }

        return true;
    }

    /// <summary>
    /// Binds the claim to the volume. With other Available volumes of the same capacity that would have matched, all
    /// of them (the chosen one included, ordinal order) are the tie set, as for nodes of equal score: upstream's
    /// FindMatchingVolume (pkg/controller/volume/persistentvolume/util) keeps the first strictly smallest volume of
    /// the cache's index, which lists them in map order, so any of them may be chosen.
    /// </summary>
    public void Bind(SimClaim claim, SimVolume volume, SimNode? node)
    {
        var ties = new List<string>();
        if (volume.ClaimRef != claim.Key)
        {
            for (var i = 0; i < _existing; i++)
            {
                var other = _cluster.Volumes[i];
                if (other != volume && other.Capacity == volume.Capacity && other.ClaimRef is null && Matches(other, claim, node, null)
                    && other.StorageClass == claim.StorageClass && (claim.Selector is null || claim.Selector.Matches(other.Labels)))
                {
                    ties.Add(other.Name);
                }
            }
        }

        if (ties.Count > 0)
        {
            ties.Add(volume.Name);
            ties.Sort(StringComparer.Ordinal);
        }

        volume.ClaimRef = claim.Key;
        claim.BoundVolume = volume.Name;
        claim.VolumeTies = ties;
        claim.Reason = null;
        claim.Problem = false;
    }

    /// <summary>Dynamic provisioning; the PV is named pvc-&lt;uid&gt; upstream, here a deterministic uid-shaped hash of the claim.</summary>
    public void Provision(SimClaim claim, SimNode? node = null)
    {
        var volume = new SimVolume
        {
            Name = "pvc-" + StableUid(claim.Key),
            StorageClass = claim.StorageClass,
            Capacity = claim.Request,
            AccessModes = claim.AccessModes,
            VolumeMode = claim.VolumeMode,
            NodeAffinity = node is null ? [] : [NodeSelectorTerm.FromLabelIn([("kubernetes.io/hostname", [node.Labels.TryGetValue("kubernetes.io/hostname", out var host) ? host : node.Name])])],
        };
        _cluster.Volumes.Add(volume);
        Bind(claim, volume, node);
    }

    /// <summary>Saves the binding state, for rollout simulations that must not leave traces.</summary>
    public Action Snapshot()
    {
        var claims = _claimOrder.Select(c => (c, c.BoundVolume, c.Reason, c.Problem, c.VolumeTies)).ToList();
        var volumes = _cluster.Volumes.Select(v => (v, v.ClaimRef)).ToList();
        var count = _cluster.Volumes.Count;
        return () =>
        {
            foreach (var (claim, bound, reason, problem, ties) in claims)
            {
                claim.BoundVolume = bound;
                claim.VolumeTies = ties;
                claim.Reason = reason;
                claim.Problem = problem;
            }

            foreach (var (volume, claimRef) in volumes)
            {
                volume.ClaimRef = claimRef;
            }

            _cluster.Volumes.RemoveRange(count, _cluster.Volumes.Count - count);
        };
    }

    private static bool Matches(SimVolume volume, SimClaim claim, SimNode? node, HashSet<string>? excluded)
        => (excluded is null || !excluded.Contains(volume.Name))
           && volume.Capacity >= claim.Request
           && volume.VolumeMode == claim.VolumeMode
           && !volume.BeingDeleted
           && AccessModesContain(volume, claim)
           && (node is null || volume.ReachableFrom(node));

    private static bool AccessModesContain(SimVolume volume, SimClaim claim)
    {
        foreach (var mode in claim.AccessModes)
        {
            if (!volume.AccessModes.Contains(mode, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void Fail(SimClaim claim, string reason)
    {
        claim.Reason = reason;
        claim.Problem = true;
    }

    private static string StableUid(string key)
    {
        // Two FNV-1a passes with different seeds give 64 bits, printed in the 8-4-4-4-12 shape of a UID.
        ulong a = 14695981039346656037, b = 1099511628211 * 31;
        foreach (var ch in Encoding.UTF8.GetBytes(key))
        {
            a = (a ^ ch) * 1099511628211;
            b = (b ^ ch) * 14029467366897019727;
        }

        var hex = a.ToString("x16", CultureInfo.InvariantCulture) + b.ToString("x16", CultureInfo.InvariantCulture);
        return hex.Substring(0, 8) + "-" + hex.Substring(8, 4) + "-" + hex.Substring(12, 4) + "-" + hex.Substring(16, 4) + "-" + hex.Substring(20, 12);
    }
}
