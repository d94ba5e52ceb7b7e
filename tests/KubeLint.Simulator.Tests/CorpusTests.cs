using KubeLint.Analyzer.Loading;
using KubeLint.Simulator.Reports;
using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>The real-manifest corpus goes through the simulation without crashing, and every pod gets a node or a reason.</summary>
public sealed class CorpusTests
{
    [Test]
    public void Every_corpus_project_simulates_with_a_node_or_a_reason_per_pod()
    {
        var loader = new ManifestLoader();
        var projects = Directory.GetDirectories(SharedPaths.Require(SharedPaths.Corpus)).OrderBy(d => d, StringComparer.Ordinal).ToList();
        Assert.That(projects, Is.Not.Empty);
        var pods = 0;
        foreach (var project in projects)
        {
            var loaded = new LoadResult();
            foreach (var file in InputResolver.Resolve([project], new List<string>()))
            {
                loaded.Add(loader.Load(file, File.ReadAllBytes(file)));
            }

            var result = SimulationPass.Simulate(loaded.Objects, new SimulationOptions());
            Assert.That(result.Pods.Where(p => p.Node is null && p.Reason is null), Is.Empty, project);
            Assert.That(JsonReport.Render(result), Does.StartWith("{"), project);
            pods += result.Pods.Count;
        }

        Assert.That(pods, Is.GreaterThan(0));
    }
}
