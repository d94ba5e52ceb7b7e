using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Schema;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>Findings in helm template output carry the template of their document's "# Source:" comment.</summary>
public sealed class HelmSourcesTests
{
    private const string Rendered = """
        ---
        # Source: shop/templates/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          name: again
        ---
        # Source: shop/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          type: ClusterIp
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: hand-written
        spec:
          type: NodePorts
          ports: [{port: 80}]
        """;

    [Test]
    public void Loader_and_rule_findings_name_the_template_of_their_document()
    {
        var findings = Manifests.Lint(Rendered, new SchemaValidationPass());

        Assert.That(findings.Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line} {f.Template ?? "-"}"), Is.EqualTo(new[]
        {
            "KL1002@7 shop/templates/configmap.yaml",
            "KL1105@15 shop/templates/service.yaml",
            "KL1105@23 -",
        }));
    }

    [Test]
    public void Findings_of_other_files_have_no_template()
    {
        var findings = new LintEngine([new SchemaValidationPass()]).Run(Manifests.Load("apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { type: ClusterIp, ports: [{ port: 80 }] }\n"));

        Assert.That(findings.Single().Template, Is.Null);
    }
}
