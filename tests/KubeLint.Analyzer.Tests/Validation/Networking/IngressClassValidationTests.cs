using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Networking;

public sealed class IngressClassValidationTests
{
    private static string IngressClass(string spec) => "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n" + spec;

    [Test]
    public void A_controller_with_cluster_parameters_is_accepted()
        => Assert.That(Reported(IngressClass("  controller: k8s.io/ingress-nginx\n  parameters:\n    kind: IngressParameters\n    name: external\n")), Is.Empty);

    [Test]
    public void The_controller_is_a_domain_prefixed_path()
        => Assert.That(Reported(IngressClass("  controller: Bad Controller\n")),
            Is.EqualTo(new[] { "KL1106@6:15 spec.controller: Invalid value: \"Bad Controller\": must be a domain-prefixed path (such as \"acme.io/foo\")" }));

    [Test]
    public void Cluster_scoped_parameters_take_no_namespace()
        => Assert.That(Reported(IngressClass("  controller: k8s.io/ingress-nginx\n  parameters:\n    kind: IngressParameters\n    name: external\n    namespace: default\n")),
            Is.EqualTo(new[] { "KL1106@10:16 spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'" }));
}
