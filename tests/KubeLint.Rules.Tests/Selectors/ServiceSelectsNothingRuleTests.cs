using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class ServiceSelectsNothingRuleTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web, tier: frontend }
            spec:
              containers: [{ name: web, image: nginx:1.27 }]
        ---

        """;

    [Test]
    public void Selector_with_a_label_no_template_has_is_reported_at_the_selector()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                app: web
                tier: backend
              ports: [{ port: 80 }]
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2002@22:5" }));
        Assert.That(findings[0].Message, Does.Contain("app=web,tier=backend").And.Contain("namespace shop"));
    }

    [Test]
    public void Templates_of_another_namespace_do_not_count()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: other
            spec:
              selector: { app: web }
            ---
            apiVersion: v1
            kind: Pod
            metadata: { name: api, namespace: other, labels: { app: api } }
            spec:
              containers: [{ name: api, image: api:1 }]
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2002@21:13" }));
    }

    [Test]
    public void Matching_services_and_services_without_selector_or_external_name_are_fine()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              selector: { app: web }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: manual, namespace: shop }
            spec:
              ports: [{ port: 80 }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: empty, namespace: shop }
            spec:
              selector: {}
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: external, namespace: shop }
            spec:
              type: ExternalName
              externalName: db.example.com
              selector: { app: nothing }
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Namespace_left_to_the_command_line_may_be_any_namespace()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              selector: { app: web }
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Stored_pod_templates_do_not_run_pods()
    {
        var findings = Manifests.Lint("""
            apiVersion: v1
            kind: PodTemplate
            metadata: { name: tpl }
            template:
              metadata:
                labels: { app: web }
              spec:
                containers: [{ name: web, image: nginx:1.27 }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              selector: { app: web }
            ---
            apiVersion: v1
            kind: Pod
            metadata: { name: api, labels: { app: api } }
            spec:
              containers: [{ name: api, image: api:1 }]
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2002@14:13" }));
    }

    [Test]
    public void Namespaces_where_the_input_runs_no_pods_are_not_guessed_about()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata: { name: dashboard, namespace: kube-system }
            spec:
              selector: { k8s-app: kubernetes-dashboard }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: patch, namespace: kube-system }
            spec:
              template:
                spec:
                  affinity: {}
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Labels_that_controllers_add_to_pods_can_be_selected()
    {
        // A StatefulSet labels each pod statefulset.kubernetes.io/pod-name: <name>-<ordinal>.
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: redis }
            spec:
              selector: { matchLabels: { app: redis } }
              template:
                metadata: { labels: { app: redis } }
                spec: { containers: [{ name: redis, image: redis:7 }] }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: redis-0 }
            spec:
              selector: { app: redis, statefulset.kubernetes.io/pod-name: redis-0 }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: cache-0 }
            spec:
              selector: { app: redis, statefulset.kubernetes.io/pod-name: cache-0 }
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2002@20:13" }));
    }

    [Test]
    public void Namespaces_with_custom_resources_are_not_checked_because_operators_create_pods()
    {
        var findings = Manifests.Lint("""
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata: { name: k8s, namespace: monitoring }
            spec: { replicas: 2 }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: prometheus, namespace: monitoring }
            spec:
              selector: { app.kubernetes.io/name: prometheus }
            """, new ServiceSelectsNothingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }
}
