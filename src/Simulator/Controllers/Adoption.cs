using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>
/// ReplicaSets and ReplicationControllers adopt orphans (replica_set.go claimPods / ClaimPods with the controller
/// ref manager): a pod without a controlling ownerReference in the same namespace whose labels match the selector
/// is adopted and counts toward replicas, so the controller creates that many pods fewer. Adopted pods of the
/// manifests are reported under their new owner. Which pods go when an adoption leaves too many is left out: the
/// adopted pods are counted first, as if they existed before the controller. A Deployment's ReplicaSet selects the
/// Deployment's selector plus pod-template-hash (deployment/sync.go getNewReplicaSet), so it adopts only orphans that
/// carry that label; the value is taken to be the current template's, since upstream's hash of the Go object
/// (controller.ComputeHash) cannot be recomputed from the manifest.
/// </summary>
internal static class Adoption
{
    public static void AdoptBarePods(List<Workload> workloads, ClusterModel cluster)
    {
        var orphans = workloads.Where(w => w.Owner.Group.Length == 0 && w.Owner.Kind == "Pod" && !HasController(w.Owner)).ToList();
        var adopted = new HashSet<SimPod>();
        foreach (var controller in workloads.Where(w => w.Factory is not null && w.Owner.Kind is "ReplicaSet" or "ReplicationController" or "Deployment"))
        {
            var selector = Selector(controller.Owner);
            if (selector is null || selector.IsEmpty || !selector.IsValid)
            {
                continue;
            }

            var hashed = controller.Owner.Kind == "Deployment";
            bool Selects(IReadOnlyDictionary<string, string> labels) => selector.Matches(labels) && (!hashed || labels.ContainsKey(WorkloadExpander.PodTemplateHashLabel));
            var ns = controller.Owner.EffectiveNamespace ?? "default";
            foreach (var orphan in orphans.ToList())
            {
                if (controller.Desired > 0 && (orphan.Owner.EffectiveNamespace ?? "default") == ns && Selects(orphan.Factory!.Template.Labels))
                {
                    orphan.AdoptedBy = controller;
                    controller.Adopted.Add(orphan.Factory.Template);
                    controller.Desired--;
                    orphans.Remove(orphan);
                }
            }

            foreach (var (running, orphan) in cluster.RunningPods)
            {
                if (controller.Desired > 0 && orphan && running.Namespace == ns && Selects(running.Labels) && adopted.Add(running))
                {
                    controller.Adopted.Add(running);
                    controller.Desired--;
                }
            }
        }
    }

    private static LabelSelector? Selector(KubeObject owner)
        => owner.Kind == "ReplicationController"
            ? owner.Spec?.GetMapping("selector") is { } map ? LabelSelector.FromMap(map) : null
            : owner.Spec?.GetMapping("selector") is { } s ? LabelSelector.FromLabelSelector(s) : null;

    private static bool HasController(KubeObject pod)
        => pod.Metadata?.GetSequence("ownerReferences")?.Mappings.Any(r => r.GetScalar("controller") is { } c && c.TryGetBool(out var isController) && isController) == true;
}
