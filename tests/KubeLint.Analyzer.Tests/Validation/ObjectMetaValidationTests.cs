using KubeLint.Analyzer.Engine;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Validation;

/// <summary>ValidateObjectMetaAccessor with each kind's name function, as the API server runs it on create.</summary>
public sealed class ObjectMetaValidationTests
{
    private static string ConfigMap(string metadata) => "apiVersion: v1\nkind: ConfigMap\nmetadata:\n" + metadata;

    [Test]
    public void Annotation_keys_are_qualified_names_compared_in_lower_case()
    {
        var yaml = ConfigMap("  name: web\n  annotations:\n    Example.COM/Owner: team\n    bad key: x\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@7:5" }));
            Assert.That(Message(yaml), Does.StartWith("metadata.annotations: Invalid value: \"bad key\": name part must consist of"));
        });
    }

    [Test]
    public void Annotations_over_256_KiB_are_too_long()
    {
        var yaml = ConfigMap($"  name: web\n  annotations:\n    a: \"{new string('x', 262144)}\"\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1112@6:5" }));
            Assert.That(Message(yaml), Is.EqualTo("metadata.annotations: Too long: may not be more than 262144 bytes"));
        });
    }

    [Test]
    public void Annotations_of_exactly_256_KiB_are_accepted()
        => Assert.That(Summaries(ConfigMap($"  name: web\n  annotations:\n    a: \"{new string('x', 262143)}\"\n")), Is.Empty);

    [TestCase("kubernetes.io/pvc-protection")]
    [TestCase("foregroundDeletion")]
    [TestCase("kubernetes")]
    public void Standard_and_qualified_finalizers_are_accepted(string finalizer)
        => Assert.That(Summaries(ConfigMap($"  name: web\n  finalizers: [{finalizer}]\n")), Is.Empty);

    [Test]
    public void A_finalizer_without_a_domain_is_neither_standard_nor_qualified()
    {
        var yaml = ConfigMap("  name: web\n  finalizers:\n    - nodomain\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@6:7" }));
            Assert.That(Message(yaml), Is.EqualTo("metadata.finalizers[0]: Invalid value: \"nodomain\": name is neither a standard finalizer name nor is it fully qualified"));
        });
    }

    [Test]
    public void Pod_disruption_budget_finalizers_only_need_to_be_qualified_names()
        => Assert.That(Summaries("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: Web\n  finalizers: [nodomain]\nspec:\n  minAvailable: 1\n"), Is.Empty);

    [Test]
    public void An_owner_reference_needs_its_identity()
    {
        var yaml = ConfigMap("  name: web\n  ownerReferences:\n    - apiVersion: apps/v1\n      kind: Deployment\n      name: web\n      uid: \"\"\n");
        Assert.That(Message(yaml), Is.EqualTo("metadata.ownerReferences.uid: Invalid value: \"\": uid must not be empty"));
    }

    [Test]
    public void A_generate_name_may_end_with_a_dash()
        => Assert.That(Summaries(ConfigMap("  generateName: web-\n")), Is.Empty);

    [Test]
    public void A_namespace_on_a_cluster_scoped_kind_is_ignored()
        => Assert.That(Summaries("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n  namespace: Not_Valid\nrules: []\n"), Is.Empty);

    [Test]
    public void An_invalid_namespace_is_reported_on_namespaced_kinds()
        => Assert.That(Summaries(ConfigMap("  name: web\n  namespace: Shop\n")), Is.EqualTo(new[] { "KL1110@5:14" }));

    [Test]
    public void The_metadata_area_can_be_turned_off()
    {
        var options = new AnalysisOptions { DisabledValidationAreas = ["metadata"] };
        Assert.That(Summaries(ConfigMap("  name: Web\n"), options), Is.Empty);
    }
}
