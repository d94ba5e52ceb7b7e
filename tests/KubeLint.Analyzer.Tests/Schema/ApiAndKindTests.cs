using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Testing;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Schema;

public sealed class ApiAndKindTests
{
    private const string OldDeployment = """
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers: []
        """;

    [Test]
    public void A_removed_api_names_the_group_it_moved_to()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(OldDeployment), Is.EqualTo(new[] { "KL1101@1:13" }));
            Assert.That(Message(OldDeployment), Is.EqualTo("apiVersion extensions/v1beta1 kind Deployment is not served by Kubernetes 1.35; use apiVersion apps/v1"));
        });
    }

    [TestCase("batch/v1beta1", "CronJob", "use apiVersion batch/v1")]
    [TestCase("policy/v1beta1", "PodDisruptionBudget", "use apiVersion policy/v1")]
    [TestCase("autoscaling/v2beta2", "HorizontalPodAutoscaler", "use apiVersion autoscaling/v2")]
    [TestCase("networking.k8s.io/v1beta1", "Ingress", "use apiVersion networking.k8s.io/v1")]
    [TestCase("policy/v1beta1", "PodSecurityPolicy", "PodSecurityPolicy was removed in Kubernetes 1.25")]
    public void Removed_apis_say_what_to_use_instead(string apiVersion, string kind, string advice)
    {
        var yaml = $"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata:
              name: x
            """;
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1101@1:13" }));
            Assert.That(Message(yaml), Does.Contain(advice));
        });
    }

    [Test]
    public void An_api_newer_than_the_chosen_version_says_where_it_is_served()
    {
        var yaml = """
            apiVersion: networking.k8s.io/v1
            kind: ServiceCIDR
            metadata:
              name: cidrs
            spec:
              cidrs: [10.96.0.0/16]
            """;
        var options = new AnalysisOptions { KubernetesVersion = "1.30" };
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml, options), Is.EqualTo(new[] { "KL1101@1:13" }));
            Assert.That(Message(yaml, options), Is.EqualTo("apiVersion networking.k8s.io/v1 kind ServiceCIDR is not served by Kubernetes 1.30 (it is served by Kubernetes 1.33 to 1.35); use apiVersion networking.k8s.io/v1alpha1"));
            Assert.That(Summaries(yaml), Is.Empty);
        });
    }

    [Test]
    public void An_unsupported_kubernetes_version_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => Validate(OldDeployment, new AnalysisOptions { KubernetesVersion = "1.29" }));
        Assert.That(error!.Message, Is.EqualTo("Kubernetes version '1.29' is not supported; supported versions: 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"));
    }

    [Test]
    public void A_kind_without_schema_is_reported_once_as_info()
    {
        var yaml = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: a
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: b
            """;
        var findings = Validate(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL1109@2:7" }));
            Assert.That(findings[0].Severity, Is.EqualTo(Severity.Info));
        });
    }

    [Test]
    public void Rejecting_unknown_kinds_makes_them_errors()
    {
        var yaml = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: a
            """;
        var findings = Validate(yaml, new AnalysisOptions { RejectUnknownKinds = true });
        Assert.That(findings.Single().Severity, Is.EqualTo(Severity.Error));
    }
}
