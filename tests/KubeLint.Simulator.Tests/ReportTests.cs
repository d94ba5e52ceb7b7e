using System.Diagnostics;
using KubeLint.Simulator.Reports;

namespace KubeLint.Simulator.Tests;

/// <summary>The JSON contract, the text tables and the HTML page rendered in headless Chromium.</summary>
public sealed class ReportTests
{
    private const string Manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          strategy: {type: Recreate}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: app:1, resources: {requests: {cpu: "1"}}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: huge}
        spec:
          containers: [{name: app, image: app:1, resources: {requests: {cpu: "64"}}}]
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: orphan}
        spec:
          storageClassName: ""
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """;

    [Test]
    public void Json_has_the_documented_shape()
    {
        var json = JsonReport.Render(Sim.Run(Manifests));
        Assert.That(json, Does.Contain("\"pods\": [").And.Contain("\"claims\": [").And.Contain("\"rollouts\": [").And.Contain("\"nodes\": ["));
        Assert.That(json, Does.Contain("\"name\": \"huge\",\n      \"workload\": \"Pod/huge\",\n      \"node\": null,\n      \"reason\": \"0/4 nodes are available: "));
        Assert.That(json, Does.Contain("\"name\": \"orphan\",\n      \"volume\": null,\n      \"phase\": \"Pending\","));
        Assert.That(json, Does.Contain("\"strategy\": \"Recreate\",\n      \"steps\": [\n        {\n          \"old\": 2,\n          \"new\": 0,\n          \"available\": 2,"));
        Assert.That(json, Does.Contain("\"downtimeStep\": 1"));
    }

    [Test]
    public void Json_escapes_markup_and_quotes()
    {
        var writer = new JsonWriter();
        writer.StartObject();
        writer.Property("a", "</script>\"\\\n");
        writer.EndObject();
        Assert.That(writer.ToString(), Is.EqualTo("{\n  \"a\": \"\\u003c/script\\u003e\\\"\\\\\\n\"\n}"));
    }

    [Test]
    public void Text_has_a_table_per_node_and_per_workload()
    {
        var text = TextReport.Render(Sim.Run(Manifests));
        Assert.That(text, Does.Contain("NODE           CPU REQUESTED").And.Contain("worker-1       1000m/4000m (25%)"));
        Assert.That(text, Does.Contain("default/Deployment/web  2     2        0"));
        Assert.That(text, Does.Contain("Pending pods:\n  default/huge: 0/4 nodes are available"));
        Assert.That(text, Does.Contain("Deployment default/web (Recreate): completes — no pod is available at step 1"));
    }

    [Test]
    public void Html_charts_only_rollouts_that_say_something()
    {
        // An OnDelete StatefulSet has nothing to roll: a line of text, no chart; the Recreate Deployment gets its chart.
        const string onDelete = """
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              updateStrategy: {type: OnDelete}
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: db:1}]
            """;
        var html = HtmlReport.Render(Sim.Run(Manifests + "\n" + onDelete));
        Assert.That(CountOf(html, "<svg class=\"rollout\""), Is.EqualTo(1));
        Assert.That(html, Does.Contain("<p class=\"rollout-plain\">StatefulSet default/db (OnDelete): does not complete — OnDelete: pods move to the new revision only when they are deleted manually</p>"));
        var again = HtmlReport.Render(Sim.Run(Manifests + "\n" + onDelete));
        Assert.That(again, Is.EqualTo(html), "the same input gives the same bytes");
    }

    [Test]
    public void Html_renders_charts_in_headless_chromium()
    {
        const string chromium = "/usr/bin/chromium";
        // CI installs the browser, so there a missing one is a failure; on a developer machine with only the .NET SDK
        // the test is skipped with the install hint instead.
        if (!File.Exists(chromium))
        {
            const string hint = "Debian chromium is required for this test: apt-get install -y chromium";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(hint);
            }

            Assert.Ignore(hint);
        }
        var dir = Directory.CreateTempSubdirectory("kubelint-html-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            File.WriteAllText(page, HtmlReport.Render(Sim.Run(Manifests)));
            var dom = DumpDom(chromium, page, Path.Combine(dir.FullName, "profile"));
            Assert.That(dom, Does.Contain("data-rendered=\"true\""), "the inline script did not run");
            Assert.That(CountOf(dom, "class=\"node-bar cpu\""), Is.EqualTo(4));
            Assert.That(dom, Does.Contain("<text x=\"0\" y=\"41\" class=\"node-label\">control-plane<title>control-plane: 0 of 110 pods</title></text>"));

            // Labelled axes with units, hover details rounded as in the text report ("worker-1 1000m/4000m (25%)").
            Assert.That(dom, Does.Contain(">requested share of allocatable (%)</text>").And.Contain(">step</text>").And.Contain(">pods</text>"));
            Assert.That(dom, Does.Contain("<title>worker-1 cpu: 1000m of 4000m requested (25%)</title>"));
            Assert.That(dom, Does.Contain("data-rollout=\"Deployment/web\""));
            Assert.That(CountOf(dom, "class=\"rollout-line"), Is.EqualTo(3));
            Assert.That(CountOf(dom, "class=\"rollout-step\""), Is.EqualTo(Sim.Run(Manifests).Rollouts.Single().Steps.Count));
            Assert.That(dom, Does.Contain("class=\"downtime\""));
            Assert.That(dom, Does.Contain("Deployment default/web (Recreate): completes"));

            // The pod-to-node table.
            Assert.That(dom, Does.Contain("<td>default/huge</td><td>Pod/huge</td><td>Pending</td><td>0/4 nodes are available: "));
            Assert.That(CountOf(dom, "<tr data-node=\"worker-"), Is.EqualTo(2));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string DumpDom(string chromium, string page, string profile)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish");
        }

        Assert.That(output, Is.Not.Empty, "chromium printed no DOM: " + stderr.Result);
        return output;
    }
}
