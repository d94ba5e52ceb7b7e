using KubeLint.Testing;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Cel;

/// <summary>x-kubernetes-validations on custom resources, with the API server's messages (kubectl-validate's CEL cases among them).</summary>
public sealed class CelRuleTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gauges.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Gauge, plural: gauges}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-validations:
                    - rule: "!has(self.other) || self.other % self.value == 0"
                      message: Other must be a multiple of value
                  properties:
                    value:
                      type: integer
                      x-kubernetes-validations:
                        - rule: self > 0
                          message: Must be positive non-zero
                    other:
                      type: integer
                    name:
                      type: string
                      x-kubernetes-validations:
                        - rule: self.lowerAscii() == self
                          messageExpression: "'name ' + self + ' must be lower case'"
                        - rule: "self.matches('^[a-z]+$')"
                          reason: FieldValueForbidden
                    limits:
                      type: object
                      x-kubernetes-validations:
                        - rule: quantity(self.max).isGreaterThan(quantity(self.min))
                          fieldPath: .max
                        - rule: self.min != oldSelf.min
                        - rule: self.max != ''
                          message: max is empty
                      properties:
                        min: {type: string}
                        max: {type: string}
                    ports:
                      type: array
                      items: {type: integer}
                      x-kubernetes-validations:
                        - rule: self.isSorted() && self.sum() < 100
                    mode:
                      type: string
                      default: fast
                    speed:
                      type: object
                      x-kubernetes-validations:
                        - rule: "self.mode == 'fast'"
                      properties:
                        mode: {type: string, default: fast}
        """;

    private const int Offset = 58;

    private static string Gauge(string body) => Crd + "\n---\napiVersion: example.com/v1\nkind: Gauge\nmetadata:\n  name: g\n" + body;

    /// <summary>
    /// Objects are validated in parallel; a rule the engine cannot evaluate is still said once, at the first object
    /// in input order, whatever the scheduling.
    /// </summary>
    [Test]
    public void A_rule_that_is_not_evaluated_is_said_once_at_the_first_object()
    {
        const string crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: dials.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Dial, plural: dials}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        value:
                          type: integer
                          x-kubernetes-validations:
                            - rule: self.frobnicate() == 1
            """;
        var dials = string.Concat(Enumerable.Range(0, 64).Select(i => $"\n---\napiVersion: example.com/v1\nkind: Dial\nmetadata:\n  name: d{i}\nvalue: {i}\n"));
        for (var run = 0; run < 5; run++)
        {
            var notEvaluated = Validate(crd + dials).Where(f => f.RuleId == "KL1113").ToList();
            Assert.That(notEvaluated, Has.Count.EqualTo(1));
            Assert.That(notEvaluated[0].Object?.Name, Is.EqualTo("d0"));
            Assert.That(notEvaluated[0].Location.Span.Start.Line, Is.EqualTo(26), notEvaluated[0].ToString());
            Assert.That(notEvaluated[0].Location.Span.Start.Column, Is.EqualTo(8));
        }
    }

    [Test]
    public void A_custom_resource_that_keeps_its_rules_has_no_findings()
        => Assert.That(Summaries(Gauge("value: 3\nother: 9\nname: abc\nlimits: {min: 500m, max: '1'}\nports: [1, 2]\nspeed: {}\n")), Is.Empty);

    [Test]
    public void A_false_rule_reports_its_message_at_the_value()
        => AssertSingleFinding(Gauge("value: -3\n"), $"KL1106@{Offset + 6}:8", "value: Invalid value: \"integer\": Must be positive non-zero");

    [Test]
    public void A_rule_of_the_object_itself_is_reported_at_nil()
        => AssertSingleFinding(Gauge("value: 3\nother: 8\n"), $"KL1106@{Offset + 2}:1", "<nil>: Invalid value: \"object\": Other must be a multiple of value");

    [Test]
    public void Message_expressions_reasons_and_field_paths_follow_the_server()
    {
        var messages = Validate(Gauge("name: Abc\nlimits: {min: '2', max: 1500m}\n")).Select(f => f.Message);
        Assert.That(messages, Is.EqualTo(new[]
        {
            "name: Forbidden: failed rule: self.matches('^[a-z]+$')",
            "name: Invalid value: \"string\": name Abc must be lower case",
            "limits.max: Invalid value: \"object\": failed rule: quantity(self.max).isGreaterThan(quantity(self.min))",
        }));
    }

    [Test]
    public void List_functions_are_evaluated()
        => Assert.That(Summaries(Gauge("ports: [3, 1]\n")), Is.EqualTo(new[] { $"KL1106@{Offset + 6}:8" }));

    [Test]
    public void Rules_see_schema_defaults()
        => Assert.That(Summaries(Gauge("speed: {}\n")), Is.Empty);

    [Test]
    public void A_missing_field_is_the_servers_no_such_key_error()
    {
        var yaml = Gauge("limits: {min: '1'}\n");
        Assert.That(Validate(yaml).Where(f => f.RuleId == "KL1106").Select(f => f.Message).Single(), Is.EqualTo("limits: Invalid value: \"object\": no such key: max evaluating rule: max is empty"));
    }
}
