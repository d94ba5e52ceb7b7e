using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Suppressions;

public sealed class SuppressionTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              labels: { app: web }
            spec:
              containers:
                - name: web
                  image: nginx
        """;

    [Test]
    public void Without_suppressions_both_rules_report()
    {
        Assert.That(Summaries(Deployment), Is.EqualTo(new[] { "KL2001@4:9", "KL2002@12:18" }));
    }

    [Test]
    public void Object_annotation_suppresses_the_listed_rules_anywhere_in_the_object()
    {
        var yaml = Deployment.Replace("  name: web\n", "  name: web\n  annotations:\n    kubelint.io/ignore: \"KL2002\"\n", StringComparison.Ordinal);

        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL2001@4:9" }));
    }

    [Test]
    public void Pod_template_annotation_suppresses_by_id_or_name_and_all_suppresses_everything()
    {
        var byName = Deployment.Replace("      labels: { app: web }\n", "      labels: { app: web }\n      annotations: { kubelint.io/ignore: \"image-check, name-check\" }\n", StringComparison.Ordinal);
        var all = Deployment.Replace("  name: web\n", "  name: web\n  annotations: { kubelint.io/ignore: all }\n", StringComparison.Ordinal);

        Assert.That(Summaries(byName), Is.Empty);
        Assert.That(Summaries(all), Is.Empty);
    }

    [Test]
    public void Annotation_does_not_reach_other_objects()
    {
        var yaml = Deployment.Replace("  name: web\n", "  name: web\n  annotations: { kubelint.io/ignore: all }\n", StringComparison.Ordinal)
            + "\n---\n" + Deployment;

        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL2001@18:9", "KL2002@26:18" }));
    }

    [Test]
    public void Comment_on_the_line_or_alone_on_the_line_above_suppresses()
    {
        var yaml = Deployment
            .Replace("  name: web\n", "  name: web # kubelint:ignore KL2001 generated name\n", StringComparison.Ordinal)
            .Replace("          image: nginx", "          # kubelint:ignore KL2002,KL2003 pinned by the platform team\n          image: nginx", StringComparison.Ordinal);

        Assert.That(Summaries(yaml), Is.Empty);
    }

    [Test]
    public void Comment_two_lines_above_a_trailing_comment_above_and_hashes_inside_values_do_not_suppress()
    {
        var yaml = Deployment
            .Replace("metadata:\n  name: web\n", "metadata: # kubelint:ignore KL2001\n  name: web\n", StringComparison.Ordinal)
            .Replace("          image: nginx", "          # kubelint:ignore KL2002\n\n          image: nginx", StringComparison.Ordinal)
            .Replace("        - name: web\n", "        - name: web#kubelint:ignore KL2002\n", StringComparison.Ordinal);

        Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL2001@4:9", "KL2002@14:18" }));
    }

    [Test]
    public void Loader_findings_are_suppressed_too()
    {
        var findings = Manifests.Lint("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            data:
              key: one
              key: two # kubelint:ignore KL1002 kept for an old client
            """);

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Unused_suppressions_are_reported_at_the_comment_or_annotation_when_asked()
    {
        var yaml = Deployment
            .Replace("  name: web\n", "  name: web\n  annotations: { kubelint.io/ignore: \"KL2001,KL2002\" }\n", StringComparison.Ordinal)
            .Replace("kind: Deployment\n", "kind: Deployment # kubelint:ignore KL2001\n", StringComparison.Ordinal)
            .Replace("    spec:\n", "    spec: # kubelint:ignore all\n", StringComparison.Ordinal)
            .Replace("        - name: web\n", "        # kubelint:ignore KL5001 a rule that did not run\n        - name: web\n", StringComparison.Ordinal);
        var quiet = Manifests.Lint(yaml, new ReportNames());
        var asked = Manifests.Lint(yaml, new AnalysisOptions { ReportUnusedSuppressions = true }, new ReportNames());

        Assert.That(Manifests.Summaries(quiet), Is.Empty);
        Assert.That(Manifests.Summaries(asked), Is.EqualTo(new[] { "KL1009@2:18", "KL1009@10:11" }));
        Assert.That(asked.Select(f => f.Severity), Is.All.EqualTo(Severity.Info));
        Assert.That(asked[0].Message, Is.EqualTo("suppression of KL2001 is unused: nothing was reported here"));
    }

    private static string[] Summaries(string yaml) => Manifests.Summaries(Manifests.Lint(yaml, new ReportNames()));

    /// <summary>Reports every metadata.name (KL2001) and every container image (KL2002).</summary>
    private sealed class ReportNames : AnalysisPass
    {
        private static readonly RuleDescriptor NameRule = new("KL2001", "name-check", Severity.Warning, "Test", "t", "d", "r");
        private static readonly RuleDescriptor ImageRule = new("KL2002", "image-check", Severity.Warning, "Test", "t", "d", "r");

        public override IReadOnlyList<RuleDescriptor> Rules { get; } = [NameRule, ImageRule];

        public override void Run(AnalysisContext context)
        {
            foreach (var obj in context.Objects)
            {
                if (obj.Metadata?["name"] is { } name)
                {
                    context.Report(NameRule, obj, name, "name");
                }

                var containers = obj.Root.GetPath("spec", "template", "spec", "containers") as YamlSequence;
                foreach (var container in containers?.Mappings ?? [])
                {
                    if (container["image"] is { } image)
                    {
                        context.Report(ImageRule, obj, image, "image");
                    }
                }
            }
        }
    }
}
