using System.Net;
using System.Text;

namespace KubeLint.Simulator.Reports;

/// <summary>
/// A self-contained HTML page (no external resources): the JSON result embedded, a node utilisation chart and a
/// rollout timeline chart drawn as SVG by an inline script, plus tables of pending pods and claims.
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
            .pending { color: #b00020; } svg text { font-size: 11px; }
            </style>
            </head>
            <body>
            <h1>KubeLint cluster simulation</h1>

            """);
        html.Append("<p id=\"summary\">").Append(Encode(result.DefaultCluster ? "Embedded default cluster" : "Cluster from --cluster"))
            .Append(", scheduler messages of Kubernetes ").Append(Encode(result.KubernetesVersion)).Append(": ")
            .Append(result.Pods.Count(p => p.Node is not null)).Append(" of ").Append(result.Pods.Count).Append(" pods placed.</p>\n");
        html.Append("<h2>Node utilisation</h2>\n<div id=\"node-chart\"></div>\n");
        html.Append("<h2>Rollouts</h2>\n<div id=\"rollout-chart\"></div>\n");
        html.Append("<h2>Pending pods</h2>\n<table id=\"pending\"><tr><th>Pod</th><th>Workload</th><th>Reason</th></tr>\n");
        foreach (var pod in result.Pods.Where(p => p.Node is null))
        {
            html.Append("<tr class=\"pending\"><td>").Append(Encode(pod.Namespace + "/" + pod.Name)).Append("</td><td>").Append(Encode(pod.Workload))
                .Append("</td><td>").Append(Encode(pod.Reason ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Claims</h2>\n<table id=\"claims\"><tr><th>Claim</th><th>Phase</th><th>Volume</th><th>Reason</th></tr>\n");
        foreach (var claim in result.Claims)
        {
            html.Append("<tr><td>").Append(Encode(claim.Namespace + "/" + claim.Name)).Append("</td><td>").Append(Encode(claim.Phase))
                .Append("</td><td>").Append(Encode(claim.Volume ?? "-")).Append("</td><td>").Append(Encode(claim.Reason ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<script type=\"application/json\" id=\"data\">\n").Append(JsonReport.Render(result)).Append("</script>\n");
        html.Append(Script);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // Draws both charts from the embedded JSON; every element carries a class so tests can find it after rendering.
    private const string Script = """
        <script>
        (function () {
          var data = JSON.parse(document.getElementById('data').textContent);
          var ns = 'http://www.w3.org/2000/svg';
          function el(name, attrs, text) {
            var e = document.createElementNS(ns, name);
            for (var k in attrs) { e.setAttribute(k, attrs[k]); }
            if (text !== undefined) { e.textContent = text; }
            return e;
          }
          var rowH = 22, labelW = 160, barW = 400;
          var nodes = el('svg', { id: 'node-svg', width: labelW + barW + 120, height: rowH * (data.nodes.length + 1) });
          data.nodes.forEach(function (n, i) {
            var y = i * rowH + 4;
            var cpu = n.cpuAllocatableMillis > 0 ? n.cpuRequestedMillis / n.cpuAllocatableMillis : 0;
            var mem = n.memoryAllocatableBytes > 0 ? n.memoryRequestedBytes / n.memoryAllocatableBytes : 0;
            nodes.appendChild(el('text', { x: 0, y: y + 12, 'class': 'node-label' }, n.name));
            nodes.appendChild(el('rect', { x: labelW, y: y, width: barW, height: 8, fill: '#eee' }));
            nodes.appendChild(el('rect', { x: labelW, y: y, width: Math.min(1, cpu) * barW, height: 8, fill: '#3b7dd8', 'class': 'node-bar cpu', 'data-node': n.name }));
            nodes.appendChild(el('rect', { x: labelW, y: y + 9, width: barW, height: 8, fill: '#eee' }));
            nodes.appendChild(el('rect', { x: labelW, y: y + 9, width: Math.min(1, mem) * barW, height: 8, fill: '#2a9d5c', 'class': 'node-bar memory', 'data-node': n.name }));
            nodes.appendChild(el('text', { x: labelW + barW + 8, y: y + 12 }, Math.round(cpu * 100) + '% cpu, ' + Math.round(mem * 100) + '% mem'));
          });
          document.getElementById('node-chart').appendChild(nodes);
          var chart = document.getElementById('rollout-chart');
          data.rollouts.forEach(function (r) {
            var max = 1;
            r.steps.forEach(function (s) { max = Math.max(max, s.old + s['new'], s.available); });
            var w = Math.max(400, r.steps.length * 40), h = 120;
            var svg = el('svg', { width: w + 260, height: h + 50, style: 'display:block', 'class': 'rollout', 'data-rollout': r.kind + '/' + r.name });
            [['old pods', '#999'], ['new pods', '#3b7dd8'], ['available', '#2a9d5c']].forEach(function (l, i) {
              svg.appendChild(el('rect', { x: w + 60, y: 30 + i * 16, width: 10, height: 10, fill: l[1] }));
              svg.appendChild(el('text', { x: w + 76, y: 39 + i * 16, 'class': 'legend' }, l[0]));
            });
            svg.appendChild(el('text', { x: 0, y: 20 + h + 16 }, 'steps 0-' + (r.steps.length - 1) + ', max ' + max + ' pods'));
            svg.appendChild(el('text', { x: 0, y: 12, 'class': 'rollout-title' }, r.kind + ' ' + r.namespace + '/' + r.name + ' (' + r.strategy + '): ' + (r.completes ? 'completes' : 'does not complete')));
            function line(key, color) {
              var pts = r.steps.map(function (s, i) {
                var x = 30 + (r.steps.length > 1 ? i * w / (r.steps.length - 1) : 0);
                return x + ',' + (20 + h - (s[key] / max) * h);
              }).join(' ');
              svg.appendChild(el('polyline', { points: pts, fill: 'none', stroke: color, 'stroke-width': 2, 'class': 'rollout-line ' + key }));
            }
            line('old', '#999'); line('new', '#3b7dd8'); line('available', '#2a9d5c');
            if (r.downtimeStep !== null) {
              var x = 30 + (r.steps.length > 1 ? r.downtimeStep * w / (r.steps.length - 1) : 0);
              svg.appendChild(el('circle', { cx: x, cy: 20 + h, r: 5, fill: '#b00020', 'class': 'downtime' }));
            }
            chart.appendChild(svg);
          });
          document.body.setAttribute('data-rendered', 'true');
        })();
        </script>

        """;
}
