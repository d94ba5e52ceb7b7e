using System.Globalization;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;

namespace KubeLint.Benchmarks;

/// <summary>Generated clusters and pods for the scheduler benchmarks: default-like workers in three zones, pods of 20 workloads.</summary>
internal static class SyntheticCluster
{
    public static List<SimNode> Nodes(int count)
    {
        var nodes = new List<SimNode>(count);
        for (var i = 0; i < count; i++)
        {
            nodes.Add(DefaultCluster.Worker("node-" + i.ToString("D6", CultureInfo.InvariantCulture), ((char)('a' + (i % 3))).ToString()));
        }

        return nodes;
    }

    /// <summary>
    /// Pods of 20 ReplicaSets (default spreading over their selector applies) with requests between 50m/64Mi and
    /// 240m/1.2Gi (about 145m on average).
    /// </summary>
    public static List<SimPod> Pods(int count)
    {
        var templates = new SimPod[20];
        for (var w = 0; w < templates.Length; w++)
        {
            var app = "w" + w.ToString(CultureInfo.InvariantCulture);
            var selector = LabelSelector.FromRequirements(new YamlMapping([], default), [new LabelRequirement("app", LabelOperator.In, [app])]);
            var cpu = 50 + (w * 10);
            var memory = (64L + (w * 60)) * 1024 * 1024;
            templates[w] = new SimPod
            {
                Namespace = "bench",
                Name = "w" + w.ToString(CultureInfo.InvariantCulture),
                Workload = "Deployment/w" + w.ToString(CultureInfo.InvariantCulture),
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = app },
                DefaultSpreadSelector = selector,
                Requests = new Resources { MilliCpu = cpu, Memory = memory },
                NonZeroMilliCpu = cpu,
                NonZeroMemory = memory,
            };
        }

        var pods = new List<SimPod>(count);
        for (var i = 0; i < count; i++)
        {
            var template = templates[i % templates.Length];
            var pod = template.WithName("p-" + i.ToString(CultureInfo.InvariantCulture));
            pod.Sequence = i;
            pods.Add(pod);
        }

        return pods;
    }
}
