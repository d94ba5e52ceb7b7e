using System.Text;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Schema;

public sealed class LoadedDefinitionsTests
{
    // A custom resource before its definition and one after it, each breaking the schema, and a definition whose
    // schema has an error of its own: every finding must be the same whether the schemas were let go or not. The
    // definition is the second document of its part of the stream ('...' ends the first one without a '---').
    private const string Input = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: early
        spec:
          size: 30
        ...
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            kind: Widget
            plural: widgets
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size:
                          type: integer
                          maximum: 10
                        label:
                          type: strign
        ...
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: late
        spec:
          size: 40
        """;

    [Test]
    public void Letting_the_schemas_go_changes_no_finding()
    {
        var options = new AnalysisOptions { KubernetesVersion = "1.32" };
        var whole = new LintEngine([new SchemaValidationPass()], options).Run(Load(Input, loaded: null));
        var definitions = new LoadedDefinitions(options);
        var reduced = new LintEngine([new SchemaValidationPass(null, definitions)], options).Run(Load(Input, definitions));

        Assert.Multiple(() =>
        {
            Assert.That(Describe(reduced), Is.EqualTo(Describe(whole)));
            Assert.That(Manifests.Summaries(whole), Is.EqualTo(new[] { "KL1106@6:9", "KL1105@33:25", "KL1106@41:9" }));
        });
    }

    [Test]
    public void A_loaded_definition_keeps_everything_but_its_schemas_and_gives_them_back_parsed_again()
    {
        var definitions = new LoadedDefinitions(new AnalysisOptions { KubernetesVersion = "1.32" });
        var crd = Load(Input, definitions).Objects.Single(o => o.Kind == "CustomResourceDefinition");
        var version = (YamlMapping)crd.Root.GetMapping("spec")!.GetSequence("versions")!.Items[0];
        var parsed = (YamlMapping)crd.ParsedRoot().GetMapping("spec")!.GetSequence("versions")!.Items[0];

        Assert.Multiple(() =>
        {
            Assert.That(crd.IsReduced, Is.True);
            Assert.That(version.ContainsKey("schema"), Is.False);
            Assert.That(version.GetString("name"), Is.EqualTo("v1"));
            Assert.That(crd.Metadata, Is.SameAs(crd.Root.GetMapping("metadata")));
            Assert.That(parsed.GetMapping("schema")!.Start, Is.EqualTo(new Documents.SourcePosition(23, 9)));
            Assert.That(crd.Document.Root, Is.SameAs(crd.Root));
        });
    }

    [Test]
    public void A_definition_inside_a_list_or_without_schemas_stays_whole()
    {
        const string list = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: a.example.com
                spec:
                  versions:
                    - name: v1
                      schema:
                        openAPIV3Schema: {type: object}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: b.example.com
            spec:
              versions:
                - name: v1
            """;
        var definitions = new LoadedDefinitions(AnalysisOptions.Default);

        Assert.That(Load(list, definitions).Objects.Select(o => o.IsReduced), Is.EqualTo(new[] { false, false }));
    }

    [Test]
    public void A_definition_given_apart_lets_its_schemas_go_unvalidated_and_still_validates_its_custom_resources()
    {
        var crds = new ManifestLoader { ObjectLoaded = LoadedDefinitions.ReleaseSchemas }.Load("crd.yaml", Encoding.UTF8.GetBytes(Input.Replace("\r\n", "\n")));
        var crd = crds.Objects.Single(o => o.Kind == "CustomResourceDefinition");
        const string widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 11\n";
        var findings = new LintEngine([new SchemaValidationPass(crds.Objects)]).Run(Load(widget, loaded: null));

        Assert.Multiple(() =>
        {
            Assert.That(crd.IsReduced, Is.True);
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL1106@6:9" }));
        });
    }

    [Test]
    public void Definitions_validated_for_other_options_are_refused()
    {
        var definitions = new LoadedDefinitions(new AnalysisOptions { KubernetesVersion = "1.32" });
        var loaded = Load(Input, definitions);

        Assert.That(
            () => new LintEngine([new SchemaValidationPass(null, definitions)], new AnalysisOptions { KubernetesVersion = "1.33" }).Run(loaded),
            Throws.InvalidOperationException);
    }

    private static LoadResult Load(string yaml, LoadedDefinitions? loaded)
        => new ManifestLoader { ObjectLoaded = loaded is null ? null : loaded.Loaded }.Load("test.yaml", Encoding.UTF8.GetBytes(yaml.Replace("\r\n", "\n")));

    private static string[] Describe(IEnumerable<Finding> findings)
        => findings.Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column} {f.Message}").ToArray();
}
