using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class SelectorTemplateMismatchRuleTests
{
    // semantics D: "`selector` does not match template `labels`" is the API server's error for apps workloads.
    [Test]
    public void Deployment_whose_match_labels_differ_from_the_template_is_reported_at_the_selector()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: frontend
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
            """, new SelectorTemplateMismatchRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2001@7:5" }));
        Assert.That(findings[0].Message, Does.Contain("`selector` does not match template `labels`").And.Contain("app=web").And.Contain("map[string]string{\"app\":\"frontend\"}"));
    }

    [Test]
    public void Match_expressions_are_evaluated_with_kubernetes_semantics()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              selector:
                matchExpressions:
                  - { key: app, operator: In, values: [db] }
                  - { key: canary, operator: DoesNotExist }
              template:
                metadata:
                  labels: { app: db, canary: "true" }
                spec:
                  containers: [{ name: db, image: postgres:16 }]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector:
                matchExpressions:
                  - { key: tier, operator: NotIn, values: [web] }
                  - { key: app, operator: Exists }
              template:
                metadata:
                  labels: { app: agent }
                spec:
                  containers: [{ name: agent, image: agent:1 }]
            """, new SelectorTemplateMismatchRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2001@7:5" }));
        Assert.That(findings[0].Message, Does.Contain("'!canary'"));
    }

    // semantics D: an empty selector is invalid for apps/v1 workloads.
    [Test]
    public void Empty_apps_v1_selector_is_reported()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web
            spec:
              selector: {}
              template:
                metadata:
                  labels: { app: web }
                spec:
                  containers: [{ name: web, image: nginx:1.27 }]
            """, new SelectorTemplateMismatchRule());

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2001@6:13" }));
            Assert.That(findings[0].Message, Is.EqualTo("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"));
        });
    }

    [Test]
    public void Matching_selectors_and_defaulted_replication_controller_selectors_are_fine()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: { app: web }
              template:
                metadata:
                  labels: { app: web, version: v2 }
                spec:
                  containers: [{ name: web, image: nginx:1.27 }]
            ---
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: legacy
            spec:
              template:
                metadata:
                  labels: { app: legacy }
                spec:
                  containers: [{ name: legacy, image: legacy:1 }]
            """, new SelectorTemplateMismatchRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Replication_controller_map_selector_must_match_the_template()
    {
        var findings = Manifests.Lint("""
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: legacy
            spec:
              selector:
                app: legacy
                tier: backend
              template:
                metadata:
                  labels: { app: legacy }
                spec:
                  containers: [{ name: legacy, image: legacy:1 }]
            """, new SelectorTemplateMismatchRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2001@7:5" }));
        Assert.That(findings[0].Message, Does.Contain("tier=backend"));
    }

    [Test]
    public void Odd_shapes_do_not_crash()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: odd
            spec:
              selector: "app=web"
              template: []
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: odd2
            spec: 3
            """, new SelectorTemplateMismatchRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }
}
