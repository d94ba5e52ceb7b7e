using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Schema;

/// <summary>Keyed lists as server-side apply reads them: items need the key fields that have no default.</summary>
public sealed class KeyedListTests
{
    [Test]
    public void An_item_without_a_key_field_is_rejected()
    {
        var yaml = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: agent\nsecrets:\n  - namespace: default\n";
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1104@6:5" }));
            Assert.That(Message(yaml), Is.EqualTo("secrets[0]: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)"));
        });
    }

    [Test]
    public void A_key_field_with_a_default_may_be_left_out()
        => Assert.That(Summaries("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  imagePullSecrets:\n    - {}\n  containers:\n    - name: app\n      image: nginx\n"), Is.Empty);
}
