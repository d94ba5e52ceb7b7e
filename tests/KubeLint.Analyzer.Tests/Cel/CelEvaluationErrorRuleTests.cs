using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Cel;

/// <summary>
/// x-kubernetes-validations rules whose evaluation hits cel-go's error values (integer overflow, errors inside
/// all/exists), string.format of durations, and a quantity call the server does not compile, reported as the API
/// server reports them (apiextensions-apiserver pkg/apiserver/schema/cel/validation.go, validateExpressions: an
/// evaluation error as "... evaluating rule: ...", a false rule with its message).
/// </summary>
public sealed class CelEvaluationErrorRuleTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: batches.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Batch, plural: batches}
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
                        - rule: "!has(self.sizeMiB) || self.sizeMiB * 1048576 <= 1099511627776"
                          message: a batch holds at most 1 TiB
                        - rule: self.sizeMiB > 0 || !has(self.sizeMiB)
                          message: sizeMiB must be positive
                        - rule: "!has(self.timeout) || duration(self.timeout) <= duration('1h')"
                          messageExpression: "'timeout %s is longer than %s'.format([duration(self.timeout), duration('1h')])"
                      properties:
                        sizeMiB: {type: integer}
                        timeout: {type: string}
                        size:
                          type: string
                          x-kubernetes-validations:
                            - rule: quantity(self).sign() >= 0
                        limit:
                          type: string
                          x-kubernetes-validations:
                            - rule: sign(quantity(self)) >= 0
                              message: limit must not be negative
                        reserve:
                          type: string
                          x-kubernetes-validations:
                            - rule: quantity(self) == quantity('1').add(1)
                              message: reserve must be 2
                        items:
                          type: array
                          x-kubernetes-validations:
                            - rule: self.all(i, i.weight / i.parts > 0)
                              message: every item needs a positive weight per part
                          items:
                            type: object
                            properties:
                              weight: {type: integer}
                              parts: {type: integer}
                        stages:
                          type: array
                          x-kubernetes-validations:
                            - rule: self.exists(s, s.weight / s.parts >= 2)
                              message: a stage needs a weight of two per part
                          items:
                            type: object
                            properties:
                              weight: {type: integer}
                              parts: {type: integer}
        """;

    /// <summary>The line before the custom resource's first line.</summary>
    private const int Offset = 63;

    private static string Batch(string spec) => Crd + "\n---\napiVersion: example.com/v1\nkind: Batch\nmetadata:\n  name: b\nspec:\n" + spec;

    [Test]
    public void A_batch_that_keeps_the_rules_has_no_findings()
        => Assert.That(Summaries(Batch("  sizeMiB: 1024\n  timeout: 30m\n  limit: 1Gi\n  items: [{weight: 2, parts: 1}]\n  stages: [{weight: 2, parts: 1}]\n")), Is.Empty);

    [Test]
    public void An_integer_overflow_is_the_servers_evaluation_error()
        => AssertSingleFinding(Batch("  sizeMiB: 9000000000000\n"), $"KL1106@{Offset + 6}:3", "spec: Invalid value: \"object\": integer overflow evaluating rule: a batch holds at most 1 TiB");

    [Test]
    public void A_product_within_int64_fails_the_rule_with_its_message()
        => AssertSingleFinding(Batch("  sizeMiB: 2000000\n"), $"KL1106@{Offset + 6}:3", "spec: Invalid value: \"object\": a batch holds at most 1 TiB");

    [Test]
    public void A_message_expression_formats_durations_as_cel_go()
        => AssertSingleFinding(Batch("  timeout: 90m\n"), $"KL1106@{Offset + 6}:3", "spec: Invalid value: \"object\": timeout 5400s is longer than 3600s");

    [Test]
    public void Sign_called_as_a_method_is_not_evaluated_because_the_server_does_not_compile_it()
        => AssertSingleFinding(
            Batch("  size: 1Gi\n"),
            $"KL1113@{Offset + 6}:9",
            "spec.size: x-kubernetes-validations rule not evaluated: quantity(self).sign() >= 0: found no matching overload for 'sign' applied to a receiver: the quantity library declares sign as a global function only, so the server does not compile the rule");

    [Test]
    public void Sign_called_as_a_function_is_evaluated()
        => AssertSingleFinding(Batch("  limit: -1Gi\n"), $"KL1106@{Offset + 6}:10", "spec.limit: Invalid value: \"string\": limit must not be negative");

    [Test]
    public void An_error_in_all_is_masked_by_a_false_element()
        => AssertSingleFinding(Batch("  items: [{weight: 1}, {weight: -1, parts: 1}]\n"), $"KL1106@{Offset + 6}:10", "spec.items: Invalid value: \"array\": every item needs a positive weight per part");

    [Test]
    public void An_error_that_no_element_masks_in_all_is_the_servers_evaluation_error()
        => AssertSingleFinding(Batch("  items: [{weight: 1}, {weight: 2, parts: 1}]\n"), $"KL1106@{Offset + 6}:10", "spec.items: Invalid value: \"array\": no such key: parts evaluating rule: every item needs a positive weight per part");

    [Test]
    public void An_error_in_exists_is_masked_by_a_true_element()
        => Assert.That(Summaries(Batch("  stages: [{weight: 1}, {weight: 4, parts: 2}]\n")), Is.Empty);

    [Test]
    public void An_error_that_no_element_masks_in_exists_is_the_servers_evaluation_error()
        => AssertSingleFinding(Batch("  stages: [{weight: 1}, {weight: 1, parts: 1}]\n"), $"KL1106@{Offset + 6}:11", "spec.stages: Invalid value: \"array\": no such key: parts evaluating rule: a stage needs a weight of two per part");

    [Test]
    public void Exists_without_errors_fails_the_rule_with_its_message()
        => AssertSingleFinding(Batch("  stages: [{weight: 1, parts: 1}]\n"), $"KL1106@{Offset + 6}:11", "spec.stages: Invalid value: \"array\": a stage needs a weight of two per part");

    /// <summary>validateExpressions quotes a run-time "no such overload" and says the call matched no signature.</summary>
    [Test]
    public void A_run_time_no_such_overload_is_explained_as_the_server_does()
        => AssertSingleFinding(
            Batch("  reserve: '2'\n"),
            $"KL1106@{Offset + 6}:12",
            "spec.reserve: Invalid value: \"string\": 'no such overload': call arguments did not match a supported operator, function or macro signature for rule: reserve must be 2");

    /// <summary>cel-go's || is true when either side is: the missing field's error on the left is masked.</summary>
    [Test]
    public void A_missing_field_on_the_left_of_a_true_or_is_masked()
        => Assert.That(Summaries(Batch("  timeout: 30m\n")), Is.Empty);

    [Test]
    public void An_or_with_no_true_side_fails_with_its_message()
        => AssertSingleFinding(Batch("  sizeMiB: -1\n"), $"KL1106@{Offset + 6}:3", "spec: Invalid value: \"object\": sizeMiB must be positive");
}
