using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Admission;

/// <summary>
/// Priority (plugin/pkg/admission/priority/admission.go admitPod): a pod naming a PriorityClass that does not
/// exist is forbidden; a pod whose preemptionPolicy differs from the one its class (or the default) gives is
/// forbidden. Bare pods are rejected at apply, controllers' pods when they are created.
/// </summary>
internal sealed class PriorityAdmission(ClusterModel cluster) : IAdmissionPlugin
{
    public AdmissionVerdict? AdmitObject(KubeObject obj)
        => obj.Group.Length == 0 && obj.Kind == "Pod" && obj.Spec is { } spec ? Check(spec, obj.Name) : null;

    public AdmissionVerdict? AdmitPod(Workload workload, SimPod pod, string name)
        => PodTemplate.Of(workload.Owner)?.Spec is { } spec ? Check(spec, name) : null;

    private AdmissionVerdict? Check(YamlMapping spec, string name)
    {
        PriorityClass? priorityClass;
        if (spec.GetString("priorityClassName") is { Length: > 0 } className)
        {
            if (!cluster.PriorityClasses.TryGetValue(className, out priorityClass))
            {
                return AdmissionVerdict.Reject(Forbidden(name, "no PriorityClass with name " + className + " was found"), spec.GetEntry("priorityClassName")?.Value);
            }
        }
        else
        {
            priorityClass = cluster.DefaultPriorityClass;
        }

        // Without a class the computed policy is PreemptLowerPriority (getDefaultPriority).
        var computed = priorityClass?.NeverPreempts == true ? "Never" : "PreemptLowerPriority";
        if (spec.GetString("preemptionPolicy") is { Length: > 0 } policy && policy != computed)
        {
            return AdmissionVerdict.Reject(Forbidden(name, "the string value of PreemptionPolicy (" + policy + ") must not be provided in pod spec; priority admission controller computed " + computed + " from the given PriorityClass name"), spec.GetEntry("preemptionPolicy")?.Value);
        }

        return null;
    }

    private static string Forbidden(string name, string message) => "pods \"" + name + "\" is forbidden: " + message;
}
