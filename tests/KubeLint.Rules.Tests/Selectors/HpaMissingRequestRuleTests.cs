using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

/// <summary>replica_calculator.go calculatePodRequests: "missing request for cpu in container ..." stops the HPA.</summary>
public sealed class HpaMissingRequestRuleTests
{
    private static string Deployment(string resources, string sidecar = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec:
        {{sidecar}}
              containers:
                - name: web
                  image: nginx:1.27
                  resources: {{resources}}
        ---

        """;

    private static string Hpa(string apiVersion, string metrics) => $$"""
        apiVersion: {{apiVersion}}
        kind: HorizontalPodAutoscaler
        metadata: { name: web, namespace: shop }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
          maxReplicas: 5
        {{metrics}}
        """;

    private const string CpuUtilization = "  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]";

    [Test]
    public void A_container_without_the_cpu_request_is_reported_at_its_requests()
    {
        var findings = Manifests.Lint(Deployment("{requests: {memory: 64Mi}}") + Hpa("autoscaling/v2", CpuUtilization), new HpaMissingRequestRule());
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2010@13:23" }));
        Assert.That(findings[0].Message, Is.EqualTo("HorizontalPodAutoscaler \"web\" cannot scale (FailedGetResourceMetric): failed to get cpu utilization: missing request for cpu in container \"web\""));
    }

    [Test]
    public void V1_and_metricless_v2_default_to_cpu_utilization()
    {
        Assert.That(Manifests.Summaries(Manifests.Lint(Deployment("{}") + Hpa("autoscaling/v1", "  targetCPUUtilizationPercentage: 60"), new HpaMissingRequestRule())), Is.EqualTo(new[] { "KL2010@13:11" }));
        Assert.That(Manifests.Summaries(Manifests.Lint(Deployment("{}") + Hpa("autoscaling/v2", string.Empty), new HpaMissingRequestRule())), Is.EqualTo(new[] { "KL2010@13:11" }));
    }

    [Test]
    public void Sidecars_are_measured_init_containers_are_not()
    {
        const string sidecar = "      initContainers:\n        - {name: proxy, image: envoy:1, restartPolicy: Always}\n        - {name: setup, image: busybox:1}";
        var findings = Manifests.Lint(Deployment("{requests: {cpu: 100m}}", sidecar) + Hpa("autoscaling/v2", CpuUtilization), new HpaMissingRequestRule());
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2010@10:12" }));
        Assert.That(findings[0].Message, Does.EndWith("missing request for cpu in sidecar container \"proxy\""));
        Assert.That(Manifests.Lint(Deployment("{requests: {cpu: 100m}}", sidecar.Replace(", restartPolicy: Always", string.Empty)) + Hpa("autoscaling/v2", CpuUtilization), new HpaMissingRequestRule()), Is.Empty);
    }

    [TestCase("{limits: {cpu: 500m}}")]
    [TestCase("{requests: {cpu: 100m}}")]
    public void A_request_or_a_limit_is_enough(string resources)
        => Assert.That(Manifests.Lint(Deployment(resources) + Hpa("autoscaling/v2", CpuUtilization), new HpaMissingRequestRule()), Is.Empty);

    [Test]
    public void Average_value_targets_other_containers_and_limit_range_defaults_are_fine()
    {
        var averageValue = "  metrics: [{type: Resource, resource: {name: cpu, target: {type: AverageValue, averageValue: 200m}}}]";
        Assert.That(Manifests.Lint(Deployment("{}") + Hpa("autoscaling/v2", averageValue), new HpaMissingRequestRule()), Is.Empty);
        var otherContainer = "  metrics: [{type: ContainerResource, containerResource: {name: cpu, container: proxy, target: {type: Utilization, averageUtilization: 70}}}]";
        Assert.That(Manifests.Lint(Deployment("{}") + Hpa("autoscaling/v2", otherContainer), new HpaMissingRequestRule()), Is.Empty);
        const string limitRange = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: shop}\nspec:\n  limits: [{type: Container, defaultRequest: {cpu: 100m}}]\n---\n";
        Assert.That(Manifests.Lint(limitRange + Deployment("{}") + Hpa("autoscaling/v2", CpuUtilization), new HpaMissingRequestRule()), Is.Empty);
    }
}
