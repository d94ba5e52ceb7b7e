using System.Text;
using static KubeLint.Simulator.Reports.HtmlCharts;
using static KubeLint.Simulator.Reports.ReportFormat;

namespace KubeLint.Simulator.Reports;

/// <summary>
/// A self-contained HTML page (no external resources): a summary, the node utilisation chart, a chart per rollout
/// that says something, the pod-to-node table, Services, claims and the JSON result embedded. The charts are inline
/// SVG rendered here, so the page shows without its script; the script only links hover between a node's bars and
/// its pods' rows.
/// </summary>
public static class HtmlReport
{
    public static string Render(SimulationResult result)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>KubeLint simulation</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; }
            table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
            .pending { color: #b00020; } .note, .rollout-reason { color: #555; }
            svg text { font-size: 11px; } svg .axis-title { font-size: 12px; fill: #444; } svg .rollout-title { font-size: 13px; font-weight: 600; }
            tr.highlight td { background: #fff4c2; } .node-bar:hover, .rollout-step:hover { opacity: 0.75; }
            </style>
            </head>
            <body>
            <h1>KubeLint cluster simulation</h1>

            """);
        Summary(html, result);
        html.Append("<h2>Node utilisation</h2>\n<div id=\"node-chart\">\n");
        Nodes(html, result.Nodes);
        html.Append("</div>\n<h2>Rollouts</h2>\n<div id=\"rollout-chart\">\n");
        foreach (var rollout in result.Rollouts)
        {
            if (WorthCharting(rollout))
            {
                Rollout(html, rollout);
            }
            else
            {
                html.Append("<p class=\"rollout-plain\">").Append(Encode(rollout.Kind + " " + rollout.Namespace + "/" + rollout.Name + " (" + rollout.Strategy + "): "
                    + (rollout.Completes ? "completes" : "does not complete") + (rollout.Reason is { } reason ? " — " + reason : string.Empty))).Append("</p>\n");
            }
        }

        html.Append("</div>\n");
        Pods(html, result);
        Services(html, result);
        Claims(html, result);
        html.Append("<script type=\"application/json\" id=\"data\">\n").Append(JsonReport.Render(result)).Append("</script>\n");
        html.Append(Script);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, SimulationResult result)
    {
        var pods = result.Pods.Sum(p => p.Count);
        var placed = result.Pods.Where(p => p.Node is not null).Sum(p => p.Count);
        html.Append("<p id=\"summary\">").Append(Encode(result.DefaultCluster ? "Embedded default cluster" : "Cluster from --cluster"))
            .Append(" (").Append(Int(result.Nodes.Count)).Append(" nodes), scheduler messages of Kubernetes ").Append(Encode(result.KubernetesVersion)).Append(": ")
            .Append(Int(placed)).Append(" of ").Append(Int(pods)).Append(" pods placed.");
        if (result.Autoscaling is { } pool)
        {
            html.Append(" Workers needed: ").Append(Int(pool.Workers)).Append(" of ").Append(Encode(pool.WorkerShape))
                .Append(" (autoscaled from ").Append(Int(pool.InitialWorkers)).Append(", at most ").Append(Int(pool.MaxWorkers)).Append(").");
        }

        html.Append("</p>\n");
    }

    /// <summary>Every pod (a group of identical pods once) with its node, or why it is Pending, and the tie set of equal scores.</summary>
    private static void Pods(StringBuilder html, SimulationResult result)
    {
        html.Append("<h2>Pods and their nodes</h2>\n<table id=\"pods\"><tr><th>Pod</th><th>Workload</th><th>Node</th><th>Note</th></tr>\n");
        foreach (var pod in result.Pods)
        {
            var name = pod.Namespace + "/" + pod.Name + (pod.Count > 1 ? " and " + Int(pod.Count - 1) + " more like it" : string.Empty);
            var note = pod.Node is null
                ? pod.Admission ?? pod.Reason ?? string.Empty
                : pod.TieCount > 1 ? "equal score on " + string.Join(", ", pod.Ties) + (pod.TieCount > pod.Ties.Count ? ", … " + Int(pod.TieCount) + " nodes" : string.Empty) : string.Empty;
            html.Append(pod.Node is null ? "<tr class=\"pending\">" : "<tr data-node=\"" + Encode(pod.Node) + "\">")
                .Append("<td>").Append(Encode(name)).Append("</td><td>").Append(Encode(pod.Workload)).Append("</td><td>").Append(Encode(pod.Node ?? "Pending"))
                .Append("</td><td>").Append(Encode(note)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Services(StringBuilder html, SimulationResult result)
    {
        if (result.Services.Count == 0)
        {
            return;
        }

        html.Append("<h2>Services</h2>\n<table id=\"services\"><tr><th>Service</th><th>Ready endpoints</th><th>From</th><th>Ports</th></tr>\n");
        foreach (var service in result.Services)
        {
            var from = string.Join(", ", service.Backends.Select(b => b.Workload + " " + Int(b.Ready) + "/" + Int(b.Pods) + " (" + Int(b.ShareOf(service.Ready)) + "%)"));
            var ports = string.Join("; ", service.Ports.Select(p => Int(p.Port) + "/" + p.Protocol + " → " + (p.Resolved.Count == 0 ? p.TargetPort
                : string.Join(", ", p.Resolved.Select(r => r.Port is { } number ? Int(number) : p.TargetPort + " (not found in " + r.Workload + ")").Distinct(StringComparer.Ordinal)))));
            html.Append("<tr><td>").Append(Encode(service.Namespace + "/" + service.Name)).Append("</td><td>").Append(Int(service.Ready)).Append("</td><td>").Append(Encode(from))
                .Append("</td><td>").Append(Encode(ports)).Append("</td></tr>\n");
            if (service.SwitchGap is { } gap)
            {
                html.Append("<tr class=\"pending\"><td></td><td colspan=\"3\">").Append(Encode(gap)).Append("</td></tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    private static void Claims(StringBuilder html, SimulationResult result)
    {
        if (result.Claims.Count == 0)
        {
            return;
        }

        html.Append("<h2>Claims</h2>\n<table id=\"claims\"><tr><th>Claim</th><th>Phase</th><th>Volume</th><th>Reason</th></tr>\n");
        foreach (var claim in result.Claims)
        {
            var volume = (claim.Volume ?? "-") + (claim.Ties.Count > 1 ? " (equal capacity: " + string.Join(", ", claim.Ties) + ")" : string.Empty);
            html.Append("<tr><td>").Append(Encode(claim.Namespace + "/" + claim.Name)).Append("</td><td>").Append(Encode(claim.Phase))
                .Append("</td><td>").Append(Encode(volume)).Append("</td><td>").Append(Encode(claim.Reason ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    // Hovering a node's bar highlights the rows of the pods on that node; the charts themselves need no script.
    private const string Script = """
        <script>
        (function () {
          var rows = document.querySelectorAll('#pods tr[data-node]');
          function mark(node, on) {
            rows.forEach(function (row) { if (row.getAttribute('data-node') === node) { row.classList.toggle('highlight', on); } });
          }
          document.querySelectorAll('.node-bar').forEach(function (bar) {
            var node = bar.getAttribute('data-node');
            bar.addEventListener('mouseenter', function () { mark(node, true); });
            bar.addEventListener('mouseleave', function () { mark(node, false); });
          });
          document.body.setAttribute('data-rendered', 'true');
        })();
        </script>

        """;
}
