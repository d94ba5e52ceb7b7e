using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Admission;

/// <summary>One admission plugin's say on an object or on a pod a controller creates.</summary>
internal interface IAdmissionPlugin
{
    /// <summary>The verdict on an applied object (in apply order), or null to let it through silently.</summary>
    AdmissionVerdict? AdmitObject(KubeObject obj);

    /// <summary>The rejection of a pod a controller creates, or null. <paramref name="name"/> is the name the error shows.</summary>
    AdmissionVerdict? AdmitPod(Workload workload, SimPod pod, string name);
}

/// <summary>A rejection (the API server's message) or warnings, pointing at the field that causes them.</summary>
internal sealed record AdmissionVerdict(bool Rejected, string Message, YamlNode? Node)
{
    public static AdmissionVerdict Reject(string message, YamlNode? node) => new(true, message, node);

    public static AdmissionVerdict Warn(string message, YamlNode? node) => new(false, message, node);
}

/// <summary>An admission result worth a finding: the object, the field, and whether it was a rejection.</summary>
internal sealed record AdmissionFinding(KubeObject Object, YamlNode Node, bool Rejected, string Message);

/// <summary>
/// The API server's admission chain as far as it decides the fate of manifests (the default enabled plugins of
/// plugin/pkg/admission, mutating before validating): NamespaceLifecycle, Priority, LimitRanger, PodSecurity,
/// ResourceQuota. Objects are reviewed in apply order; pods that controllers create are reviewed when created.
/// </summary>
internal sealed class AdmissionReview
{
    private readonly List<IAdmissionPlugin> _plugins;
    private readonly HashSet<KubeObject> _rejected = [];
    private readonly List<AdmissionResult> _results = [];
    private readonly List<AdmissionFinding> _findings = [];
    private readonly HashSet<(Workload, string)> _reportedPods = [];

    public AdmissionReview(ClusterModel cluster, IReadOnlyList<KubeObject> manifests, IReadOnlyList<KubeObject> clusterObjects)
    {
        // Mutating admission (Priority) rejects before the validating plugins run.
        _plugins =
        [
            new NamespaceLifecycle(cluster, manifests),
            new PriorityAdmission(cluster),
            new LimitRanger(cluster),
            new PodSecurity.PodSecurityAdmission(cluster),
            new ResourceQuotaAdmission(cluster, clusterObjects),
        ];
        foreach (var obj in manifests)
        {
            Review(obj);
        }
    }

    public IReadOnlyList<AdmissionResult> Results => _results;

    public IReadOnlyList<AdmissionFinding> Findings => _findings;

    public bool Accepts(KubeObject obj) => !_rejected.Contains(obj);

    /// <summary>The rejection of a controller's pod, or null when the API server creates it.</summary>
    public string? AdmitPod(Workload workload, SimPod pod)
    {
        if (workload.Owner.Kind == "Pod" && workload.Owner.Group.Length == 0)
        {
            return null;
        }

        var name = workload.Owner.Kind == "StatefulSet" ? pod.Name : GenerateName(workload, pod);
        foreach (var plugin in _plugins)
        {
            if (plugin.AdmitPod(workload, pod, name) is { Rejected: true } verdict)
            {
                if (_reportedPods.Add((workload, verdict.Message)))
                {
                    _findings.Add(new AdmissionFinding(workload.Owner, verdict.Node ?? workload.ReportNode, true, "the " + workload.Owner.Kind + "'s pods would be rejected: " + verdict.Message));
                }

                return verdict.Message;
            }
        }

        return null;
    }

    /// <summary>"Kind/namespace/name" (cluster-scoped objects "Kind/name"), as the admission report names objects.</summary>
    public static string Describe(KubeObject obj)
        => obj.EffectiveNamespace is { } ns ? obj.Kind + "/" + ns + "/" + obj.Name : obj.Kind + "/" + obj.Name;

    /// <summary>The metadata.generateName a controller gives its pods, which the API server's error shows before a name is generated.</summary>
    private static string GenerateName(Workload workload, SimPod pod)
    {
        var name = pod.Name;
        var dash = name.LastIndexOf('-');
        return dash > 0 ? name.Substring(0, dash + 1) : name + "-";
    }

    private void Review(KubeObject obj)
    {
        var warnings = new List<string>();
        foreach (var plugin in _plugins)
        {
            if (plugin.AdmitObject(obj) is not { } verdict)
            {
                continue;
            }

            _findings.Add(new AdmissionFinding(obj, verdict.Node ?? obj.Root, verdict.Rejected, verdict.Message));
            if (verdict.Rejected)
            {
                _rejected.Add(obj);
                _results.Add(new AdmissionResult(Describe(obj), "rejected", verdict.Message));
                return;
            }

            warnings.Add(verdict.Message);
        }

        _results.Add(new AdmissionResult(Describe(obj), warnings.Count > 0 ? "warning" : "created", warnings.Count > 0 ? string.Join("\n", warnings) : null));
    }
}
