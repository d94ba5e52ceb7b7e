using System.Diagnostics;
using System.Globalization;
using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Simulator;
using KubeLint.Simulator.Reports;

namespace KubeLint.Benchmarks;

/// <summary>
/// The simulator's large inputs, each in a process of its own so its peak memory is its own: a Deployment and a
/// StatefulSet with volumeClaimTemplates at replicas 2147483647 on the embedded default cluster, and a DaemonSet
/// on 50,000 nodes. Each case runs the lint pass and renders the JSON report; it prints wall time, peak working
/// set, findings and report size. Figures for the README, not a unit test.
/// </summary>
internal static class BigCases
{
    public static readonly string[] Names = ["deployment-max-replicas", "statefulset-max-replicas", "daemonset-50000-nodes"];

    /// <summary>Runs every case in a child process (this program with --case NAME) and prints its line.</summary>
    public static void RunAll(TextWriter output)
    {
        output.WriteLine("case                        wall s    cpu s     load s    peak MB   findings  report bytes");
        foreach (var name in Names)
        {
            var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in Environment.GetCommandLineArgs().Skip(1).TakeWhile(a => a != "--scale"))
            {
                info.ArgumentList.Add(arg);
            }

            info.ArgumentList.Add("--case");
            info.ArgumentList.Add(name);
            using var child = Process.Start(info)!;
            output.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
        }
    }

    public static int Run(string name, TextWriter output)
    {
        var (manifests, cluster) = name switch
        {
            "deployment-max-replicas" => (Deployment, string.Empty),
            "statefulset-max-replicas" => (StatefulSet, string.Empty),
            "daemonset-50000-nodes" => (DaemonSet, Nodes(50_000)),
            _ => throw new ArgumentException("unknown case " + name),
        };
        var watch = Stopwatch.StartNew();
        var loader = new ManifestLoader();
        var objects = loader.Load(new SourceFile("big.yaml", manifests)).Objects;
        var options = new SimulationOptions { Cluster = cluster.Length == 0 ? [] : loader.Load(new SourceFile("cluster.yaml", cluster)).Objects };
        var loaded = watch.Elapsed;
        var context = new AnalysisContext(new ObjectIndex(objects), AnalysisOptions.Default);
        var result = SimulationPass.RunAndReport(context, options);
        var report = JsonReport.Render(result);
        watch.Stop();
        var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / (1024 * 1024);

        // On a loaded machine the wall clock includes waiting for a core; the processor time does not.
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0,-27} {1,-9:F2} {2,-9:F2} {3,-9:F2} {4,-9} {5,-9} {6}",
            name,
            watch.Elapsed.TotalSeconds,
            process.TotalProcessorTime.TotalSeconds,
            loaded.TotalSeconds,
            peak,
            context.Findings.Count,
            Encoding.UTF8.GetByteCount(report)));
        return 0;
    }

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2147483647
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: app:1, resources: {requests: {cpu: 500m, memory: 256Mi}}}]
        """;

    private const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 2147483647
          serviceName: db
          podManagementPolicy: Parallel
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: db:1, resources: {requests: {cpu: 500m, memory: 1Gi}}}]
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """;

    private const string DaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: agent:1, resources: {requests: {cpu: 100m, memory: 128Mi}}}]
        """;

    /// <summary>A cluster description like kubectl get nodes -o yaml of <paramref name="count"/> workers in three zones.</summary>
    private static string Nodes(int count)
    {
        var text = new StringBuilder(count * 220);
        for (var i = 0; i < count; i++)
        {
            var name = "node-" + i.ToString("D6", CultureInfo.InvariantCulture);
            text.Append("apiVersion: v1\nkind: Node\nmetadata:\n  name: ").Append(name)
                .Append("\n  labels: {kubernetes.io/hostname: ").Append(name).Append(", topology.kubernetes.io/zone: ").Append((char)('a' + (i % 3)))
                .Append("}\nstatus:\n  allocatable: {cpu: \"4\", memory: 16Gi, pods: \"110\"}\n---\n");
        }

        return text.ToString();
    }
}
