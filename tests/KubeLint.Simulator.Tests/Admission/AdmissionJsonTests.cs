using System.Text.Json;
using KubeLint.Simulator.Reports;

namespace KubeLint.Simulator.Tests.Admission;

/// <summary>
/// The admission contract of <c>simulate --format json</c>: a top-level "admission" list with one entry per applied
/// object in apply order ("Kind/namespace/name", created|rejected|warning, the API server's message or null) and
/// pods[].admission, null or the rejection of the pods a controller creates.
/// </summary>
public sealed class AdmissionJsonTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: secure
          labels: {pod-security.kubernetes.io/enforce: baseline}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: secure}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: app:1, securityContext: {privileged: true}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: secure}
        spec:
          hostNetwork: true
          containers: [{name: app, image: x}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: ok, namespace: secure}
        spec:
          containers: [{name: app, image: x}]
        """;

    [Test]
    public void Admission_list_and_pod_admission_follow_the_contract()
    {
        using var json = JsonDocument.Parse(JsonReport.Render(Sim.Run(Manifests, Sim.ThreeWorkers)));
        var admission = json.RootElement.GetProperty("admission").EnumerateArray()
            .Select(a => (a.GetProperty("object").GetString(), a.GetProperty("outcome").GetString(), a.GetProperty("message").GetString()))
            .ToList();
        Assert.That(admission, Is.EqualTo(new[]
        {
            ("Namespace/secure", "created", (string?)null),
            ("Deployment/secure/web", "warning", "would violate PodSecurity \"baseline:latest\": privileged (container \"app\" must not set securityContext.privileged=true)"),
            ("Pod/secure/debug", "rejected", "pods \"debug\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)"),
            ("Pod/secure/ok", "created", null),
        }));

        var pods = json.RootElement.GetProperty("pods").EnumerateArray().ToList();
        var web = pods.Where(p => p.GetProperty("workload").GetString() == "Deployment/web").ToList();
        Assert.That(web, Has.Count.EqualTo(2));
        Assert.That(web.Select(p => p.GetProperty("admission").GetString()), Has.All.Match("^pods \"web-[a-z0-9]+-[0-9]+\" is forbidden: violates PodSecurity \"baseline:latest\": privileged "));
        Assert.That(web.Select(p => p.GetProperty("node").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        var ok = pods.Single(p => p.GetProperty("name").GetString() == "ok");
        Assert.That((ok.GetProperty("admission").ValueKind, ok.GetProperty("node").ValueKind), Is.EqualTo((JsonValueKind.Null, JsonValueKind.String)));
    }
}
