using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

/// <summary>
/// Cross-object rules next to documents that could not be read: only the conclusions such a document could change
/// are held back (its namespace, or its file when the namespace is unknown), each rule says so once, and documents
/// that are not manifests hold back nothing.
/// </summary>
public sealed class HeldBackConclusionsTests
{
    private const string Application = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec:
              containers: [{ name: web, image: nginx:1.27, ports: [{ containerPort: 8080 }] }]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: api, namespace: shop }
        spec:
          selector: { app: api }
          ports: [{ port: 80 }]

        """;

    [Test]
    public void A_document_that_is_not_a_manifest_holds_back_nothing()
    {
        var findings = Manifests.LintFiles(
            [("values.yaml", "foo: bar\n"), ("app.yaml", Application)],
            new ServiceSelectsNothingRule(), new ServiceTargetPortMissingRule());

        Assert.That(Manifests.SummariesWithFiles(findings), Is.EqualTo(new[] { "app.yaml:KL2002@15:13" }));
    }

    [Test]
    public void A_broken_document_holds_back_its_namespace_and_says_so_once_per_rule()
    {
        var findings = Manifests.LintFiles(
            [("app.yaml", Application), ("broken.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec: [\n")],
            new ServiceSelectsNothingRule(), new MissingReferenceRule());

        Assert.That(Manifests.SummariesWithFiles(findings), Is.EqualTo(new[] { "broken.yaml:KL1001@6:8", "broken.yaml:KL1013@6:8" }));
        Assert.That(findings[1].Message, Is.EqualTo("KL2002 service-selects-nothing held back 1 finding that the unreadable document at broken.yaml:6:8 (namespace shop) could change"));
    }

    [Test]
    public void A_broken_document_of_another_namespace_holds_back_nothing()
    {
        var findings = Manifests.LintFiles(
            [("app.yaml", Application), ("broken.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  namespace: billing\n  name: api\nspec: [\n")],
            new ServiceSelectsNothingRule());

        Assert.That(Manifests.SummariesWithFiles(findings), Is.EqualTo(new[] { "app.yaml:KL2002@15:13", "broken.yaml:KL1001@6:8" }));
    }

    [Test]
    public void A_broken_document_of_unknown_namespace_holds_back_its_own_file_only()
    {
        const string broken = "apiVersion: apps/v1\nkind: Deployment\nmetadata: [\n";
        var elsewhere = Manifests.LintFiles([("app.yaml", Application), ("broken.yaml", broken)], new ServiceSelectsNothingRule());
        var sameFile = Manifests.LintFiles([("app.yaml", Application + "---\n" + broken)], new ServiceSelectsNothingRule());

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.SummariesWithFiles(elsewhere), Is.EqualTo(new[] { "app.yaml:KL2002@15:13", "broken.yaml:KL1001@3:12" }));
            Assert.That(Manifests.SummariesWithFiles(sameFile), Is.EqualTo(new[] { "app.yaml:KL1001@20:12", "app.yaml:KL1013@20:12" }));
            Assert.That(sameFile[1].Message, Does.EndWith("the unreadable document at app.yaml:20:12 (namespace unknown) could change"));
        });
    }

    [Test]
    public void A_template_without_namespace_lands_anywhere_and_holds_back_every_namespace()
    {
        const string template = "kind: ReplicationController\napiVersion: v1\nmetadata:\n  name: api\nspec:\n  replicas: {{replicas}}\n  template:\n    metadata:\n      labels: { app: api }\n";
        var findings = Manifests.LintFiles([("app.yaml", Application), ("api-controller-template.yaml", template)], new ServiceSelectsNothingRule());

        Assert.That(Manifests.SummariesWithFiles(findings), Is.EqualTo(new[] { "api-controller-template.yaml:KL1013@1:1", "api-controller-template.yaml:KL1006@6:13" }));
        Assert.That(findings[0].Message, Does.EndWith("the unreadable document at api-controller-template.yaml:1:1 (no namespace) could change"));
    }

    [Test]
    public void An_object_without_kind_holds_back_the_namespace_it_names()
    {
        var findings = Manifests.LintFiles(
            [("app.yaml", Application), ("pool.yaml", "apiVersion: apps/v1\nmetadata: { name: api, namespace: shop }\nspec: {}\n")],
            new ServiceSelectsNothingRule());

        Assert.That(Manifests.SummariesWithFiles(findings), Is.EqualTo(new[] { "pool.yaml:KL1003@1:1", "pool.yaml:KL1013@1:1" }));
    }

    [Test]
    public void Several_documents_are_named_in_one_notice()
    {
        var findings = Manifests.LintFiles(
            [
                ("app.yaml", Application),
                ("a.yaml", "kind: Deployment\nmetadata:\n  namespace: shop\nspec: [\n"),
                ("b.yaml", "kind: Deployment\nmetadata:\n  namespace: shop\nspec: {\n"),
            ],
            new ServiceSelectsNothingRule());

        var notice = findings.Single(f => f.RuleId == "KL1013");
        Assert.That(notice.Message, Is.EqualTo("KL2002 service-selects-nothing held back 1 finding that the unreadable documents at a.yaml:4:8 (namespace shop), b.yaml:4:8 (namespace shop) could change"));
        Assert.That(notice.Location.FilePath, Is.EqualTo("a.yaml"));
    }
}
