using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Runs the x-kubernetes-validations rules of the schema nodes a custom resource walks through, and reports what the
/// API server reports (validateExpressions in apiextensions-apiserver pkg/apiserver/schema/cel/validation.go): a
/// false rule as fieldErrorForReason of its message (or messageExpression, or "failed rule: ..."), a run-time error
/// as "... evaluating rule: ...". Rules with oldSelf are transition rules, which the server skips on create.
/// </summary>
internal sealed class CelRuleEvaluator
{
    private readonly AnalysisContext _context;
    private readonly KubeObject _object;
    private readonly FieldPath _path;
    private readonly Action<RuleDescriptor, YamlNode, string> _report;
    private readonly CelValues _values = new();
    private readonly int? _minor;

    public CelRuleEvaluator(AnalysisContext context, KubeObject obj, FieldPath path, Action<RuleDescriptor, YamlNode, string> report)
    {
        _context = context;
        _object = obj;
        _path = path;
        _report = report;
        _minor = SchemaValidationPass.ResolveVersion(context.Options.KubernetesVersion) is { } version ? Validation.KubernetesVersion.Parse(version).Minor : null;
    }

    public void Evaluate(YamlNode node, SchemaNode schema)
    {
        if (!HasSchemaType(node, schema.Type))
        {
            // A value of the wrong type is already reported; the server never gets as far as its rules.
            return;
        }

        object? self = null;
        var converted = false;
        foreach (var rule in schema.Validations)
        {
            if (rule.UsesOldSelf)
            {
                continue;
            }

            if (!converted)
            {
                self = _values.Convert(node, schema);
                converted = true;
            }

            var outcome = CelEngine.Evaluate(rule.Rule, self, _minor);
            switch (outcome.Kind)
            {
                case CelOutcomeKind.Failed:
                    ReportFailure(node, schema, rule, self);
                    break;
                case CelOutcomeKind.RuntimeError:
                    _report(SchemaRules.InvalidValue, node, $"{Path(null)}: Invalid value: {ValueValidations.Quote(schema.TypeName)}: {EvaluationError(outcome.Detail, rule)}");
                    break;
                case CelOutcomeKind.NotEvaluated:
                    SayNotEvaluated(node, rule, outcome.Detail);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// validateExpressions' words for an evaluation error: a run-time "no such overload" (static type checking was
    /// bypassed, as for int-or-string) is quoted and explained; the others (no such key, integer overflow, division
    /// by zero, ...) read "... evaluating rule: ...".
    /// </summary>
    private static string EvaluationError(string error, CelRule rule)
        => error.StartsWith("no such overload", StringComparison.Ordinal)
            ? $"'{error}': call arguments did not match a supported operator, function or macro signature for rule: {rule.ErrorString}"
            : $"{error} evaluating rule: {rule.ErrorString}";

    private void ReportFailure(YamlNode node, SchemaNode schema, CelRule rule, object? self)
    {
        var message = (rule.MessageExpression is { Length: > 0 } expression ? CelEngine.EvaluateMessage(expression, self) : null) ?? rule.MessageOrDefault;
        var path = Path(rule.FieldPath);
        var value = ValueValidations.Quote(schema.TypeName);
        node = FieldPathNode(node, rule.FieldPath) ?? node;
        switch (rule.Reason)
        {
            case "FieldValueForbidden":
                _report(SchemaRules.InvalidValue, node, $"{path}: Forbidden: {message}");
                break;
            case "FieldValueRequired":
                _report(SchemaRules.RequiredFieldMissing, node, $"{path}: Required value: {message}");
                break;
            case "FieldValueDuplicate":
                _report(SchemaRules.DuplicateListKey, node, $"{path}: Duplicate value: {value}");
                break;
            default:
                _report(SchemaRules.InvalidValue, node, $"{path}: Invalid value: {value}: {message}");
                break;
        }
    }

    /// <summary>Rules this engine does not evaluate are said once per run, not once per object.</summary>
    private void SayNotEvaluated(YamlNode node, CelRule rule, string reason)
        => _context.ReportOnce(
            "cel-not-evaluated " + rule.Rule,
            SchemaRules.CelRuleNotEvaluated,
            _object,
            node,
            $"{Path(null)}: x-kubernetes-validations rule not evaluated: {rule.Rule.Trim()}: {reason}");

    /// <summary>The field path as the server prints it: "&lt;nil&gt;" for the object itself, the rule's fieldPath appended.</summary>
    private string Path(string? fieldPath)
    {
        var path = _path.ToString();
        var relative = fieldPath?.Trim().TrimStart('.') ?? string.Empty;
        if (relative.Length > 0)
        {
            path = path.Length == 0 ? relative : path + (relative[0] == '[' ? string.Empty : ".") + relative;
        }

        return path.Length == 0 ? "<nil>" : path;
    }

    /// <summary>
    /// The node a rule's fieldPath names below the rule's node (".a.b", "['a.b']": the forms validateFieldPath
    /// accepts), so that the finding points where the server's path does; null when the field is not written.
    /// </summary>
    private static YamlNode? FieldPathNode(YamlNode node, string? fieldPath)
    {
        var text = fieldPath?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < text.Length;)
        {
            if (node is not YamlMapping mapping)
            {
                return null;
            }

            string key;
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not ('.' or '['))
                {
                    end++;
                }

                key = text.Substring(i + 1, end - i - 1);
                i = end;
            }
            else if (string.CompareOrdinal(text, i, "['", 0, 2) == 0 && text.IndexOf("']", i + 2, StringComparison.Ordinal) is var close and > 0)
            {
                key = text.Substring(i + 2, close - i - 2);
                i = close + 2;
            }
            else
            {
                return null;
            }

            if (mapping[key] is not { } child)
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static bool HasSchemaType(YamlNode node, SchemaType type) => type switch
    {
        SchemaType.Object => node is YamlMapping,
        SchemaType.Array => node is YamlSequence,
        SchemaType.String => node is YamlScalar { Kind: ScalarKind.String },
        SchemaType.Integer => node is YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float },
        SchemaType.Number => node is YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float },
        SchemaType.Boolean => node is YamlScalar { Kind: ScalarKind.Bool },
        _ => true,
    };
}
