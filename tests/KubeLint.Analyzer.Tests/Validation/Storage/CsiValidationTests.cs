using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Storage;

public sealed class CsiValidationTests
{
    [Test]
    public void A_csi_driver_with_defaults_is_accepted()
        => Assert.That(Reported("apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata:\n  name: ebs.csi.aws.com\nspec:\n  attachRequired: true\n"), Is.Empty);

    [Test]
    public void Token_requests_last_at_least_ten_minutes()
        => Assert.That(Reported("apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata:\n  name: x.io\nspec:\n  tokenRequests:\n    - audience: vault\n      expirationSeconds: 60\n"),
            Is.EqualTo(new[] { "KL1106@8:26 spec.tokenRequests[0].expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes" }));

    [TestCase("1.34", 0)]
    [TestCase("1.35", 1)]
    public void The_allocatable_update_period_is_checked_once_its_gate_is_on(string version, int findings)
        => Assert.That(Reported("apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata:\n  name: x.io\nspec:\n  nodeAllocatableUpdatePeriodSeconds: 5\n", version), Has.Length.EqualTo(findings));

    [Test]
    public void Csi_node_drivers_are_unique_as_a_keyed_list_and_have_node_ids()
        => Assert.That(Reported("apiVersion: storage.k8s.io/v1\nkind: CSINode\nmetadata:\n  name: node-1\nspec:\n  drivers:\n    - name: x.io\n      nodeID: a\n    - name: x.io\n      nodeID: \"\"\n"), Is.EqualTo(new[]
        {
            "KL1108@9:13 spec.drivers[1]: duplicate entry with name=x.io",
            "KL1104@10:15 spec.drivers[1].nodeID: Required value",
        }));
}
