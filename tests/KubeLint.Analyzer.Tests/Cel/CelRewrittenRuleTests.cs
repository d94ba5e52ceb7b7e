using KubeLint.Analyzer.Engine;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Cel;

/// <summary>
/// x-kubernetes-validations rules using the optional syntax, two-variable comprehensions, quantity equality and
/// string.format, reported as the API server reports a failed rule (apiextensions-apiserver
/// pkg/apiserver/schema/cel/validation.go, validateExpressions: fieldErrorForReason with the rule's message or the
/// messageExpression's string, at the rule's schema node).
/// </summary>
public sealed class CelRewrittenRuleTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: pools.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Pool, plural: pools}
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
                        - rule: "self.?tier.orValue('standard') in ['standard', 'premium']"
                          messageExpression: "'tier %s is not offered'.format([self.tier])"
                        - rule: "!has(self.size) || quantity(self.size) != quantity('0')"
                          message: size must not be zero
                      properties:
                        tier: {type: string}
                        size: {type: string}
                        ports:
                          type: array
                          items: {type: integer}
                          x-kubernetes-validations:
                            - rule: "self.all(i, v, i == 0 || v > self[i - 1])"
                              message: ports must be increasing
        """;

    private const int Offset = 33;

    private static string Pool(string spec) => Crd + "\n---\napiVersion: example.com/v1\nkind: Pool\nmetadata:\n  name: p\nspec:\n" + spec;

    [Test]
    public void A_pool_that_keeps_the_rules_has_no_findings()
        => Assert.That(Summaries(Pool("  tier: premium\n  size: 10Gi\n  ports: [80, 443, 8080]\n")), Is.Empty);

    [Test]
    public void An_optional_field_rule_reports_its_formatted_message()
        => AssertSingleFinding(Pool("  tier: gold\n"), $"KL1106@{Offset + 6}:3", "spec: Invalid value: \"object\": tier gold is not offered");

    [Test]
    public void Quantities_compare_by_value()
        => AssertSingleFinding(Pool("  size: 0Gi\n"), $"KL1106@{Offset + 6}:3", "spec: Invalid value: \"object\": size must not be zero");

    [Test]
    public void A_two_variable_comprehension_reports_at_its_field()
        => AssertSingleFinding(Pool("  ports: [443, 80]\n"), $"KL1106@{Offset + 6}:10", "spec.ports: Invalid value: \"array\": ports must be increasing");

    [Test]
    public void Before_1_33_a_two_variable_comprehension_is_not_evaluated()
    {
        var findings = Validate(Pool("  ports: [443, 80]\n"), new AnalysisOptions { KubernetesVersion = "1.32" });
        Assert.Multiple(() =>
        {
            Assert.That(KubeLint.Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { $"KL1113@{Offset + 6}:10" }));
            Assert.That(findings.Select(f => f.Message), Is.EqualTo(new[]
            {
                "spec.ports: x-kubernetes-validations rule not evaluated: self.all(i, v, i == 0 || v > self[i - 1]): two-variable comprehensions are available to CRD rules from Kubernetes 1.33",
            }));
        });
    }
}
