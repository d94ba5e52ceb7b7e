using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class PdbSelectsNothingRuleTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: { name: web, labels: { app: web } }
        spec:
          containers: [{ name: web, image: nginx:1.27 }]
        ---

        """;

    [Test]
    public void Selector_matching_no_template_is_reported_at_the_selector()
    {
        var findings = Manifests.Lint(Pod + """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: web }
            spec:
              minAvailable: 1
              selector:
                matchLabels: { app: wbe }
            """, new PdbSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2004@13:5" }));
    }

    // policy/v1: "A null selector will match no pods, while an empty ({}) selector will select all pods within the namespace."
    [Test]
    public void Null_selector_selects_no_pods_and_empty_selects_all_in_policy_v1()
    {
        var findings = Manifests.Lint(Pod + """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: none }
            spec:
              minAvailable: 1
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: all }
            spec:
              minAvailable: 1
              selector: {}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: web }
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: { app: web }
            """, new PdbSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2004@10:1" }));
    }

    [Test]
    public void Empty_selector_selects_nothing_in_policy_v1beta1()
    {
        var findings = Manifests.Lint(Pod + """
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: { name: all }
            spec:
              minAvailable: 1
              selector: {}
            """, new PdbSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2004@12:13" }));
    }

    [Test]
    public void Namespaces_where_the_input_runs_no_complete_workload_are_not_guessed_about()
    {
        // A Deployment without spec.selector is rejected by the API server: it is a patch, not a workload.
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: metrics-server, namespace: kube-system }
            spec:
              template:
                spec:
                  affinity: {}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: metrics-server, namespace: kube-system }
            spec:
              minAvailable: 1
              selector:
                matchLabels: { k8s-app: metrics-server }
            """, new PdbSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }
}
