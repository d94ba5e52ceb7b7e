using System.Globalization;
using System.Net;
using System.Text;
using static KubeLint.Simulator.Reports.ReportFormat;

namespace KubeLint.Simulator.Reports;

/// <summary>
/// The HTML report's charts, drawn as inline SVG with labelled axes and units; every bar, step and marker carries a
/// &lt;title&gt; the browser shows on hover. Figures use <see cref="ReportFormat"/>, so they read as in the text report.
/// </summary>
internal static class HtmlCharts
{
    /// <summary>More nodes than this are listed in the tables only: a chart of thousands of rows reads as nothing.</summary>
    public const int MaxChartNodes = 200;

    private const int LabelWidth = 180;
    private const int PlotWidth = 400;
    private const int RowHeight = 26;

    /// <summary>Requested share of allocatable cpu and memory per node, a bar each, on a 0-100 % axis.</summary>
    public static void Nodes(StringBuilder html, IReadOnlyList<NodeResult> nodes)
    {
        var shown = nodes.Take(MaxChartNodes).ToList();
        var plotTop = 24;
        var plotHeight = shown.Count * RowHeight;
        var height = plotTop + plotHeight + 44;
        html.Append("<svg id=\"node-svg\" role=\"img\" aria-label=\"Requested share of allocatable cpu and memory per node\" width=\"")
            .Append(LabelWidth + PlotWidth + 60).Append("\" height=\"").Append(height).Append("\">\n");
        Legend(html, LabelWidth, 12, [("cpu", "#3b7dd8"), ("memory", "#2a9d5c")]);
        for (var tick = 0; tick <= 100; tick += 25)
        {
            var x = LabelWidth + (PlotWidth * tick / 100);
            html.Append("<line class=\"grid\" x1=\"").Append(x).Append("\" y1=\"").Append(plotTop).Append("\" x2=\"").Append(x).Append("\" y2=\"").Append(plotTop + plotHeight)
                .Append("\" stroke=\"#ddd\"/>\n");
            Text(html, x, plotTop + plotHeight + 14, tick + "%", "tick", "middle");
        }

        Text(html, LabelWidth + (PlotWidth / 2), plotTop + plotHeight + 34, "requested share of allocatable (%)", "axis-title", "middle");
        for (var i = 0; i < shown.Count; i++)
        {
            var node = shown[i];
            var y = plotTop + (i * RowHeight) + 4;
            var pods = node.Name + ": " + Int(node.Pods) + " of " + Int(node.PodsAllocatable) + " pods";
            html.Append("<text x=\"0\" y=\"").Append(y + 13).Append("\" class=\"node-label\">").Append(Encode(node.Name)).Append("<title>").Append(Encode(pods)).Append("</title></text>\n");
            Bar(html, node.Name, "cpu", y, node.MilliCpuRequested, node.MilliCpuAllocatable, "#3b7dd8", Cpu(node.MilliCpuRequested) + " of " + Cpu(node.MilliCpuAllocatable));
            Bar(html, node.Name, "memory", y + 10, node.MemoryRequested, node.MemoryAllocatable, "#2a9d5c", Memory(node.MemoryRequested) + " of " + Memory(node.MemoryAllocatable));
        }

        html.Append("</svg>\n");
        if (nodes.Count > shown.Count)
        {
            html.Append("<p class=\"note\">").Append(Int(shown.Count)).Append(" of ").Append(Int(nodes.Count)).Append(" nodes charted; the table lists every pod's node.</p>\n");
        }
    }

    /// <summary>
    /// Whether a rollout's chart says something: steps beyond its start, whose pods and availability it draws. A
    /// rollout that never leaves its start (OnDelete, nothing to roll, stuck at once) gets a line of text with the reason.
    /// </summary>
    public static bool WorthCharting(RolloutResult rollout) => rollout.Steps.Count > 1;

    /// <summary>Old, new and available pods after each step, with the step on the x axis and pods on the y axis.</summary>
    public static void Rollout(StringBuilder html, RolloutResult rollout)
    {
        const int left = 56, top = 30, plotHeight = 160, bottom = 48;
        var steps = rollout.Steps;
        var plotWidth = Math.Min(1200, Math.Max(320, steps.Count * 40));
        var max = Math.Max(1, steps.Max(s => Math.Max(s.Old + s.New, s.Available)));
        var yStep = Math.Max(1, (max + 4) / 5);
        double X(int step) => left + (steps.Count > 1 ? (double)step * plotWidth / (steps.Count - 1) : 0);
        double Y(int pods) => top + plotHeight - ((double)pods * plotHeight / max);
        var name = rollout.Kind + "/" + rollout.Name;
        html.Append("<svg class=\"rollout\" data-rollout=\"").Append(Encode(name)).Append("\" role=\"img\" aria-label=\"").Append(Encode("Rollout of " + name))
            .Append("\" width=\"").Append(left + plotWidth + 150).Append("\" height=\"").Append(top + plotHeight + bottom).Append("\" style=\"display:block\">\n");
        var title = rollout.Kind + " " + rollout.Namespace + "/" + rollout.Name + " (" + rollout.Strategy + "): " + (rollout.Completes ? "completes" : "does not complete");
        Text(html, 0, 14, title, "rollout-title", null);
        for (var pods = 0; pods <= max; pods += yStep)
        {
            var y = Y(pods);
            html.Append("<line class=\"grid\" x1=\"").Append(left).Append("\" y1=\"").Append(Num(y)).Append("\" x2=\"").Append(left + plotWidth).Append("\" y2=\"").Append(Num(y)).Append("\" stroke=\"#eee\"/>\n");
            Text(html, left - 6, y + 4, Int(pods), "tick", "end");
        }

        html.Append("<text class=\"axis-title\" transform=\"translate(14,").Append(top + (plotHeight / 2)).Append(") rotate(-90)\" text-anchor=\"middle\">pods</text>\n");
        var every = Math.Max(1, (steps.Count + 19) / 20);
        for (var i = 0; i < steps.Count; i += every)
        {
            Text(html, X(i), top + plotHeight + 16, Int(i), "tick", "middle");
        }

        Text(html, left + (plotWidth / 2.0), top + plotHeight + 36, "step", "axis-title", "middle");
        Line(html, steps, s => s.Old, X, Y, "old", "#999");
        Line(html, steps, s => s.New, X, Y, "new", "#3b7dd8");
        Line(html, steps, s => s.Available, X, Y, "available", "#2a9d5c");

        // One transparent column per step carries the hover details of that step.
        var column = steps.Count > 1 ? (double)plotWidth / (steps.Count - 1) : plotWidth;
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            html.Append("<rect class=\"rollout-step\" x=\"").Append(Num(X(i) - (column / 2))).Append("\" y=\"").Append(top).Append("\" width=\"").Append(Num(column)).Append("\" height=\"").Append(plotHeight)
                .Append("\" fill=\"transparent\"><title>").Append(Encode("step " + Int(i) + ": " + s.Action + " — old " + Int(s.Old) + ", new " + Int(s.New) + ", available " + Int(s.Available) + " pods"))
                .Append("</title></rect>\n");
        }

        if (rollout.DowntimeStep is { } down)
        {
            html.Append("<circle class=\"downtime\" cx=\"").Append(Num(X(down))).Append("\" cy=\"").Append(Num(Y(0))).Append("\" r=\"5\" fill=\"#b00020\"><title>")
                .Append(Encode("no pod available at step " + Int(down) + " (" + steps[down].Action + ")")).Append("</title></circle>\n");
        }

        Legend(html, left + plotWidth + 20, top + 10, [("old pods", "#999"), ("new pods", "#3b7dd8"), ("available", "#2a9d5c")], vertical: true);
        html.Append("</svg>\n");
        if (rollout.Reason is { } reason)
        {
            html.Append("<p class=\"rollout-reason\">").Append(Encode(reason)).Append("</p>\n");
        }
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Bar(StringBuilder html, string node, string resource, int y, long requested, long allocatable, string color, string amounts)
    {
        var percent = PercentValue(requested, allocatable);
        var width = PlotWidth * Math.Min(100, percent) / 100;
        html.Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y).Append("\" width=\"").Append(PlotWidth).Append("\" height=\"9\" fill=\"#f2f2f2\"/>\n");
        html.Append("<rect class=\"node-bar ").Append(resource).Append("\" data-node=\"").Append(Encode(node)).Append("\" x=\"").Append(LabelWidth).Append("\" y=\"").Append(y)
            .Append("\" width=\"").Append(width).Append("\" height=\"9\" fill=\"").Append(color).Append("\"><title>")
            .Append(Encode(node + " " + resource + ": " + amounts + " requested (" + Percent(requested, allocatable) + ")")).Append("</title></rect>\n");
    }

    private static void Line(StringBuilder html, List<RolloutStep> steps, Func<RolloutStep, int> value, Func<int, double> x, Func<int, double> y, string key, string color)
    {
        html.Append("<polyline class=\"rollout-line ").Append(key).Append("\" fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"2\" points=\"");
        for (var i = 0; i < steps.Count; i++)
        {
            html.Append(i == 0 ? string.Empty : " ").Append(Num(x(i))).Append(',').Append(Num(y(value(steps[i]))));
        }

        html.Append("\"/>\n");
    }

    private static void Legend(StringBuilder html, double x, double y, (string Label, string Color)[] entries, bool vertical = false)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            var (dx, dy) = vertical ? (0.0, i * 16.0) : (i * 90.0, 0.0);
            html.Append("<rect x=\"").Append(Num(x + dx)).Append("\" y=\"").Append(Num(y + dy - 9)).Append("\" width=\"10\" height=\"10\" fill=\"").Append(entries[i].Color).Append("\"/>\n");
            Text(html, x + dx + 14, y + dy, entries[i].Label, "legend", null);
        }
    }

    private static void Text(StringBuilder html, double x, double y, string text, string cssClass, string? anchor)
    {
        html.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" class=\"").Append(cssClass).Append('"');
        if (anchor is not null)
        {
            html.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        html.Append('>').Append(Encode(text)).Append("</text>\n");
    }

    /// <summary>Coordinates with at most one decimal, invariant, so the same input gives the same bytes.</summary>
    private static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
