using System.Diagnostics;
using System.Globalization;

namespace KubeLint.Benchmarks;

/// <summary>
/// Prints scheduler throughput (pods/s) at 1k, 5k and 10k nodes with 20 pods per node; the target is 100,000 pods
/// on 5,000 nodes in under 3 s. Wall-clock figures for the README, not a unit test.
/// </summary>
internal static class ScaleRun
{
    public static int Run(TextWriter output)
    {
        // A small warm-up so the JIT does not count against the first size.
        SchedulerBenchmarks.Place(SyntheticCluster.Nodes(200), SyntheticCluster.Pods(4000));
        output.WriteLine(Header);
        foreach (var nodeCount in new[] { 1000, 5000, 10000 })
        {
            Measure(nodeCount, output);
        }

        return 0;
    }

    /// <summary>One size alone, after the same warm-up: what a profiler is pointed at.</summary>
    public static int RunOne(int nodeCount, TextWriter output)
    {
        SchedulerBenchmarks.Place(SyntheticCluster.Nodes(200), SyntheticCluster.Pods(4000));
        output.WriteLine(Header);
        Measure(nodeCount, output);
        return 0;
    }

    private const string Header = "nodes     pods      placed    seconds   pods/s";

    private static void Measure(int nodeCount, TextWriter output)
    {
        var nodes = SyntheticCluster.Nodes(nodeCount);
        var pods = SyntheticCluster.Pods(nodeCount * 20);
        var watch = Stopwatch.StartNew();
        var placed = SchedulerBenchmarks.Place(nodes, pods);
        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-9} {1,-9} {2,-9} {3,-9:F2} {4:F0}", nodeCount, pods.Count, placed, seconds, pods.Count / seconds));
    }
}
