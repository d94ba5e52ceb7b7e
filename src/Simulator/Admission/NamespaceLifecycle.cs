using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Admission;

/// <summary>
/// NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle): an object in a namespace that does not exist is
/// rejected with NotFound. Namespaces are checked only when the cluster description lists some (kubectl get ns -o
/// yaml); then an object's namespace must be listed, built in, or created by the manifests.
/// </summary>
internal sealed class NamespaceLifecycle(ClusterModel cluster, IReadOnlyList<KubeObject> manifests) : IAdmissionPlugin
{
    private readonly HashSet<string> _created = new(manifests.Where(o => o.Group.Length == 0 && o.Kind == "Namespace").Select(o => o.Name), StringComparer.Ordinal);

    public AdmissionVerdict? AdmitObject(KubeObject obj)
    {
        if (cluster.Namespaces.Count == 0 || obj.EffectiveNamespace is not { } ns
            || cluster.Namespaces.Contains(ns) || _created.Contains(ns) || ns is "default" or "kube-system" or "kube-public" or "kube-node-lease")
        {
            return null;
        }

        return AdmissionVerdict.Reject("namespaces \"" + ns + "\" not found", obj.Metadata?.GetEntry("namespace")?.Value);
    }

    public AdmissionVerdict? AdmitPod(Workload workload, SimPod pod, string name) => null;
}
