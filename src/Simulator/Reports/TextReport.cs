using System.Text;
using static KubeLint.Simulator.Reports.ReportFormat;

namespace KubeLint.Simulator.Reports;

/// <summary>
/// The human-readable simulation report: the cluster (and how many workers the autoscaled default needed), a table
/// per node and per workload, then pending pods (a group of identical pods once, with its count), admission,
/// Service endpoints, preemptions, failed Jobs, claims and rollouts.
/// </summary>
public static class TextReport
{
    public static string Render(SimulationResult result)
    {
        var text = new StringBuilder();
        text.Append("Cluster: ").Append(result.DefaultCluster ? "embedded default" : "from --cluster")
            .Append(" (").Append(Int(result.Nodes.Count)).Append(" nodes), scheduler messages of Kubernetes ").Append(result.KubernetesVersion).Append('\n');
        if (result.Autoscaling is { } pool)
        {
            text.Append("Workers needed: ").Append(Int(pool.Workers)).Append(" of ").Append(pool.WorkerShape)
                .Append(" (autoscaled from ").Append(Int(pool.InitialWorkers)).Append(", at most ").Append(Int(pool.MaxWorkers)).Append(")\n");
        }

        text.Append('\n');
        Table(text, ["NODE", "CPU REQUESTED", "MEMORY REQUESTED", "PODS"], result.Nodes.Select(n => new[]
        {
            n.Name,
            Cpu(n.MilliCpuRequested) + "/" + Cpu(n.MilliCpuAllocatable) + " (" + Percent(n.MilliCpuRequested, n.MilliCpuAllocatable) + ")",
            Memory(n.MemoryRequested) + "/" + Memory(n.MemoryAllocatable) + " (" + Percent(n.MemoryRequested, n.MemoryAllocatable) + ")",
            Int(n.Pods) + "/" + Int(n.PodsAllocatable),
        }));
        text.Append('\n');
        var workloads = result.Pods.GroupBy(p => (p.Namespace, p.Workload)).ToList();
        Table(text, ["WORKLOAD", "PODS", "RUNNING", "PENDING", "NODES"], workloads.Select(g => new[]
        {
            g.Key.Namespace + "/" + g.Key.Workload,
            Int(g.Sum(p => p.Count)),
            Int(g.Where(p => p.Node is not null).Sum(p => p.Count)),
            Int(g.Where(p => p.Node is null).Sum(p => p.Count)),
            string.Join(",", g.Where(p => p.Node is not null).Select(p => p.Node!).Distinct().OrderBy(n => n, StringComparer.Ordinal)),
        }));
        var pending = result.Pods.Where(p => p.Node is null).ToList();
        if (pending.Count > 0)
        {
            text.Append("\nPending pods:\n");
            foreach (var pod in pending)
            {
                text.Append("  ").Append(pod.Namespace).Append('/').Append(pod.Name)
                    .Append(pod.Count > 1 ? " and " + Int(pod.Count - 1) + " more like it" : string.Empty)
                    .Append(": ").Append(pod.Reason).Append('\n');
            }
        }

        var ties = result.Pods.Where(p => p.TieCount > 1).ToList();
        if (ties.Count > 0)
        {
            text.Append("\nEqual scores (a real cluster may pick another of these nodes):\n");
            foreach (var pod in ties)
            {
                text.Append("  ").Append(pod.Namespace).Append('/').Append(pod.Name).Append(" → ").Append(pod.Node).Append(" of {")
                    .Append(string.Join(", ", pod.Ties)).Append(pod.TieCount > pod.Ties.Count ? ", … " + Int(pod.TieCount) + " nodes" : string.Empty).Append("}\n");
            }
        }

        Services(text, result);
        Admission(text, result);
        if (result.Preempted.Count > 0)
        {
            text.Append("\nPreempted:\n");
            foreach (var victim in result.Preempted)
            {
                text.Append("  ").Append(victim.Namespace).Append('/').Append(victim.Name).Append(" (").Append(victim.Workload).Append(") on ")
                    .Append(victim.Node).Append(" by ").Append(victim.By).Append('\n');
            }
        }

        foreach (var job in result.FailedJobs)
        {
            text.Append("\nJob ").Append(job.Namespace).Append('/').Append(job.Name).Append(" fails: ").Append(job.Reason).Append('\n');
        }

        if (result.Claims.Count > 0)
        {
            text.Append('\n');
            Table(text, ["CLAIM", "PHASE", "VOLUME", "REASON"], result.Claims.Select(c => new[]
            {
                c.Namespace + "/" + c.Name + (c.Count > 1 ? " and " + Int(c.Count - 1) + " more" : string.Empty),
                c.Phase,
                c.Volume ?? "-",
                c.Reason ?? string.Empty,
            }));
            var equal = result.Claims.Where(c => c.Ties.Count > 1).ToList();
            if (equal.Count > 0)
            {
                text.Append("\nEqual volumes (a real cluster may bind another of these volumes):\n");
                foreach (var claim in equal)
                {
                    text.Append("  ").Append(claim.Namespace).Append('/').Append(claim.Name).Append(" → ").Append(claim.Volume).Append(" of {")
                        .Append(string.Join(", ", claim.Ties)).Append("}\n");
                }
            }
        }

        foreach (var rollout in result.Rollouts)
        {
            text.Append('\n').Append(rollout.Kind).Append(' ').Append(rollout.Namespace).Append('/').Append(rollout.Name).Append(" (").Append(rollout.Strategy).Append("): ")
                .Append(rollout.Completes ? "completes" : "does not complete");
            if (rollout.Reason is not null)
            {
                text.Append(" — ").Append(rollout.Reason);
            }

            text.Append('\n');
            Table(text, ["STEP", "OLD", "NEW", "AVAILABLE", "ACTION"], rollout.Steps.Select((s, i) => new[] { Int(i), Int(s.Old), Int(s.New), Int(s.Available), s.Action }), "  ");
        }

        return text.ToString();
    }

    private static void Admission(StringBuilder text, SimulationResult result)
    {
        var notable = result.Admission.Where(a => a.Outcome != "created").ToList();
        var pods = result.Pods.Where(p => p.Admission is not null).ToList();
        if (notable.Count == 0 && pods.Count == 0)
        {
            return;
        }

        text.Append("\nAdmission:\n");
        foreach (var admission in notable)
        {
            text.Append("  ").Append(admission.Object).Append(": ").Append(admission.Outcome).Append(": ").Append(admission.Message).Append('\n');
        }

        foreach (var pod in pods)
        {
            text.Append("  ").Append(Int(pod.Count)).Append(pod.Count == 1 ? " pod of " : " pods of ").Append(pod.Namespace).Append('/').Append(pod.Workload)
                .Append(" rejected: ").Append(pod.Admission).Append('\n');
        }
    }

    private static void Table(StringBuilder text, string[] headers, IEnumerable<string[]> rows, string indent = "")
    {
        var all = new List<string[]> { headers };
        all.AddRange(rows);
        var widths = new int[headers.Length];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in all)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    /// <summary>Per Service: its ready endpoints with each workload's share (a canary's weight), its ports and a switch gap.</summary>
    private static void Services(StringBuilder text, SimulationResult result)
    {
        if (result.Services.Count == 0)
        {
            return;
        }

        text.Append("\nServices (ready endpoints after the apply):\n");
        foreach (var service in result.Services)
        {
            text.Append("  ").Append(service.Namespace).Append('/').Append(service.Name).Append(": ").Append(Int(service.Ready)).Append(service.Ready == 1 ? " endpoint" : " endpoints");
            if (service.Backends.Count > 0)
            {
                text.Append(" from ").Append(string.Join(", ", service.Backends.Select(b => b.Workload + " " + Int(b.Ready) + "/" + Int(b.Pods) + " (" + Int(b.ShareOf(service.Ready)) + "%)")));
            }

            foreach (var port in service.Ports)
            {
                text.Append("; port ").Append(Int(port.Port)).Append('/').Append(port.Protocol).Append(" → ")
                    .Append(port.Resolved.Count == 0 ? port.TargetPort : string.Join(", ", port.Resolved.Select(r => r.Port is { } p ? Int(p) : port.TargetPort + " (not found in " + r.Workload + ")").Distinct(StringComparer.Ordinal)));
            }

            text.Append('\n');
            if (service.SwitchGap is { } gap)
            {
                text.Append("    ").Append(gap).Append('\n');
            }
        }
    }
}
