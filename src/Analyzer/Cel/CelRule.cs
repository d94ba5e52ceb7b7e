using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// One x-kubernetes-validations entry of a CRD schema (apiextensions ValidationRule): the rule, its message or
/// messageExpression, the reason that picks the field error type, and the fieldPath the error is reported at.
/// </summary>
internal sealed class CelRule
{
    public CelRule(string rule, string? message, string? messageExpression, string? reason, string? fieldPath)
    {
        Rule = rule;
        Message = message;
        MessageExpression = messageExpression;
        Reason = reason;
        FieldPath = fieldPath;
        UsesOldSelf = MentionsOldSelf(rule);
    }

    public string Rule { get; }

    public string? Message { get; }

    public string? MessageExpression { get; }

    /// <summary>FieldValueInvalid (the default), FieldValueForbidden, FieldValueRequired or FieldValueDuplicate.</summary>
    public string? Reason { get; }

    /// <summary>A JSON path relative to the node (".spec.x", "['a.b']"), or null.</summary>
    public string? FieldPath { get; }

    /// <summary>Transition rules compare with the stored object; on create there is none, so the server skips them.</summary>
    public bool UsesOldSelf { get; }

    /// <summary>ruleErrorString of cel/validation.go: the message if there is one, else the rule, trimmed.</summary>
    public string ErrorString => (string.IsNullOrWhiteSpace(Message) ? Rule : Message!).Trim();

    /// <summary>ruleMessageOrDefault: the message, or "failed rule: " and the rule.</summary>
    public string MessageOrDefault => string.IsNullOrWhiteSpace(Message) ? "failed rule: " + ErrorString : Message!.Trim();

    /// <summary>The rules of a schema node's x-kubernetes-validations; entries without a rule are skipped.</summary>
    public static IReadOnlyList<CelRule> ReadAll(YamlMapping schema)
    {
        if (schema.GetSequence("x-kubernetes-validations") is not { } entries)
        {
            return [];
        }

        var rules = new List<CelRule>();
        foreach (var entry in entries.Mappings)
        {
            if (entry.GetString("rule") is { Length: > 0 } rule)
            {
                rules.Add(new CelRule(rule, entry.GetString("message"), entry.GetString("messageExpression"), entry.GetString("reason"), entry.GetString("fieldPath")));
            }
        }

        return rules;
    }

    private static bool MentionsOldSelf(string rule)
    {
        for (var at = rule.IndexOf("oldSelf", StringComparison.Ordinal); at >= 0; at = rule.IndexOf("oldSelf", at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : rule[at - 1];
            var after = at + 7 < rule.Length ? rule[at + 7] : ' ';
            if (!char.IsLetterOrDigit(before) && before != '_' && !char.IsLetterOrDigit(after) && after != '_')
            {
                return true;
            }
        }

        return false;
    }
}
