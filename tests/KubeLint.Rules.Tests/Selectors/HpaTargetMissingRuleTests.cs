using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class HpaTargetMissingRuleTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec: { containers: [{ name: web, image: nginx:1.27 }] }
        ---

        """;

    [Test]
    public void Target_name_not_in_the_input_is_reported_at_the_name()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: { name: web, namespace: shop }
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: webb
              minReplicas: 2
              maxReplicas: 5
            """, new HpaTargetMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2006@17:11" }));
        Assert.That(findings[0].Message, Does.Contain("Deployment web"));
    }

    [Test]
    public void Existing_targets_and_kinds_the_input_does_not_define_are_fine()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: { name: web, namespace: shop }
            spec:
              scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
              maxReplicas: 5
            ---
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata: { name: db, namespace: shop }
            spec:
              scaleTargetRef: { apiVersion: apps/v1, kind: StatefulSet, name: db }
              maxReplicas: 5
            """, new HpaTargetMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Target_in_another_namespace_is_missing()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: { name: web, namespace: other }
            spec:
              scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
              maxReplicas: 5
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api, namespace: other }
            spec: {}
            """, new HpaTargetMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2006@14:66" }));
    }
}
