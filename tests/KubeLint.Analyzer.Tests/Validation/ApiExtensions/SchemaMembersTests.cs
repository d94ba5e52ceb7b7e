using KubeLint.Analyzer.Validation.ApiExtensions;

namespace KubeLint.Analyzer.Tests.Validation.ApiExtensions;

/// <summary>The JSON names of JSONSchemaProps' members, kept as a table and as a switch: the two must agree.</summary>
public sealed class SchemaMembersTests
{
    [Test]
    public void Every_member_name_parses_back_to_its_member()
    {
        foreach (var member in Enum.GetValues<SchemaMember>())
        {
            Assert.That(SchemaMembers.TryParse(SchemaMembers.NameOf(member), out var parsed), Is.True, SchemaMembers.NameOf(member));
            Assert.That(parsed, Is.EqualTo(member));
        }
    }

    [TestCase("Type")]
    [TestCase("patternproperties")]
    [TestCase("x-kubernetes-list-map-key")]
    [TestCase("")]
    public void Other_names_are_not_members(string name)
        => Assert.That(SchemaMembers.TryParse(name, out _), Is.False);
}
