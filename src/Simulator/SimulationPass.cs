using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator;

/// <summary>Runs the cluster simulation and reports its predictions (KL5xxx) as findings.</summary>
public sealed class SimulationPass(SimulationOptions options) : AnalysisPass
{
    public SimulationOptions Options { get; } = options;

    public override IReadOnlyList<RuleDescriptor> Rules { get; } = SimulationRules.All;

    public override void Run(AnalysisContext context) => RunAndReport(context, Options);

    /// <summary>Simulates the context's objects, reports the KL5xxx findings into it and returns the full prediction.</summary>
    public static SimulationResult RunAndReport(AnalysisContext context, SimulationOptions options)
    {
        var simulation = Simulation.Run(context.Objects, options, SchedulerVersion.Parse(context.Options.KubernetesVersion));
        var unschedulable = new HashSet<Workload>();
        foreach (var workload in simulation.Workloads)
        {
            if (ReportPods(context, workload, simulation))
            {
                unschedulable.Add(workload);
            }
        }

        foreach (var claim in simulation.Claims)
        {
            if (claim.BoundVolume is null && claim.Problem && claim.Owner is { } owner && claim.ReportNode is { } node)
            {
                context.Report(SimulationRules.ClaimUnbound, owner, node, "PersistentVolumeClaim " + claim.Name + " would stay Pending: " + claim.Reason);
            }
        }

        foreach (var (rollout, workload) in simulation.Rollouts)
        {
            // A workload whose pods cannot even start is reported once, as unschedulable: its rollout is moot.
            if (unschedulable.Contains(workload))
            {
                continue;
            }

            var node = workload.Owner.Spec?.GetEntry("strategy")?.Key ?? workload.Owner.Spec?.GetEntry("updateStrategy")?.Key ?? workload.ReportNode;
            if (!rollout.Completes && rollout.Strategy != "OnDelete")
            {
                context.Report(SimulationRules.RolloutStuck, workload.Owner, node, "a rollout of a new revision would not complete: " + rollout.Reason);
            }
            else if (rollout.DowntimeStep is { } step)
            {
                var at = rollout.Steps[step];
                context.Report(SimulationRules.RolloutDowntime, workload.Owner, node, "a " + rollout.Strategy + " rollout leaves no pod available at step " + step.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (" + at.Action + ")");
            }
        }

        return simulation.Result;
    }

    /// <summary>One finding per workload: the first unschedulable pod's message and how many share the fate.</summary>
    private static bool ReportPods(AnalysisContext context, Workload workload, Simulation simulation)
    {
        var pending = workload.Pods.Where(p => simulation.Placements[p].Node is null).Select(p => simulation.Placements[p]).ToList();
        if (pending.Count == 0)
        {
            return false;
        }

        var total = workload.Pods.Count;
        var first = pending[0];
        var count = pending.Count == 1 ? "pod " + first.Pod.Name : pending.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pods (first " + first.Pod.Name + ")";
        context.Report(SimulationRules.PodUnschedulable, workload.Owner, workload.ReportNode, count + " would stay Pending: " + first.Reason);
        return true;
    }

    /// <summary>The simulation of a set of objects, for the simulate command and reports.</summary>
    public static SimulationResult Simulate(IReadOnlyList<KubeObject> objects, SimulationOptions options, string? kubernetesVersion = null)
        => Simulation.Run(objects, options, SchedulerVersion.Parse(kubernetesVersion)).Result;
}
