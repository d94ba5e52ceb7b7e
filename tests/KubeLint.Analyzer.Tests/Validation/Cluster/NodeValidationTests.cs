using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Cluster;

public sealed class NodeValidationTests
{
    private static string Node(string spec) => "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\nspec:\n" + spec;

    [Test]
    public void A_node_with_taints_and_a_pod_cidr_is_accepted()
        => Assert.That(Reported(Node("  podCIDR: 10.244.1.0/24\n  taints:\n    - key: dedicated\n      value: gpu\n      effect: NoSchedule\n")), Is.Empty);

    [Test]
    public void Taints_are_unique_by_key_and_effect_under_upstreams_path()
        => Assert.That(Reported(Node("  taints:\n    - key: dedicated\n      effect: NoSchedule\n    - key: dedicated\n      value: other\n      effect: NoSchedule\n")),
            Is.EqualTo(new[] { "KL1108@9:7 metadata.taints[1]: Duplicate value: core.Taint{Key:\"dedicated\", Value:\"other\", Effect:\"NoSchedule\", TimeAdded:<nil>}: taints must be unique by key and effect pair" }));

    [Test]
    public void The_singular_pod_cidr_is_validated_as_the_first_pod_cidr()
        => Assert.That(Reported(Node("  podCIDR: 10.244.0.0/33\n")),
            Is.EqualTo(new[] { "KL1106@6:12 spec.podCIDRs[0]: Invalid value: \"10.244.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)" }));
}
