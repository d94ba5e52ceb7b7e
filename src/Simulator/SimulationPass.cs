using System.Globalization;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator;

/// <summary>
/// Runs the cluster simulation and reports its predictions (KL5xxx) as findings. Against the embedded default
/// cluster a prediction is an assumption about a cluster the user never described, so the scheduling, rollout and
/// claim predictions are warnings whose message names that assumption; with --cluster they are errors.
/// </summary>
public sealed class SimulationPass(SimulationOptions options) : AnalysisPass
{
    /// <summary>Appended to predictions made on the embedded default cluster.</summary>
    public const string DefaultClusterAssumption = "on the embedded default cluster: autoscaled " + DefaultCluster.WorkerShape + " workers";

    public SimulationOptions Options { get; } = options;

    public override IReadOnlyList<RuleDescriptor> Rules { get; } = SimulationRules.All;

    public override void Run(AnalysisContext context)
    {
        if (CanReport(context.Objects, Options))
        {
            RunAndReport(context, Options);
        }
    }

    /// <summary>
    /// False when the simulation has nothing to report, so that a run over ConfigMaps, Secrets or RBAC objects never
    /// builds the cluster model and its scheduler (about a twentieth of a one-file run). Without a cluster or a
    /// baseline, every prediction is about a workload (an object with a pod template, or a Pod) or a claim, and
    /// admission rejects or warns only through a pod spec, a PersistentVolumeClaim, or a ResourceQuota or LimitRange
    /// of the input: NamespaceLifecycle rejects only for a cluster that lists its namespaces, and a Service's switch
    /// gap needs its previous revision.
    /// </summary>
    internal static bool CanReport(IReadOnlyList<KubeObject> objects, SimulationOptions options)
        => options.Cluster.Count > 0 || options.Baseline.Count > 0 || objects.Any(o => PodTemplate.IsWorkloadKind(o.Group, o.Kind)
            || (o.Group.Length == 0 && o.Kind is "PersistentVolumeClaim" or "ResourceQuota" or "LimitRange"));

    /// <summary>Simulates the context's objects, reports the KL5xxx findings into it and returns the full prediction.</summary>
    public static SimulationResult RunAndReport(AnalysisContext context, SimulationOptions options)
    {
        var simulation = Simulation.Run(context.Objects, options, SchedulerVersion.Parse(context.Options.KubernetesVersion));
        var report = new Reporter(context, simulation.Result.DefaultCluster);
        foreach (var finding in simulation.Admission.Findings)
        {
            report.Admission(finding.Object, finding.Node, finding.Rejected, finding.Message);
        }

        var unschedulable = new HashSet<Workload>();
        foreach (var workload in simulation.Workloads)
        {
            // Pods that admission rejects are reported by KL5005; their rollout is as moot as an unschedulable one.
            if (ReportPods(report, workload) || workload.Outcomes.Any(o => o.Admission is not null))
            {
                unschedulable.Add(workload);
            }
        }

        foreach (var claim in simulation.Claims)
        {
            if (claim.BoundVolume is null && claim.Problem && claim.Owner is { } owner && claim.ReportNode is { } node)
            {
                report.Prediction(SimulationRules.ClaimUnbound, owner, node, "PersistentVolumeClaim " + claim.Name + " would stay Pending: " + claim.Reason);
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
                report.Prediction(SimulationRules.RolloutStuck, workload.Owner, node, "a rollout of a new revision would not complete: " + rollout.Reason);
            }
            else if (rollout.DowntimeStep is { } step)
            {
                var at = rollout.Steps[step];
                report.Prediction(SimulationRules.RolloutDowntime, workload.Owner, node, "a " + rollout.Strategy + " rollout leaves no pod available at step " + step.ToString(CultureInfo.InvariantCulture) + " (" + at.Action + ")");
            }
        }

        foreach (var service in simulation.Result.Services)
        {
            if (service.SwitchGap is { } gap
                && context.Objects.FirstOrDefault(o => o.Group.Length == 0 && o.Kind == "Service" && o.Name == service.Name && (o.EffectiveNamespace ?? "default") == service.Namespace) is { } obj)
            {
                context.Report(SimulationRules.ServiceSwitchGap, obj, obj.Spec?.GetEntry("selector")?.Key ?? obj.Root, gap);
            }
        }

        return simulation.Result;
    }

    /// <summary>The simulation of a set of objects, for the simulate command and reports.</summary>
    public static SimulationResult Simulate(IReadOnlyList<KubeObject> objects, SimulationOptions options, string? kubernetesVersion = null)
        => Simulation.Run(objects, options, SchedulerVersion.Parse(kubernetesVersion)).Result;

    /// <summary>One finding per workload: the first unschedulable pod's message and how many share the fate.</summary>
    private static bool ReportPods(Reporter report, Workload workload)
    {
        if (workload.Job?.FailedReason is { } failed)
        {
            report.Prediction(SimulationRules.PodUnschedulable, workload.Owner, workload.ReportNode, "the Job would fail with its pods deleted: " + failed);
            return true;
        }

        var pending = workload.Pending;
        var first = workload.Outcomes.FirstOrDefault(o => o.Node is null && o.Admission is null);
        if (pending == 0 || first is null)
        {
            return false;
        }

        var total = workload.Total;
        var count = pending == 1 && total == 1 ? "pod " + first.Pod.Name
            : pending == 1 ? "pod " + first.Pod.Name + " (1 of " + Int(total) + ")"
            : Int(pending) + " of " + Int(total) + " pods (first " + first.Pod.Name + ")";
        report.Prediction(SimulationRules.PodUnschedulable, workload.Owner, workload.ReportNode, count + " would stay Pending: " + first.Reason);
        return true;
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reports predictions with the severity the cluster warrants and admission results as they are.</summary>
    private sealed class Reporter(AnalysisContext context, bool defaultCluster)
    {
        public void Prediction(RuleDescriptor rule, KubeObject obj, Analyzer.Yaml.YamlNode node, string message)
        {
            if (defaultCluster)
            {
                context.Report(rule, obj, node, message + " (" + DefaultClusterAssumption + ")", Severity.Warning);
            }
            else
            {
                context.Report(rule, obj, node, message);
            }
        }

        public void Admission(KubeObject obj, Analyzer.Yaml.YamlNode node, bool rejected, string message)
            => context.Report(rejected ? SimulationRules.AdmissionRejected : SimulationRules.AdmissionWarning, obj, node, message);
    }
}
