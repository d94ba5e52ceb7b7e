using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class NetworkPolicySelectsNothingRuleTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: db, namespace: data }
        spec:
          selector:
            matchLabels: { app: db }
          template:
            metadata:
              labels: { app: db, tier: data }
            spec:
              containers: [{ name: db, image: postgres:16 }]
        ---

        """;

    [Test]
    public void Pod_selector_matching_no_template_is_reported_at_the_pod_selector()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: db, namespace: data }
            spec:
              podSelector:
                matchExpressions:
                  - { key: app, operator: In, values: [database] }
              policyTypes: [Ingress]
            """, new NetworkPolicySelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2005@18:5" }));
    }

    // An empty podSelector selects all pods of the namespace.
    [Test]
    public void Empty_and_matching_pod_selectors_are_fine()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: deny-all, namespace: data }
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: db, namespace: data }
            spec:
              podSelector:
                matchLabels: { tier: data }
            """, new NetworkPolicySelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }
}
