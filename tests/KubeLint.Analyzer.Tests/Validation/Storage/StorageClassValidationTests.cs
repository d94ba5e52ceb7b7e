using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Storage;

public sealed class StorageClassValidationTests
{
    private static string StorageClass(string body) => "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n" + body;

    [Test]
    public void A_provisioner_with_defaults_is_accepted()
        => Assert.That(Reported(StorageClass("provisioner: ebs.csi.aws.com\nparameters:\n  type: gp3\n")), Is.Empty);

    [Test]
    public void The_provisioner_is_required_in_the_servers_words()
        => Assert.That(Reported(StorageClass("reclaimPolicy: Retain\n")), Is.EqualTo(new[] { "KL1104@1:1 provisioner: Required value" }));

    [Test]
    public void The_provisioner_is_a_qualified_name()
        => Assert.That(Reported(StorageClass("provisioner: bad provisioner!\n")), Has.One.StartsWith("KL1106@5:14 provisioner: Invalid value: \"bad provisioner!\": name part must consist of"));

    [Test]
    public void Recycle_is_not_a_storage_class_reclaim_policy()
        => Assert.That(Reported(StorageClass("provisioner: x.io/y\nreclaimPolicy: Recycle\n")),
            Is.EqualTo(new[] { "KL1105@6:16 reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\"" }));

    [Test]
    public void Topology_requirements_need_values()
        => Assert.That(Reported(StorageClass("provisioner: x.io/y\nallowedTopologies:\n  - matchLabelExpressions:\n      - key: topology.kubernetes.io/zone\n        values: []\n")),
            Is.EqualTo(new[] { "KL1104@9:17 allowedTopologies[0].matchLabelExpressions[0].values: Required value" }));

    [Test]
    public void A_topology_term_without_expressions_counts_as_a_duplicate_as_upstream()
        => Assert.That(Reported(StorageClass("provisioner: x.io/y\nallowedTopologies:\n  - matchLabelExpressions: []\n")),
            Is.EqualTo(new[] { "KL1108@7:28 allowedTopologies[0].matchLabelExpressions: Duplicate value: \"\"" }));
}
