using System.CommandLine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Schema;
using KubeLint.Cli.Output;
using KubeLint.Rules;
using KubeLint.Simulator;
using KubeLint.Testing;

namespace KubeLint.Cli.Tests;

/// <summary>Options reach the analysis: parsed settings, the passes built from them and the engine options.</summary>
public sealed class PassWiringTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        """;

    private const string Node = """
        apiVersion: v1
        kind: Node
        metadata:
          name: node-1
        """;

    [Test]
    public void Defaults_are_text_fail_on_error_strict_and_simulated()
    {
        var settings = Parse("a.yaml");
        Assert.That(settings.Paths, Is.EqualTo(new[] { "a.yaml" }));
        Assert.That(settings.Format, Is.EqualTo(OutputFormat.Text));
        Assert.That(settings.FailLevel, Is.EqualTo(Severity.Error));
        Assert.That(settings.Strict, Is.True);
        Assert.That(settings.RejectUnknownKinds, Is.False);
        Assert.That(settings.Simulate, Is.True);
    }

    [Test]
    public void Every_option_is_parsed()
    {
        var settings = Parse(
            "a.yaml", "b/", "--format", "sarif", "--output", "out.sarif", "--fail-level", "warning", "--kubernetes-version", "1.31",
            "--no-strict", "--reject-unknown-kinds", "--crd", "c1.yaml", "--crd", "c2.yaml", "--no-simulate",
            "--cluster", "nodes.yaml", "--baseline", "old/", "--baseline", "old2/", "--timings");
        Assert.That(settings.Paths, Is.EqualTo(new[] { "a.yaml", "b/" }));
        Assert.That(settings.Format, Is.EqualTo(OutputFormat.Sarif));
        Assert.That(settings.OutputFile, Is.EqualTo("out.sarif"));
        Assert.That(settings.FailLevel, Is.EqualTo(Severity.Warning));
        Assert.That(settings.KubernetesVersion, Is.EqualTo("1.31"));
        Assert.That(settings.Strict, Is.False);
        Assert.That(settings.RejectUnknownKinds, Is.True);
        Assert.That(settings.CrdPaths, Is.EqualTo(new[] { "c1.yaml", "c2.yaml" }));
        Assert.That(settings.Simulate, Is.False);
        Assert.That(settings.ClusterPaths, Is.EqualTo(new[] { "nodes.yaml" }));
        Assert.That(settings.BaselinePaths, Is.EqualTo(new[] { "old/", "old2/" }));
        Assert.That(settings.Timings, Is.True);
    }

    [Test]
    public void Fail_level_none_never_fails()
        => Assert.That(Parse("a.yaml", "--fail-level", "none").FailLevel, Is.Null);

    [Test]
    public void Passes_are_schema_with_crds_then_built_in_rules_then_simulation_with_cluster_and_baseline()
    {
        var crds = Manifests.Load(Crd).Objects;
        var cluster = Manifests.Load(Node).Objects;
        var passes = LintRunner.CreatePasses(new LintSettings(), crds, cluster, []);
        Assert.That(((SchemaValidationPass)passes[0]).ExtraDefinitions, Is.EqualTo(crds));
        Assert.That(passes.Skip(1).Take(BuiltInRules.All.Count), Is.EqualTo(BuiltInRules.All));
        var simulation = (SimulationPass)passes[^1];
        Assert.That(simulation.Options.Cluster, Is.EqualTo(cluster));
        Assert.That(simulation.Options.Baseline, Is.Empty);
    }

    [Test]
    public void No_simulate_leaves_out_the_simulation()
    {
        var passes = LintRunner.CreatePasses(new LintSettings { Simulate = false }, [], [], []);
        Assert.That(passes.OfType<SimulationPass>(), Is.Empty);
        Assert.That(passes, Has.Count.EqualTo(1 + BuiltInRules.All.Count));
    }

    [Test]
    public void Analysis_options_carry_version_strictness_and_unknown_kinds()
    {
        var options = LintRunner.CreateOptions(new LintSettings { KubernetesVersion = "1.32", Strict = false, RejectUnknownKinds = true }, "1.32", configuration: null);
        Assert.That(options.KubernetesVersion, Is.EqualTo("1.32"));
        Assert.That(options.Strict, Is.False);
        Assert.That(options.RejectUnknownKinds, Is.True);
    }

    private static LintSettings Parse(params string[] args)
    {
        var command = new Command("lint");
        var lint = new LintCommand();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        lint.AttachTo(command, new CliConsole(stdout, stderr, null));
        var parseResult = command.Parse(args);
        Assert.That(parseResult.Errors, Is.Empty);
        return lint.Settings(parseResult);
    }
}
