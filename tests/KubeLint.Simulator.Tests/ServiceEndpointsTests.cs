using KubeLint.Simulator.Reports;
using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>Service endpoints after the apply (endpointslice reconciler, FindPort), canary shares and blue/green switches.</summary>
public sealed class ServiceEndpointsTests
{
    private static string Deployment(string name, int replicas, string labels, string ports = "[{name: http, containerPort: 8080}]")
        => "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + "}\nspec:\n  replicas: " + replicas + "\n  selector: {matchLabels: " + labels + "}\n"
            + "  template:\n    metadata: {labels: " + labels + "}\n    spec:\n      containers: [{name: app, image: x, ports: " + ports + ", resources: {requests: {cpu: 100m}}}]\n---\n";

    private static string Service(string selector, string targetPort = "http")
        => "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: " + selector + "\n  ports: [{port: 80, targetPort: " + targetPort + "}]\n---\n";

    [Test]
    public void Canary_share_is_each_deployments_part_of_the_ready_endpoints()
    {
        var yaml = Deployment("stable", 9, "{app: web, track: stable}") + Deployment("canary", 1, "{app: web, track: canary}") + Service("{app: web}");
        var result = Sim.Run(yaml, Sim.ThreeWorkers);
        var service = result.Services.Single();
        Assert.That(service.Backends.Select(b => (b.Workload, b.Ready, b.ShareOf(service.Ready))), Is.EqualTo(new[] { ("Deployment/stable", 9L, 90L), ("Deployment/canary", 1L, 10L) }));
        Assert.That(service.Ports.Single().Resolved, Is.EqualTo(new[] { ("Deployment/stable", (long?)8080), ("Deployment/canary", (long?)8080) }));
        Assert.That(TextReport.Render(result), Does.Contain("  default/web: 10 endpoints from Deployment/stable 9/9 (90%), Deployment/canary 1/1 (10%); port 80/TCP → 8080\n"));
        Assert.That(JsonReport.Render(result), Does.Contain("\"sharePercent\": 90"));
    }

    [Test]
    public void Pending_pods_are_no_endpoints_and_a_missing_port_name_resolves_to_nothing()
    {
        // FindPort matches the name and the protocol; a UDP port of that name does not serve a TCP Service port.
        var yaml = Deployment("big", 2, "{app: web}", "[{name: http, containerPort: 8080, protocol: UDP}]").Replace("cpu: 100m", "cpu: \"3\"") + Service("{app: web}");
        var cluster = Sim.Node("n1");
        var service = Sim.Run(yaml, cluster).Services.Single();
        Assert.That((service.Ready, service.Backends.Single().Pods), Is.EqualTo((1L, 2L)));
        Assert.That(service.Ports.Single().Resolved.Single().Port, Is.Null);
        Assert.That(Sim.Run(yaml.Replace("targetPort: http", "targetPort: 9090"), cluster).Services.Single().Ports.Single().Resolved.Single().Port, Is.EqualTo(9090));
    }

    [Test]
    public void Switching_to_pods_this_apply_creates_leaves_no_ready_endpoint()
    {
        var blue = Deployment("blue", 2, "{app: web, color: blue}");
        var green = Deployment("green", 2, "{app: web, color: green}");
        var baseline = blue + Service("{app: web, color: blue}");
        var yaml = blue + green + Service("{app: web, color: green}");
        var findings = Sim.Lint(yaml, Sim.ThreeWorkers, baseline);
        var gap = findings.Single(f => f.RuleId == "KL5007");
        Assert.That(Manifests.Summaries([gap]), Is.EqualTo(new[] { "KL5007@27:3" }));
        Assert.That(gap.Message, Is.EqualTo("switching the selector from app=web,color=blue to app=web,color=green leaves the Service with no ready endpoint: no pod that ran before the apply matches the new selector, so traffic fails until the pods of Deployment/green are ready"));

        // With green already running in the baseline the switch is immediate.
        Assert.That(Sim.Lint(yaml, Sim.ThreeWorkers, blue + green + Service("{app: web, color: blue}")).Where(f => f.RuleId == "KL5007"), Is.Empty);

        // Green pods running in the cluster description serve at once too.
        var running = "apiVersion: v1\nkind: Pod\nmetadata: {name: green-old, namespace: default, labels: {app: web, color: green}}\nspec:\n  nodeName: worker-1\n  containers: [{name: app, image: x}]\n---\n";
        Assert.That(Sim.Lint(yaml, Sim.ThreeWorkers + running, baseline).Where(f => f.RuleId == "KL5007"), Is.Empty);

        // A new selector nothing matches at all.
        var nothing = Sim.Lint(blue + Service("{app: web, color: red}"), Sim.ThreeWorkers, baseline).Single(f => f.RuleId == "KL5007");
        Assert.That(nothing.Message, Does.EndWith("no pod that ran before the apply matches the new selector, nor does any pod of the manifests"));

        // Without a baseline nothing is compared.
        Assert.That(Sim.Lint(yaml, Sim.ThreeWorkers).Where(f => f.RuleId == "KL5007"), Is.Empty);
    }
}
