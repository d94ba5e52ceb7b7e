using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Networking;

public sealed class IngressValidationTests
{
    private static string Ingress(string spec) => "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n" + spec;

    private static string Rule(string host, string path = "/", string pathType = "Prefix")
        => $"  rules:\n    - host: {host}\n      http:\n        paths:\n          - path: {path}\n            pathType: {pathType}\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n";

    [TestCase("shop.example.com")]
    [TestCase("\"*.example.com\"")]
    public void Valid_hosts_are_accepted(string host)
        => Assert.That(Reported(Ingress(Rule(host))), Is.Empty);

    [Test]
    public void Hosts_may_not_be_ip_addresses()
        => Assert.That(Reported(Ingress(Rule("1.2.3.4"))),
            Is.EqualTo(new[] { "KL1106@7:13 spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address" }));

    [Test]
    public void Placeholder_hosts_are_not_dns_names()
        => Assert.That(Reported(Ingress(Rule("__INGRESS_HOST__"))), Is.EqualTo(new[]
        {
            "KL1106@7:13 spec.rules[0].host: Invalid value: \"__INGRESS_HOST__\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        }));

    [Test]
    public void Prefix_paths_must_be_absolute_and_clean()
        => Assert.That(Reported(Ingress(Rule("shop.example.com", "/api//v1"))),
            Is.EqualTo(new[] { "KL1106@10:19 spec.rules[0].http.paths[0].path: Invalid value: \"/api//v1\": must not contain '//'" }));

    [Test]
    public void A_path_needs_a_path_type()
        => Assert.That(Reported(Ingress("  rules:\n    - http:\n        paths:\n          - path: /\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n")),
            Is.EqualTo(new[] { "KL1104@9:13 spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified" }));

    [Test]
    public void A_service_backend_needs_a_port()
        => Assert.That(Reported(Ingress("  defaultBackend:\n    service:\n      name: web\n")),
            Is.EqualTo(new[] { "KL1104@7:5 spec.defaultBackend: Required value: port name or number is required" }));

    [Test]
    public void An_ingress_needs_rules_or_a_default_backend()
        => Assert.That(Reported(Ingress("  ingressClassName: nginx\n")),
            Is.EqualTo(new[] { "KL1106@6:3 spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified" }));

    [Test]
    public void Tls_secret_names_are_dns_subdomains()
        => Assert.That(Reported(Ingress(Rule("shop.example.com") + "  tls:\n    - secretName: Bad_Secret\n")), Has.One.StartsWith("KL1106@18:19 spec.tls[0].secretName: Invalid value: \"Bad_Secret\": a lowercase RFC 1123 subdomain"));
}
