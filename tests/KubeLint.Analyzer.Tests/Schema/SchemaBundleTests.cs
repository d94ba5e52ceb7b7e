using KubeLint.Analyzer.Schema;
using KubeLint.SchemaGen;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Schema;

public sealed class SchemaBundleTests
{
    private static IEnumerable<string> Versions => SchemaBundleGenerator.Versions;

    [TestCaseSource(nameof(Versions))]
    public void Committed_bundle_matches_the_generator_output(string version)
    {
        var expected = SchemaBundleGenerator.Generate(SharedPaths.Require(Path.Combine(SharedPaths.OpenApi, version)));
        var committed = File.ReadAllText(
            Path.Combine(SharedPaths.RepositoryRoot, "schemas", SchemaBundleGenerator.FileName(version)), SchemaBundleGenerator.TextEncoding);

        // Regenerate with tools/SchemaGen.
        Assert.That(committed, Is.EqualTo(expected), "schemas/ is stale: run 'dotnet run --project tools/SchemaGen'");
    }

    [Test]
    public void Engine_and_generator_support_the_same_versions()
        => Assert.That(SchemaValidationPass.SupportedVersions, Is.EqualTo(SchemaBundleGenerator.Versions));

    [TestCaseSource(nameof(Versions))]
    public void Every_version_bundles_the_core_workload_kinds(string version)
    {
        var bundle = SchemaBundle.For(version);
        Assert.Multiple(() =>
        {
            Assert.That(bundle.Serves("apps/v1", "Deployment"), Is.True);
            Assert.That(bundle.Serves("v1", "Pod"), Is.True);
            Assert.That(bundle.Serves("batch/v1", "CronJob"), Is.True);
            Assert.That(bundle.Serves("apiextensions.k8s.io/v1", "CustomResourceDefinition"), Is.True);
            Assert.That(bundle.Serves("extensions/v1beta1", "Deployment"), Is.False);
        });
    }

    [Test]
    public void Container_ports_are_a_list_map_keyed_by_port_and_protocol()
    {
        var pod = SchemaBundle.For("1.35").FindKind("v1", "Pod")!;
        var container = pod.Properties["spec"].Properties["containers"].Items!;
        var ports = container.Properties["ports"];
        Assert.Multiple(() =>
        {
            Assert.That(ports.ListType, Is.EqualTo("map"));
            Assert.That(ports.ListMapKeys, Is.EqualTo(new[] { "containerPort", "protocol" }));
            Assert.That(ports.Items!.Properties["protocol"].Enum, Is.EqualTo(new[] { "TCP", "UDP", "SCTP" }));
            Assert.That(container.Properties["resources"].Properties["limits"].AdditionalProperties!.Type, Is.EqualTo(SchemaType.Quantity));
            Assert.That(container.Required, Is.EqualTo(new[] { "name" }));
        });
    }

    [TestCase("1.35", "1.35")]
    [TestCase("v1.33", "1.33")]
    [TestCase("1.31.4", "1.31")]
    [TestCase(null, "1.35")]
    [TestCase("1.29", null)]
    [TestCase("banana", null)]
    public void Version_names_resolve_to_a_bundled_minor(string? requested, string? expected)
        => Assert.That(SchemaValidationPass.ResolveVersion(requested), Is.EqualTo(expected));
}
