using BenchmarkDotNet.Attributes;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Scheduling;
using KubeLint.Simulator.Volumes;

namespace KubeLint.Benchmarks;

/// <summary>Placing 20 pods per node on generated clusters (one scheduling cycle per pod, node sampling as upstream).</summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private List<SimNode> _nodes = [];
    private List<SimPod> _pods = [];

    [Params(1000, 5000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _nodes = SyntheticCluster.Nodes(Nodes);
        _pods = SyntheticCluster.Pods(Nodes * 20);
    }

    [Benchmark]
    public int PlaceAll() => Place(_nodes, _pods);

    /// <summary>Schedules every pod on a fresh cluster; returns how many were placed.</summary>
    public static int Place(List<SimNode> nodes, List<SimPod> pods)
    {
        var scheduler = new Scheduler(nodes, new VolumeBinder(new ClusterModel()), SchedulerVersion.Latest);
        var placed = 0;
        foreach (var pod in pods)
        {
            if (scheduler.Schedule(pod).Node is not null)
            {
                placed++;
            }
        }

        return placed;
    }
}
