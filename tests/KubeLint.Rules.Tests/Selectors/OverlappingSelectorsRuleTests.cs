using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class OverlappingSelectorsRuleTests
{
    [Test]
    public void Selector_that_selects_another_workloads_pods_is_reported_at_the_later_selector()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web }
            spec:
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [{ name: web, image: nginx:1.27 }] }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web-canary }
            spec:
              selector:
                matchLabels: { app: web, track: canary }
              template:
                metadata: { labels: { app: web, track: canary } }
                spec: { containers: [{ name: web, image: nginx:1.28 }] }
            """, new OverlappingSelectorsRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2009@15:5" }));
        Assert.That(findings[0].Message, Does.Contain("Deployment web (test.yaml:5:13)"));
    }

    [Test]
    public void Each_workload_is_reported_once_naming_the_first_overlap()
    {
        static string Deployment(string name, string labels, string selector) => $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: {{name}} }
            spec:
              selector: { matchLabels: {{selector}} }
              template:
                metadata: { labels: {{labels}} }
                spec: { containers: [{ name: web, image: nginx:1.27 }] }
            """;
        var yaml = string.Join("\n---\n",
            Deployment("a", "{ app: web, tier: a }", "{ tier: a }"),
            Deployment("b", "{ app: web, tier: b }", "{ app: web }"),
            Deployment("c", "{ app: web, tier: c }", "{ tier: c }"),
            Deployment("d", "{ app: web, tier: d }", "{ tier: d }"));
        var findings = Manifests.Lint(yaml, new OverlappingSelectorsRule());
        Assert.Multiple(() =>
        {
            // b selects a's pods; b's selector selects c's and d's pods (reported at c and d, naming b).
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2009@14:13", "KL2009@23:13", "KL2009@32:13" }));
            Assert.That(findings[0].Message, Does.StartWith("selector app=web also selects the pods of Deployment a"));
            Assert.That(findings[1].Message, Does.StartWith("the selector app=web of Deployment b"));
            Assert.That(findings[2].Message, Does.StartWith("the selector app=web of Deployment b"));
        });
    }

    [Test]
    public void Thousands_of_identical_workloads_give_one_finding_each()
    {
        var yaml = string.Join("\n---\n", Enumerable.Range(0, 3_000).Select(i => $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web-{{i}} }
            spec:
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [{ name: web, image: nginx:1.27 }] }
            """));
        var findings = Manifests.Lint(yaml, new OverlappingSelectorsRule());
        Assert.Multiple(() =>
        {
            Assert.That(findings, Has.Count.EqualTo(2_999));
            Assert.That(findings.All(f => f.Message.Contains("Deployment web-0 ", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public void Distinct_selectors_other_namespaces_and_owned_replica_sets_are_fine()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web }
            spec:
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [{ name: web, image: nginx:1.27 }] }
            ---
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-5d4f
              ownerReferences: [{ apiVersion: apps/v1, kind: Deployment, name: web, uid: "1" }]
            spec:
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [{ name: web, image: nginx:1.27 }] }
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: web, namespace: staging }
            spec:
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [{ name: web, image: nginx:1.27 }] }
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: { name: agent }
            spec:
              selector: { matchLabels: { app: agent } }
              template:
                metadata: { labels: { app: agent } }
                spec: { containers: [{ name: agent, image: agent:1 }] }
            """, new OverlappingSelectorsRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Alternative_definitions_of_one_component_are_not_an_overlap()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: controller }
            spec:
              selector: { matchLabels: { app: controller } }
              template:
                metadata: { labels: { app: controller } }
                spec: { containers: [{ name: c, image: controller:1 }] }
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: controller }
            spec:
              selector: { matchLabels: { app: controller } }
              template:
                metadata: { labels: { app: controller } }
                spec: { containers: [{ name: c, image: controller:1 }] }
            """, new OverlappingSelectorsRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Install_variants_side_by_side_are_not_compared()
    {
        // The same Service defined twice shows two variants of one install (e.g. standalone and distributed).
        var findings = Manifests.Lint("""
            apiVersion: v1
            kind: Service
            metadata: { name: minio }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: minio }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: minio-standalone }
            spec:
              selector: { matchLabels: { app: minio } }
              template:
                metadata: { labels: { app: minio } }
                spec: { containers: [{ name: m, image: minio:1 }] }
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: minio-distributed }
            spec:
              selector: { matchLabels: { app: minio } }
              template:
                metadata: { labels: { app: minio } }
                spec: { containers: [{ name: m, image: minio:1 }] }
            """, new OverlappingSelectorsRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Overlap_in_the_other_direction_is_reported_too()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: { name: canary }
            spec:
              selector: { matchLabels: { app: web, track: canary } }
              template:
                metadata: { labels: { app: web, track: canary } }
                spec: { containers: [{ name: web, image: nginx:1.28 }] }
            ---
            apiVersion: v1
            kind: ReplicationController
            metadata: { name: web }
            spec:
              selector: { app: web }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [{ name: web, image: nginx:1.27 }] }
            """, new OverlappingSelectorsRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2009@14:13" }));
    }
}
