using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>
/// The lint pass skips the simulation when it can report nothing (<see cref="SimulationPass.CanReport"/>); a skipped
/// input must be one whose full simulation reports nothing.
/// </summary>
public sealed class SimulationSkipTests
{
    private const string ConfigMaps = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: first, namespace: team}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: second, namespace: team}
        """;

    [Test]
    public void Objects_without_pods_claims_quotas_or_limits_are_not_simulated()
    {
        var objects = Sim.Objects(ConfigMaps + "\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: team}\n");
        Assert.Multiple(() =>
        {
            Assert.That(SimulationPass.CanReport(objects, new SimulationOptions()), Is.False);
            Assert.That(Simulated(objects, new SimulationOptions()), Is.Empty);
        });
    }

    [Test]
    public void A_quota_of_the_input_counts_config_maps_so_they_are_simulated()
    {
        var yaml = """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: objects, namespace: team}
            spec:
              hard: {configmaps: "1"}
            ---

            """ + ConfigMaps;
        var findings = Sim.Lint(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(SimulationPass.CanReport(Sim.Objects(yaml), new SimulationOptions()), Is.True);
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5005@11:1" }));
            Assert.That(findings.Single().Message, Does.StartWith("configmaps \"second\" is forbidden: exceeded quota: objects"));
        });
    }

    [Test]
    public void A_cluster_that_lists_its_namespaces_rejects_config_maps_in_others()
    {
        var cluster = "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n";
        var findings = Sim.Lint(ConfigMaps, cluster);
        Assert.Multiple(() =>
        {
            Assert.That(SimulationPass.CanReport(Sim.Objects(ConfigMaps), Sim.Options(cluster, null)), Is.True);
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5005@3:36", "KL5005@7:37" }));
            Assert.That(findings.Select(f => f.Message), Is.All.EqualTo("namespaces \"team\" not found"));
        });
    }

    /// <summary>Every corpus project and example the pass would skip gets no finding from a full simulation.</summary>
    [Test]
    public void Skipped_corpus_projects_and_examples_get_no_simulation_finding()
    {
        var loader = new ManifestLoader();
        var inputs = Directory.GetDirectories(SharedPaths.Require(SharedPaths.Corpus))
            .Append(Path.Combine(SharedPaths.RepositoryRoot, "examples"))
            .SelectMany(d => InputResolver.Resolve([d], new List<string>()))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var skipped = 0;
        foreach (var file in inputs)
        {
            var objects = loader.Load(file, File.ReadAllBytes(file)).Objects;
            if (objects.Count == 0 || SimulationPass.CanReport(objects, new SimulationOptions()))
            {
                continue;
            }

            skipped++;
            Assert.That(Simulated(objects, new SimulationOptions()), Is.Empty, file);
        }

        Assert.That(skipped, Is.GreaterThan(0));
    }

    /// <summary>The findings of a full simulation, whatever <see cref="SimulationPass.CanReport"/> says.</summary>
    private static IReadOnlyList<Finding> Simulated(IReadOnlyList<KubeObject> objects, SimulationOptions options)
        => new LintEngine([new FullSimulation(options)]).Run(objects);

    private sealed class FullSimulation(SimulationOptions options) : AnalysisPass
    {
        public override IReadOnlyList<RuleDescriptor> Rules { get; } = SimulationRules.All;

        public override void Run(AnalysisContext context) => SimulationPass.RunAndReport(context, options);
    }
}
