using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>validateResourceRequirements with validateContainerResourceName; request above limit is KL3008's.</summary>
public sealed class ResourceRequirementsValidationTests
{
    private static string Resources(string body) => Pod(Container("resources:\n" + body));

    [Test]
    public void Negative_quantities_print_in_canonical_form()
    {
        var yaml = Resources("  requests: {cpu: -0.5}\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@10:25" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[0].resources.requests[cpu]: Invalid value: \"-500m\": must be greater than or equal to 0"));
        });
    }

    [Test]
    public void Resource_names_must_be_standard_or_qualified()
        => Assert.That(Validate(Resources("  limits: {cpus: 1}\n")).Select(f => f.Message), Is.EquivalentTo(new[]
        {
            "spec.containers[0].resources.limits[cpus]: Invalid value: cpus: must be a standard resource type or fully qualified",
            "spec.containers[0].resources.limits[cpus]: Invalid value: cpus: must be a standard resource for containers",
        }));

    [Test]
    public void Extended_resources_are_whole_and_may_not_be_overcommitted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                Message(Resources("  requests: {example.com/gpu: 1}\n  limits: {example.com/gpu: 2}\n")),
                Is.EqualTo("spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2"));
            Assert.That(
                Message(Resources("  requests: {example.com/gpu: 1}\n")),
                Is.EqualTo("spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"));
            Assert.That(
                Validate(Resources("  limits: {example.com/gpu: 500m}\n")).Select(f => f.Message).First(),
                Is.EqualTo("spec.containers[0].resources.limits[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"500m\", Format:\"DecimalSI\"}: must be an integer"));
        });
    }

    // SetDefaults_Pod copies a Pod's limits into missing requests, so a limit alone is enough there.
    [Test]
    public void A_pods_limit_alone_defaults_its_request()
        => Assert.That(Summaries(Resources("  limits: {example.com/gpu: 1, cpu: 1}\n")), Is.Empty);

    [Test]
    public void Hugepages_need_cpu_or_memory_and_equal_requests()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Message(Resources("  limits: {hugepages-2Mi: 100Mi}\n")), Is.EqualTo("spec.containers[0].resources: Forbidden: HugePages require cpu or memory"));
            Assert.That(
                Message(Resources("  requests: {hugepages-2Mi: 50Mi, memory: 1Gi}\n  limits: {hugepages-2Mi: 100Mi, memory: 1Gi}\n")),
                Is.EqualTo("spec.containers[0].resources.requests: Invalid value: \"50Mi\": must be equal to hugepages-2Mi limit of 100Mi"));
        });
    }

    [Test]
    public void Requests_above_limits_are_left_to_their_rule()
        => Assert.That(Summaries(Resources("  requests: {cpu: 2}\n  limits: {cpu: 1}\n")), Is.Empty);
}
