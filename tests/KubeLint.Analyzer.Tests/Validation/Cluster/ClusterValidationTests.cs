using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Cluster;

/// <summary>Namespaces, LimitRanges, ResourceQuotas, PriorityClasses, Leases and EndpointSlices.</summary>
public sealed class ClusterValidationTests
{
    [Test]
    public void Namespace_finalizers_are_reported_without_an_index()
        => Assert.That(Reported("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\nspec:\n  finalizers: [custom]\n"),
            Is.EqualTo(new[] { "KL1106@6:16 spec.finalizers: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified" }));

    [Test]
    public void Limit_ranges_compare_min_with_the_defaulted_limits()
        => Assert.That(Reported("apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits\nspec:\n  limits:\n    - type: Container\n      min:\n        cpu: \"2\"\n      max:\n        cpu: \"1\"\n"), Is.EqualTo(new[]
        {
            "KL1106@9:14 spec.limits[0].min[cpu]: Invalid value: 2: min value 2 is greater than max value 1",
            "KL1106@11:14 spec.limits[0].defaultRequest[cpu]: Invalid value: 1: min value 2 is greater than default request value 1",
            "KL1106@11:14 spec.limits[0].default[cpu]: Invalid value: 2: min value 2 is greater than default value 1",
        }));

    [Test]
    public void Quota_object_counts_are_whole_numbers()
        => Assert.That(Reported("apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: quota\nspec:\n  hard:\n    pods: 500m\n    cpu: \"-1\"\n"), Is.EqualTo(new[]
        {
            "KL1106@7:11 spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"500m\", Format:\"DecimalSI\"}: must be an integer",
            "KL1106@8:10 spec.hard[cpu]: Invalid value: \"-1\": must be greater than or equal to 0",
        }));

    [Test]
    public void Quota_scopes_may_not_conflict()
        => Assert.That(Reported("apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: quota\nspec:\n  hard:\n    pods: \"10\"\n  scopes: [BestEffort, NotBestEffort]\n"),
            Is.EqualTo(new[] { "KL1106@8:11 spec.scopes: Invalid value: []core.ResourceQuotaScope{\"BestEffort\", \"NotBestEffort\"}: conflicting scopes" }));

    [Test]
    public void User_priority_classes_stay_below_a_billion()
        => Assert.That(Reported("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: urgent\nvalue: 2000000000\n"),
            Is.EqualTo(new[] { "KL1106@5:8 value: Forbidden: maximum allowed value of a user defined priority is 1000000000" }));

    [Test]
    public void System_priority_class_names_are_reserved()
        => Assert.That(Reported("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: system-urgent\nvalue: 10\n"),
            Is.EqualTo(new[] { "KL1106@4:9 metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-urgent is not a known system priority class" }));

    [Test]
    public void Lease_durations_are_positive()
        => Assert.That(Reported("apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: leader\nspec:\n  leaseDurationSeconds: 0\n"),
            Is.EqualTo(new[] { "KL1106@6:25 spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0" }));

    [Test]
    public void Endpoint_slice_addresses_follow_the_address_type()
        => Assert.That(Reported("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-1\naddressType: IPv4\nendpoints:\n  - addresses: [\"2001:db8::1\"]\nports:\n  - port: 80\n"),
            Is.EqualTo(new[] { "KL1106@7:17 endpoints[0].addresses[0]: Invalid value: \"2001:db8::1\": must be a valid IPv4 address" }));
}
