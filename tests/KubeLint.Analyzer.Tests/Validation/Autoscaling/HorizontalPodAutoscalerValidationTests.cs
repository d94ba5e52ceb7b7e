using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Autoscaling;

public sealed class HorizontalPodAutoscalerValidationTests
{
    private static string Autoscaler(string spec, string version = "v2")
        => $"apiVersion: autoscaling/{version}\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n" + spec;

    [Test]
    public void Max_replicas_alone_is_enough()
        => Assert.That(Reported(Autoscaler("  maxReplicas: 3\n")), Is.Empty);

    [Test]
    public void Max_replicas_is_at_least_the_defaulted_min()
        => Assert.That(Reported(Autoscaler("  maxReplicas: 0\n")), Is.EqualTo(new[]
        {
            "KL1106@10:16 spec.maxReplicas: Invalid value: 0: must be greater than 0",
            "KL1106@10:16 spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`",
        }));

    [Test]
    public void A_resource_metric_needs_a_target()
        => Assert.That(Reported(Autoscaler("  maxReplicas: 3\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          averageUtilization: 0\n          type: Utilization\n")),
            Is.EqualTo(new[] { "KL1106@16:31 spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0" }));

    [Test]
    public void A_written_empty_policy_list_is_not_defaulted()
        => Assert.That(Reported(Autoscaler("  maxReplicas: 3\n  behavior:\n    scaleDown:\n      policies: []\n")),
            Is.EqualTo(new[] { "KL1104@13:17 spec.behavior.scaleDown.policies: Required value: must specify at least one Policy" }));

    [Test]
    public void The_v1_cpu_target_is_reported_at_its_internal_path()
        => Assert.That(Reported(Autoscaler("  maxReplicas: 3\n  targetCPUUtilizationPercentage: 0\n", "v1")),
            Is.EqualTo(new[] { "KL1106@11:35 spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0" }));

    [Test]
    public void A_target_value_prints_as_the_quantity_it_points_to()
        => Assert.That(Reported(Autoscaler("  maxReplicas: 3\n  metrics:\n    - type: Pods\n      pods:\n        metric:\n          name: qps\n        target:\n          type: AverageValue\n          averageValue: \"0\"\n")),
            Is.EqualTo(new[] { "KL1106@18:25 spec.metrics[0].pods.target.averageValue: Invalid value: resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"0\", Format:\"DecimalSI\"}: must be positive" }));

    [Test]
    public void A_positive_target_value_passes()
        => Assert.That(Reported(Autoscaler("  maxReplicas: 3\n  metrics:\n    - type: Pods\n      pods:\n        metric:\n          name: qps\n        target:\n          type: AverageValue\n          averageValue: 100m\n")), Is.Empty);

    [TestCase("1.34", 0)]
    [TestCase("1.35", 1)]
    public void Negative_tolerances_are_checked_once_the_gate_is_on(string version, int findings)
        => Assert.That(Reported(Autoscaler("  maxReplicas: 3\n  behavior:\n    scaleUp:\n      tolerance: \"-0.1\"\n"), version), Has.Length.EqualTo(findings));
}
