using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>Kubernetes decodes YAML with go-yaml v2, whose YAML 1.1 implicit types differ from YAML 1.2's.</summary>
public sealed class ScalarTypingTests
{
    [TestCase("yes", ScalarKind.Bool)]
    [TestCase("On", ScalarKind.Bool)]
    [TestCase("n", ScalarKind.Bool)]
    [TestCase("true", ScalarKind.Bool)]
    [TestCase("~", ScalarKind.Null)]
    [TestCase("null", ScalarKind.Null)]
    [TestCase("42", ScalarKind.Int)]
    [TestCase("-0x1F", ScalarKind.Int)]
    [TestCase("0o17", ScalarKind.Int)]
    [TestCase("1_000", ScalarKind.Int)]
    [TestCase("08", ScalarKind.Float)]
    [TestCase("1.5", ScalarKind.Float)]
    [TestCase("1e3", ScalarKind.Float)]
    [TestCase(".inf", ScalarKind.Float)]
    [TestCase("1.2.3", ScalarKind.String)]
    [TestCase("500m", ScalarKind.String)]
    [TestCase("\"42\"", ScalarKind.String)]
    [TestCase("'yes'", ScalarKind.String)]
    [TestCase("!!str 42", ScalarKind.String)]
    [TestCase("!!int \"42\"", ScalarKind.Int)]
    public void Plain_scalars_resolve_like_go_yaml_v2(string literal, ScalarKind expected)
    {
        var obj = Manifests.Load($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nvalue: {literal}\n").Objects.Single();

        Assert.That(((YamlScalar)obj.Root["value"]!).Kind, Is.EqualTo(expected));
    }

    [Test]
    public void Integer_values_are_read_in_their_base()
    {
        var obj = Manifests.Load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nvalue: 0x10\n").Objects.Single();

        Assert.Multiple(() =>
        {
            Assert.That(((YamlScalar)obj.Root["value"]!).TryGetInt64(out var value), Is.True);
            Assert.That(value, Is.EqualTo(16));
        });
    }
}
