namespace KubeLint.Analyzer.Validation.Metadata;

/// <summary>
/// <c>ValidateLabelSelector</c>, <c>ValidateLabelSelectorRequirement</c> and <c>ValidateLabelName</c>
/// (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go), and whether
/// <c>metav1.LabelSelectorAsSelector</c> accepts a selector (staging/.../apis/meta/v1/helpers.go with
/// labels.NewRequirement). The matchLabels keys and values are checked by schema validation wherever a label
/// selector appears, so only the expressions are checked here.
/// </summary>
public static class LabelSelectorValidation
{
    /// <summary><c>ValidateLabelSelector</c> with <c>AllowInvalidLabelValueInSelector: false</c> (every create).</summary>
    public static void Validate(ValidationContext context, Field selector)
    {
        if (!selector.IsSet)
        {
            return;
        }

        foreach (var expression in selector.Child("matchExpressions").Items())
        {
            ValidateRequirement(context, expression);
        }
    }

    /// <summary><c>ValidateLabelName</c>: a qualified name.</summary>
    public static void ValidateLabelName(ValidationContext context, Field field, string name)
    {
        foreach (var problem in Syntax.IsQualifiedName(name))
        {
            context.Invalid(field, name, problem);
        }
    }

    /// <summary>
    /// Whether <c>LabelSelectorAsSelector</c> converts the selector without error: known operators, values present
    /// exactly when the operator needs them, qualified keys and valid label values.
    /// </summary>
    public static bool IsValidSelector(Field selector)
    {
        foreach (var (key, value) in selector.Child("matchLabels").Entries())
        {
            if (Syntax.IsQualifiedName(key).Count > 0 || Syntax.IsValidLabelValue(value.String ?? string.Empty).Count > 0)
            {
                return false;
            }
        }

        foreach (var expression in selector.Child("matchExpressions").Items())
        {
            var values = expression.Child("values");
            var ok = (expression.Child("operator").String ?? string.Empty) switch
            {
                "In" or "NotIn" => values.Count > 0,
                "Exists" or "DoesNotExist" => values.Count == 0,
                _ => false,
            };
            if (!ok || Syntax.IsQualifiedName(expression.Child("key").String ?? string.Empty).Count > 0
                || values.Items().Any(v => Syntax.IsValidLabelValue(v.String ?? string.Empty).Count > 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the selector has neither matchLabels nor matchExpressions entries.</summary>
    public static bool IsEmpty(Field selector) => selector.Child("matchLabels").Count + selector.Child("matchExpressions").Count == 0;

    private static void ValidateRequirement(ValidationContext context, Field requirement)
    {
        var values = requirement.Child("values");
        var op = requirement.Child("operator");
        switch (op.String ?? string.Empty)
        {
            case "In" or "NotIn":
                if (values.Count == 0)
                {
                    context.Required(values, "must be specified when `operator` is 'In' or 'NotIn'");
                }

                break;
            case "Exists" or "DoesNotExist":
                if (values.Count > 0)
                {
                    context.Forbidden(values, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }

                break;
            default:
                context.Invalid(op, op.String ?? string.Empty, "not a valid selector operator");
                break;
        }

        var key = requirement.Child("key");
        ValidateLabelName(context, key, key.String ?? string.Empty);
        foreach (var value in values.Items())
        {
            context.Invalid(value, value.String ?? string.Empty, Syntax.IsValidLabelValue(value.String ?? string.Empty));
        }
    }
}
