using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator.Rollouts;

/// <summary>
/// Rolls a new pod template revision out on a copy of the placed cluster, step by step, with the controllers'
/// arithmetic. A pod counts as available as soon as it is scheduled (readiness and minReadySeconds are not modelled:
/// the manifests' containers are assumed to start and pass their probes). On the embedded default cluster the copy
/// scales up too, so a surge pod that needs a new worker gets one.
/// </summary>
public static class RolloutSimulator
{
    internal static RolloutResult? Simulate(Workload workload, IReadOnlyList<KubeObject> baseline, ClusterModel cluster, Scheduler scheduler, ClusterAutoscaler? autoscaler)
    {
        var owner = workload.Owner;
        if (owner.Group != "apps" || owner.Kind is not ("Deployment" or "StatefulSet" or "DaemonSet") || workload.Factory is not { } factory)
        {
            return null;
        }

        var rollout = new RolloutCluster(scheduler, autoscaler?.Clone());
        var old = OldPods(workload, baseline, cluster, rollout);
        var template = workload.Desired > 0 ? factory.Template : null;
        return owner.Kind switch
        {
            "Deployment" => DeploymentRollout.Run(workload, old, template, rollout),
            "StatefulSet" => StatefulSetRollout.Run(workload, old, template, rollout),
            _ => DaemonSetRollout.Run(workload, old, template, rollout),
        };
    }

    /// <summary>
    /// The pods of the current revision: the workload's own pods (placed first, then the pending ones, each pod of a
    /// pending group made), or with a baseline version of the same object, that version's pods placed in their stead.
    /// </summary>
    private static List<SimPod> OldPods(Workload workload, IReadOnlyList<KubeObject> baseline, ClusterModel cluster, RolloutCluster rollout)
    {
        var owner = workload.Owner;
        var own = workload.Outcomes.Where(o => o.Node is not null).Select(o => o.Pod).ToList();
        foreach (var outcome in workload.Outcomes.Where(o => o.Node is null && o.Admission is null))
        {
            own.Add(outcome.Pod);
            for (var k = 1; k < outcome.Count; k++)
            {
                own.Add(workload.Factory!.Create(outcome.Index + k));
            }
        }

        var previous = baseline.FirstOrDefault(b => b.Group == owner.Group && b.Kind == owner.Kind && b.Name == owner.Name && b.EffectiveNamespace == owner.EffectiveNamespace);
        if (previous is null || WorkloadExpander.Expand(previous, cluster) is not { Factory: { } before } expanded)
        {
            return own;
        }

        foreach (var pod in own)
        {
            rollout.Remove(pod);
        }

        var pods = new List<SimPod>();
        for (var i = 0; i < Math.Min(expanded.Desired, 10_000); i++)
        {
            var pod = before.Create(i);
            rollout.Schedule(pod);
            pods.Add(pod);
        }

        return pods;
    }

    /// <summary>A pod of the new revision; distinct instances so the scheduler tracks them apart from the old ones.</summary>
    internal static SimPod NewPod(SimPod template, string name, IReadOnlyList<NodeSelectorTerm>? pin = null)
        => template.WithName(name, requiredNodeTerms: pin);

    internal static int Available(IEnumerable<SimPod> pods, RolloutCluster cluster) => pods.Count(p => cluster.NodeOf(p) is not null);

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The common start of StatefulSet and DaemonSet updates (spec.updateStrategy): the result with its first step;
    /// true when it is already final (OnDelete, or nothing to roll). <paramref name="rolling"/> is spec.updateStrategy.rollingUpdate.
    /// </summary>
    internal static bool BeginUpdateStrategy(
        Workload workload,
        List<SimPod> oldPods,
        [NotNullWhen(false)] SimPod? template,
        RolloutCluster cluster,
        out RolloutResult result,
        out YamlMapping? rolling)
    {
        var owner = workload.Owner;
        var strategy = owner.Spec?.GetMapping("updateStrategy");
        var type = strategy?.GetString("type") ?? "RollingUpdate";
        result = new RolloutResult { Namespace = owner.EffectiveNamespace ?? "default", Name = owner.Name, Kind = owner.Kind, Strategy = type };
        result.Steps.Add(new RolloutStep(oldPods.Count, 0, Available(oldPods, cluster), "start"));
        rolling = strategy?.GetMapping("rollingUpdate");
        if (type == "OnDelete")
        {
            result.Completes = false;
            result.Reason = "OnDelete: pods move to the new revision only when they are deleted manually";
            return true;
        }

        if (template is null || oldPods.Count == 0)
        {
            result.Completes = true;
            return true;
        }

        return false;
    }

    internal static IntOrPercent Read(YamlMapping? map, string key, IntOrPercent fallback)
        => map?.GetEntry(key) is { } entry && IntOrPercent.TryRead(entry.Value, out var value) ? value : fallback;

    /// <summary>Marks the first step whose availability is zero after a start with pods available.</summary>
    internal static void MarkDowntime(RolloutResult result)
    {
        if (result.Steps.Count == 0 || result.Steps[0].Available == 0)
        {
            return;
        }

        for (var i = 1; i < result.Steps.Count; i++)
        {
            if (result.Steps[i].Available == 0)
            {
                result.DowntimeStep = i;
                return;
            }
        }
    }
}
