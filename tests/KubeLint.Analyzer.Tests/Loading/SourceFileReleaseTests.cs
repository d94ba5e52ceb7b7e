using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Analyzer.Tests.Loading;

public sealed class SourceFileReleaseTests
{
    private const string Text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

    [Test]
    public void A_file_that_can_be_read_again_lets_its_bytes_go_and_reads_them_when_asked()
    {
        var reads = 0;
        var bytes = Encoding.UTF8.GetBytes(Text);
        var file = new SourceFile("c.yaml", bytes, 0, new UTF8Encoding(false), () =>
        {
            reads++;
            return (byte[])bytes.Clone();
        });
        file.ReleaseText();

        Assert.Multiple(() =>
        {
            Assert.That(file.Contains("kubelint:ignore"), Is.False);
            Assert.That(file.Contains("# Source: "), Is.False);
            Assert.That(reads, Is.Zero, "the markers are answered from what loading saw");
            Assert.That(file.Contains("ConfigMap"), Is.True);
            Assert.That(file.Text, Is.EqualTo(Text));
            Assert.That(reads, Is.GreaterThan(0));
        });
    }

    [TestCase("# kubelint:ignore KL2001 reason\n")]
    [TestCase("---\n# Source: chart/templates/c.yaml\n")]
    public void A_file_with_what_later_readers_look_for_keeps_its_bytes(string prefix)
    {
        var reads = 0;
        var file = new SourceFile("c.yaml", Encoding.UTF8.GetBytes(prefix + Text), 0, new UTF8Encoding(false), () =>
        {
            reads++;
            return null;
        });
        file.ReleaseText();

        Assert.Multiple(() =>
        {
            Assert.That(file.Text, Is.EqualTo(prefix + Text));
            Assert.That(reads, Is.Zero);
        });
    }

    [Test]
    public void A_file_changed_before_it_is_read_again_is_reported_as_changed()
    {
        var file = new SourceFile("c.yaml", Encoding.UTF8.GetBytes(Text), 0, new UTF8Encoding(false), () => Encoding.UTF8.GetBytes(Text.Replace("name: c", "name: d")));
        file.ReleaseText();

        Assert.That(() => file.Text, Throws.TypeOf<InputChangedException>().With.Message.EqualTo("c.yaml changed while it was being linted; run again"));
    }

    [Test]
    public void A_definition_whose_file_let_its_bytes_go_is_parsed_again_from_the_file()
    {
        const string yaml = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec: {type: object, properties: {size: {type: integer, maximum: 10}}}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            spec:
              size: 11
            """;
        var bytes = Encoding.UTF8.GetBytes(yaml.Replace("\r\n", "\n"));
        var reads = 0;
        var options = new AnalysisOptions { KubernetesVersion = "1.32" };
        var definitions = new LoadedDefinitions(options);
        var loaded = new ManifestLoader { ObjectLoaded = definitions.Loaded }.Load("w.yaml", bytes, () =>
        {
            reads++;
            return (byte[])bytes.Clone();
        });
        var findings = new LintEngine([new SchemaValidationPass(null, definitions)], options).Run(loaded);

        Assert.Multiple(() =>
        {
            Assert.That(findings.Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column}"), Is.EqualTo(new[] { "KL1106@24:9" }));
            Assert.That(reads, Is.EqualTo(1));
        });
    }
}
