using System.Text;
using KubeLint.Analyzer.Loading;
using KubeLint.Testing;

namespace KubeLint.Simulator.Tests.Conformance;

/// <summary>
/// Compares the simulation with a real kube-scheduler and kube-controller-manager (v1.32) on the shared scheduler
/// scenarios, workload by workload as ../shared/tools/scheduler-agreement scores them: the numbers of placed and of
/// pending pods, and the multiset of the pending pods' FailedScheduling messages. The disagreements that remain
/// are listed in a reviewed file beside this test; the test fails on a new one and on a listed one that is gone, so
/// the list only shrinks knowingly. KUBELINT_UPDATE_EXPECTED=1 rewrites the list; review every changed line.
/// </summary>
public sealed class SchedulerConformanceTests
{
    private const string UpdateVariable = "KUBELINT_UPDATE_EXPECTED";
    private const string ExpectedName = "scheduler-disagreements.txt";

    private static string Folder => Path.Combine(SharedPaths.RepositoryRoot, "tests", "KubeLint.Simulator.Tests", "Conformance");

    [Test]
    public void Scenarios_get_the_real_schedulers_placements_and_messages()
    {
        var root = SharedPaths.Require(Path.Combine(SharedPaths.Conformance, "scheduler"));
        var disagreements = new List<string>();
        int workloads = 0, placementAgree = 0, pending = 0, messagesAgree = 0;
        foreach (var scenario in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var expectedPath = Path.Combine(scenario, "expected.tsv");
            if (!File.Exists(expectedPath))
            {
                continue;
            }

            var name = Path.GetFileName(scenario);
            var groups = new SortedDictionary<string, (List<(string Node, string Message)> Expected, List<(string Node, string Message)> Simulated)>(StringComparer.Ordinal);
            foreach (var line in File.ReadAllLines(expectedPath).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var fields = line.Split('\t').Concat(["", "", "", ""]).Take(4).ToArray();
                var pod = fields[0].Substring(fields[0].IndexOf('/') + 1);
                var key = fields[0].Substring(0, fields[0].IndexOf('/')) + "/" + (fields[1].Length > 0 ? fields[1] : "Pod/" + pod);
                Group(groups, key).Expected.Add((fields[2], fields[3]));
            }

            var result = SimulationPass.Simulate(Load(Path.Combine(scenario, "workloads.yaml")), new SimulationOptions { Cluster = Load(Path.Combine(scenario, "nodes.yaml")) }, "1.32");
            foreach (var pod in result.Pods)
            {
                for (var i = 0; i < pod.Count; i++)
                {
                    Group(groups, pod.Namespace + "/" + pod.Workload).Simulated.Add((pod.Node ?? string.Empty, pod.Reason ?? string.Empty));
                }
            }

            foreach (var (workload, (expected, simulated)) in groups)
            {
                workloads++;
                var (expectedPlaced, simulatedPlaced) = (expected.Count(p => p.Node.Length > 0), simulated.Count(p => p.Node.Length > 0));
                var (expectedPending, simulatedPending) = (expected.Count - expectedPlaced, simulated.Count - simulatedPlaced);
                if ((expectedPlaced, expectedPending) == (simulatedPlaced, simulatedPending))
                {
                    placementAgree++;
                }
                else
                {
                    disagreements.Add($"placement\t{name} {workload}\texpected {expectedPlaced}/{expectedPending}, simulated {simulatedPlaced}/{simulatedPending}");
                }

                var same = SameMessages(expected, simulated);
                var compared = Math.Max(expectedPending, simulatedPending);
                pending += compared;
                messagesAgree += same;
                if (same < compared)
                {
                    disagreements.Add($"messages\t{name} {workload}\t{compared - same} of {compared} pending pods without the real message");
                }
            }
        }

        TestContext.Out.WriteLine($"placement {100.0 * placementAgree / Math.Max(workloads, 1):F1}% ({placementAgree}/{workloads} workloads), messages {100.0 * messagesAgree / Math.Max(pending, 1):F1}% ({messagesAgree}/{pending} pending pods)");
        var listPath = Path.Combine(Folder, ExpectedName);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var header = "# Workloads on which the simulation and kube-scheduler v1.32 disagree; see " + nameof(SchedulerConformanceTests) + ".\n";
            File.WriteAllText(listPath, header + string.Concat(disagreements.Select(d => d + "\n")), new UTF8Encoding(false));
            Assert.Pass(ExpectedName + " rewritten; review every changed line");
        }

        var listed = File.Exists(listPath) ? File.ReadAllLines(listPath).Where(l => l.Length > 0 && l[0] != '#').ToList() : [];
        Assert.Multiple(() =>
        {
            Assert.That(disagreements.Except(listed, StringComparer.Ordinal), Is.Empty, "new disagreements with kube-scheduler (fix them, or list them in " + ExpectedName + ")");
            Assert.That(listed.Except(disagreements, StringComparer.Ordinal), Is.Empty, "disagreements that are gone: remove them from " + ExpectedName);
        });
    }

    private static (List<(string Node, string Message)> Expected, List<(string Node, string Message)> Simulated) Group(
        SortedDictionary<string, (List<(string Node, string Message)> Expected, List<(string Node, string Message)> Simulated)> groups, string key)
    {
        if (!groups.TryGetValue(key, out var group))
        {
            groups[key] = group = ([], []);
        }

        return group;
    }

    /// <summary>The size of the intersection of the pending pods' message multisets.</summary>
    private static int SameMessages(List<(string Node, string Message)> expected, List<(string Node, string Message)> simulated)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, message) in expected.Where(p => p.Node.Length == 0))
        {
            counts[message] = counts.TryGetValue(message, out var n) ? n + 1 : 1;
        }

        var same = 0;
        foreach (var (_, message) in simulated.Where(p => p.Node.Length == 0))
        {
            if (counts.TryGetValue(message, out var n) && n > 0)
            {
                counts[message] = n - 1;
                same++;
            }
        }

        return same;
    }

    private static IReadOnlyList<Analyzer.Model.KubeObject> Load(string path)
        => new ManifestLoader().Load(path, File.ReadAllBytes(path)).Objects;
}
