using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Cel;

/// <summary>x-kubernetes-validations rules calling the URL, IP, CIDR, format, regex, sets and optional libraries, reported where the server reports them.</summary>
public sealed class CelLibraryRuleTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: links.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Link, plural: links}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      x-kubernetes-validations:
                        - rule: "!has(self.gateway) || cidr(self.subnet).containsIP(self.gateway)"
                          message: gateway must be inside subnet
                          fieldPath: .gateway
                        - rule: "!has(self.tags) || sets.contains(['a', 'b', 'c'], self.tags)"
                          message: unknown tag
                      properties:
                        endpoint:
                          type: string
                          x-kubernetes-validations:
                            - rule: "isURL(self) && url(self).getScheme() == 'https'"
                              message: endpoint must be an https URL
                        subnet:
                          type: string
                          x-kubernetes-validations:
                            - rule: "isCIDR(self) && cidr(self).prefixLength() <= 24"
                              messageExpression: "'subnet ' + self + ' is too small'"
                        gateway:
                          type: string
                          x-kubernetes-validations:
                            - rule: "!ip(self).isLoopback()"
                              message: gateway must not be a loopback address
                        host:
                          type: string
                          x-kubernetes-validations:
                            - rule: "!format.dns1123Subdomain().validate(self).hasValue()"
                              messageExpression: "format.dns1123Subdomain().validate(self).value().join(', ')"
                        code:
                          type: string
                          x-kubernetes-validations:
                            - rule: "self.find('[0-9]+') != ''"
                              message: code must contain digits
                        tags:
                          type: array
                          items: {type: string}
        """;

    private const int Offset = 53;

    private static string Link(string spec) => Crd + "\n---\napiVersion: example.com/v1\nkind: Link\nmetadata:\n  name: l\nspec:\n" + spec;

    [Test]
    public void A_custom_resource_that_keeps_the_rules_has_no_findings()
        => Assert.That(Summaries(Link("  endpoint: https://example.com/api\n  subnet: 10.0.0.0/24\n  gateway: 10.0.0.1\n  host: api.example.com\n  code: x42\n  tags: [a, c]\n")), Is.Empty);

    [Test]
    public void A_url_rule_reports_its_message_at_the_field()
        => AssertSingleFinding(Link("  endpoint: http://example.com\n"), $"KL1106@{Offset + 7}:13", "spec.endpoint: Invalid value: \"string\": endpoint must be an https URL");

    [Test]
    public void A_cidr_rule_reports_its_message_expression()
        => AssertSingleFinding(Link("  subnet: 10.0.0.0/28\n"), $"KL1106@{Offset + 7}:11", "spec.subnet: Invalid value: \"string\": subnet 10.0.0.0/28 is too small");

    [Test]
    public void A_rule_over_two_fields_reports_at_its_field_path()
        => AssertSingleFinding(Link("  subnet: 10.0.0.0/24\n  gateway: 10.0.1.1\n"), $"KL1106@{Offset + 8}:12", "spec.gateway: Invalid value: \"object\": gateway must be inside subnet");

    [Test]
    public void An_ip_that_does_not_parse_is_the_servers_run_time_error()
    {
        var yaml = Link("  subnet: 127.0.0.0/24\n  gateway: 127.0.0.01\n");
        Assert.That(Validate(yaml).Select(f => f.Message), Is.EqualTo(new[]
        {
            "spec: Invalid value: \"object\": IP Address \"127.0.0.01\" parse error during conversion from string: ParseAddr(\"127.0.0.01\"): IPv4 field has octet with leading zero evaluating rule: gateway must be inside subnet",
            "spec.gateway: Invalid value: \"string\": IP Address \"127.0.0.01\" parse error during conversion from string: ParseAddr(\"127.0.0.01\"): IPv4 field has octet with leading zero evaluating rule: gateway must not be a loopback address",
        }));
    }

    [Test]
    public void A_format_rule_reports_the_formats_errors()
    {
        var yaml = Link("  host: Api_Example\n");
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { $"KL1106@{Offset + 7}:9" }));
            Assert.That(Message(yaml), Does.StartWith("spec.host: Invalid value: \"string\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters"));
        });
    }

    [Test]
    public void Find_and_sets_rules_fire()
    {
        var yaml = Link("  code: abc\n  tags: [a, z]\n");
        Assert.That(Validate(yaml).Select(f => f.Message), Is.EqualTo(new[]
        {
            "spec: Invalid value: \"object\": unknown tag",
            "spec.code: Invalid value: \"string\": code must contain digits",
        }));
    }
}
