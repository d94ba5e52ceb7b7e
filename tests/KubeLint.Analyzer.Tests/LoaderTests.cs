using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests;

public sealed class LoaderTests
{
    [Test]
    public void Keys_and_values_carry_their_exact_positions()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: demo
            data:
              key: value
            """);

        var obj = result.Objects.Single();
        var entry = obj.Root.GetMapping("data")!.GetEntry("key")!;
        Assert.Multiple(() =>
        {
            Assert.That(obj.Name, Is.EqualTo("demo"));
            Assert.That(entry.Key.Start.ToString(), Is.EqualTo("6:3"));
            Assert.That(entry.Value.Start.ToString(), Is.EqualTo("6:8"));
            Assert.That(((YamlScalar)entry.Value).Value, Is.EqualTo("value"));
        });
    }
}
