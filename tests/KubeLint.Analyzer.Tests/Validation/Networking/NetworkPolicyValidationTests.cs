using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Networking;

public sealed class NetworkPolicyValidationTests
{
    private static string Policy(string spec) => "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n" + spec;

    [TestCase("1.30")]
    [TestCase("1.32")]
    [TestCase("1.35")]
    public void A_policy_without_a_pod_selector_selects_every_pod(string version)
        => Assert.That(Reported(Policy("  policyTypes: [Ingress]\n"), version), Is.Empty);

    [Test]
    public void A_peer_needs_a_selector_or_an_ip_block()
        => Assert.That(Reported(Policy("  ingress:\n    - from:\n        - {}\n")),
            Is.EqualTo(new[] { "KL1104@8:11 spec.ingress[0].from[0]: Required value: must specify a peer" }));

    [Test]
    public void An_ip_block_excludes_strict_subsets_only()
        => Assert.That(Reported(Policy("  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.0.0.0/16\n            except: [10.0.0.0/16, 10.0.1.0/24]\n")),
            Is.EqualTo(new[] { "KL1106@10:22 spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/16\": must be a strict subset of `cidr`" }));

    [Test]
    public void End_ports_need_a_numeric_port_below_them()
        => Assert.That(Reported(Policy("  ingress:\n    - ports:\n        - port: 9000\n          endPort: 8000\n")),
            Is.EqualTo(new[] { "KL1106@9:20 spec.ingress[0].ports[0].endPort: Invalid value: 9000: must be greater than or equal to `port`" }));

    [Test]
    public void Protocols_are_listed_in_upstreams_order()
        => Assert.That(Reported(Policy("  ingress:\n    - ports:\n        - protocol: ICMP\n")),
            Is.EqualTo(new[] { "KL1105@8:21 spec.ingress[0].ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"TCP\", \"UDP\", \"SCTP\"" }));

    [Test]
    public void At_most_two_policy_types()
        => Assert.That(Reported(Policy("  policyTypes: [Ingress, Egress, Both]\n")),
            Is.EqualTo(new[] { "KL1106@6:16 spec.policyTypes: Invalid value: []networking.PolicyType{\"Ingress\", \"Egress\", \"Both\"}: may not specify more than two policyTypes" }));
}
