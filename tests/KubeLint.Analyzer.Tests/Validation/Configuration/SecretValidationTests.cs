using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Configuration;

public sealed class SecretValidationTests
{
    private static string Secret(string body) => "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n" + body;

    [Test]
    public void An_opaque_secret_is_accepted()
        => Assert.That(Reported(Secret("stringData:\n  password: s3cret\n")), Is.Empty);

    [Test]
    public void String_data_keys_are_data_keys()
        => Assert.That(Reported(Secret("stringData:\n  bad key: x\n")), Is.EqualTo(new[]
        {
            "KL1106@6:3 data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        }));

    [Test]
    public void Tls_secrets_need_both_keys()
        => Assert.That(Reported(Secret("type: kubernetes.io/tls\nstringData:\n  tls.crt: x\n")),
            Is.EqualTo(new[] { "KL1104@6:1 data[tls.key]: Required value" }));

    [Test]
    public void Basic_auth_needs_a_username_or_a_password()
        => Assert.That(Reported(Secret("type: kubernetes.io/basic-auth\nstringData:\n  other: x\n")), Is.EqualTo(new[]
        {
            "KL1104@6:1 data[password]: Required value",
            "KL1104@6:1 data[username]: Required value",
        }));

    [Test]
    public void Docker_config_json_is_decoded_as_go_does()
        => Assert.That(Reported(Secret("type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: bm90IGpzb24=\n")),
            Is.EqualTo(new[] { "KL1106@7:22 data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')" }));

    [Test]
    public void A_service_account_token_needs_its_annotation()
        => Assert.That(Reported(Secret("type: kubernetes.io/service-account-token\n")),
            Is.EqualTo(new[] { "KL1104@3:1 metadata.annotations[kubernetes.io/service-account.name]: Required value" }));

    [Test]
    public void Values_over_one_mebibyte_are_too_long()
        => Assert.That(Reported(Secret($"stringData:\n  big: \"{new string('x', 1048577)}\"\n")),
            Is.EqualTo(new[] { "KL1112@5:1 data: Too long: may not be more than 1048576 bytes" }));

    [Test]
    public void Other_types_are_accepted_as_they_are()
        => Assert.That(Reported(Secret("type: example.com/custom\n")), Is.Empty);
}
