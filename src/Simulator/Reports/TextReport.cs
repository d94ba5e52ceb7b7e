using System.Globalization;
using System.Text;

namespace KubeLint.Simulator.Reports;

/// <summary>The human-readable simulation report: a table per node and per workload, then pending pods, claims and rollouts.</summary>
public static class TextReport
{
    public static string Render(SimulationResult result)
    {
        var text = new StringBuilder();
        text.Append("Cluster: ").Append(result.DefaultCluster ? "embedded default" : "from --cluster")
            .Append(" (").Append(Int(result.Nodes.Count)).Append(" nodes), scheduler messages of Kubernetes ").Append(result.KubernetesVersion).Append('\n');
        text.Append('\n');
        Table(text, ["NODE", "CPU REQUESTED", "MEMORY REQUESTED", "PODS"], result.Nodes.Select(n => new[]
        {
            n.Name,
            Int(n.MilliCpuRequested) + "m/" + Int(n.MilliCpuAllocatable) + "m (" + Percent(n.MilliCpuRequested, n.MilliCpuAllocatable) + ")",
            Int(n.MemoryRequested / (1024 * 1024)) + "Mi/" + Int(n.MemoryAllocatable / (1024 * 1024)) + "Mi (" + Percent(n.MemoryRequested, n.MemoryAllocatable) + ")",
            Int(n.Pods) + "/" + Int(n.PodsAllocatable),
        }));
        text.Append('\n');
        var workloads = result.Pods.GroupBy(p => (p.Namespace, p.Workload)).ToList();
        Table(text, ["WORKLOAD", "PODS", "RUNNING", "PENDING", "NODES"], workloads.Select(g => new[]
        {
            g.Key.Namespace + "/" + g.Key.Workload,
            Int(g.Count()),
            Int(g.Count(p => p.Node is not null)),
            Int(g.Count(p => p.Node is null)),
            string.Join(",", g.Where(p => p.Node is not null).Select(p => p.Node!).Distinct().OrderBy(n => n, StringComparer.Ordinal)),
        }));
        var pending = result.Pods.Where(p => p.Node is null).ToList();
        if (pending.Count > 0)
        {
            text.Append("\nPending pods:\n");
            foreach (var pod in pending)
            {
                text.Append("  ").Append(pod.Namespace).Append('/').Append(pod.Name).Append(": ").Append(pod.Reason).Append('\n');
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

        if (result.Claims.Count > 0)
        {
            text.Append('\n');
            Table(text, ["CLAIM", "PHASE", "VOLUME", "REASON"], result.Claims.Select(c => new[] { c.Namespace + "/" + c.Name, c.Phase, c.Volume ?? "-", c.Reason ?? string.Empty }));
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

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) => whole <= 0 ? "-" : Int(part * 100 / whole) + "%";
}
