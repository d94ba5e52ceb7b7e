using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Simulator;
using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>Helpers: run the simulation over inline manifests and an optional inline cluster.</summary>
internal static class Sim
{
    public static SimulationResult Run(string manifests, string? cluster = null, string? baseline = null, string? version = null)
        => SimulationPass.Simulate(Objects(manifests), Options(cluster, baseline), version);

    public static IReadOnlyList<Finding> Lint(string manifests, string? cluster = null, string? baseline = null)
        => Manifests.Lint(manifests, new SimulationPass(Options(cluster, baseline)));

    public static string[] Summaries(string manifests, string? cluster = null, string? baseline = null)
        => Manifests.Summaries(Lint(manifests, cluster, baseline));

    public static IReadOnlyList<KubeObject> Objects(string yaml) => Manifests.Load(yaml).Objects;

    public static SimulationOptions Options(string? cluster, string? baseline) => new()
    {
        Cluster = cluster is null ? [] : Manifests.Load(cluster, "cluster.yaml").Objects,
        Baseline = baseline is null ? [] : Manifests.Load(baseline, "baseline.yaml").Objects,
    };

    /// <summary>A Node object; <paramref name="extraSpec"/> is inserted under spec (taints, unschedulable).</summary>
    public static string Node(string name, string cpu = "4", string memory = "16Gi", string pods = "110", string zone = "a", string extraSpec = "", string extraLabels = "")
        => $$"""
        apiVersion: v1
        kind: Node
        metadata:
          name: {{name}}
          labels:
            kubernetes.io/hostname: {{name}}
            topology.kubernetes.io/zone: {{zone}}
        {{extraLabels}}
        spec:
          podCIDR: 10.0.0.0/24
        {{extraSpec}}
        status:
          allocatable:
            cpu: "{{cpu}}"
            memory: {{memory}}
            pods: "{{pods}}"
        ---

        """;

    /// <summary>
    /// A cluster like the embedded default before it scales: the tainted control plane and three 4 CPU / 16Gi
    /// workers in zones a, b, c, with the default StorageClass; for tests that need the capacity to stay fixed.
    /// </summary>
    public static string ThreeWorkers { get; } =
        Node("control-plane", extraSpec: "  taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]", extraLabels: "    node-role.kubernetes.io/control-plane: \"\"")
        + Node("worker-1", zone: "a") + Node("worker-2", zone: "b") + Node("worker-3", zone: "c")
        + """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: standard
          annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        provisioner: rancher.io/local-path
        volumeBindingMode: WaitForFirstConsumer
        ---

        """;

    public static PodResult Pod(SimulationResult result, string name) => result.Pods.Single(p => p.Name == name);

    public static ClaimResult Claim(SimulationResult result, string name) => result.Claims.Single(c => c.Name == name);
}
