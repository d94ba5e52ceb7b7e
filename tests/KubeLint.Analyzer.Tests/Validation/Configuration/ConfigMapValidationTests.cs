using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Configuration;

public sealed class ConfigMapValidationTests
{
    private static string ConfigMap(string body) => "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n" + body;

    [Test]
    public void Keys_and_values_within_limits_are_accepted()
        => Assert.That(Reported(ConfigMap("data:\n  app.conf: x\nbinaryData:\n  logo.png: aGVsbG8=\n")), Is.Empty);

    [Test]
    public void Keys_are_config_keys_reported_at_the_key()
        => Assert.That(Reported(ConfigMap("data:\n  a/b: x\n  ..data: z\n")), Is.EqualTo(new[]
        {
            "KL1106@6:3 data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
            "KL1106@7:3 data[..data]: Invalid value: \"..data\": must not start with '..'",
        }));

    [Test]
    public void A_key_may_not_be_in_data_and_binary_data()
        => Assert.That(Reported(ConfigMap("data:\n  dup.key: x\nbinaryData:\n  dup.key: eA==\n")),
            Is.EqualTo(new[] { "KL1106@6:3 data[dup.key]: Invalid value: \"dup.key\": duplicate of key present in binaryData" }));

    [Test]
    public void Values_over_one_mebibyte_are_too_long()
    {
        var yaml = ConfigMap($"data:\n  big: \"{new string('x', 1048577)}\"\n");
        Assert.That(Reported(yaml), Is.EqualTo(new[] { "KL1112@5:1 []: Too long: may not be more than 1048576 bytes" }));
    }

    [Test]
    public void Values_of_exactly_one_mebibyte_are_accepted()
        => Assert.That(Reported(ConfigMap($"data:\n  big: \"{new string('x', 1048576)}\"\n")), Is.Empty);
}
