using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Cluster;

/// <summary>
/// The embedded cluster used when the user gives none: one control-plane node tainted
/// node-role.kubernetes.io/control-plane:NoSchedule and three workers (4 CPU, 16Gi, 110 pods) in zones a, b, c,
/// plus a default StorageClass "standard" (WaitForFirstConsumer, dynamic provisioner).
/// </summary>
public static class DefaultCluster
{
    public const string Provisioner = "rancher.io/local-path";

    /// <summary>The shape of the default workers, as findings on the embedded cluster name it.</summary>
    public const string WorkerShape = "4 CPU / 16Gi";

    public static ClusterModel Create()
    {
        var cluster = new ClusterModel { IsDefault = true };
        cluster.Nodes.Add(Node("control-plane", "a", [new Taint("node-role.kubernetes.io/control-plane", string.Empty, Taint.NoSchedule)], controlPlane: true));
        cluster.Nodes.Add(Node("worker-1", "a", [], controlPlane: false));
        cluster.Nodes.Add(Node("worker-2", "b", [], controlPlane: false));
        cluster.Nodes.Add(Node("worker-3", "c", [], controlPlane: false));
        cluster.StorageClasses["standard"] = new SimStorageClass("standard", Provisioner, WaitForFirstConsumer: true, IsDefault: true, AllowedTopologies: []);
        return cluster;
    }

    /// <summary>A worker like the default ones, for generated clusters (benchmarks, tests).</summary>
    public static SimNode Worker(string name, string zone) => Node(name, zone, [], controlPlane: false);

    private static SimNode Node(string name, string zone, IReadOnlyList<Taint> taints, bool controlPlane)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["topology.kubernetes.io/zone"] = zone,
        };
        if (controlPlane)
        {
            labels["node-role.kubernetes.io/control-plane"] = string.Empty;
        }

        var allocatable = new Resources { MilliCpu = 4000, Memory = 16L * 1024 * 1024 * 1024, EphemeralStorage = 100L * 1024 * 1024 * 1024 };
        return new SimNode(name, labels, taints, allocatable, 110, unschedulable: false);
    }
}
