namespace KubeLint.Analyzer.Validation.Metadata;

/// <summary>
/// <c>ValidateLabelSelector</c> and <c>ValidateLabelSelectorRequirement</c>
/// (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go), for the selectors of every kind that
/// has one. <c>matchLabels</c> is left to schema validation, which checks the label maps of every LabelSelector with
/// the same <c>ValidateLabels</c> messages.
/// </summary>
public static class LabelSelectorValidation
{
    /// <summary>Validates <paramref name="selector"/> (absent is valid, as a nil selector is upstream).</summary>
    public static void Validate(ValidationContext context, Field selector, bool allowInvalidLabelValues = false)
    {
        foreach (var requirement in selector.Child("matchExpressions").Items())
        {
            ValidateRequirement(context, requirement, allowInvalidLabelValues);
        }
    }

    /// <summary>
    /// Whether <c>metav1.LabelSelectorAsSelector</c> converts the selector without error: every label and
    /// requirement must be one <c>labels.NewRequirement</c> accepts.
    /// </summary>
    public static bool ConvertsToSelector(Field selector)
    {
        foreach (var (key, value) in selector.Child("matchLabels").Entries())
        {
            if (Syntax.IsQualifiedName(key).Count > 0 || (value.String is { } text && Syntax.IsValidLabelValue(text).Count > 0))
            {
                return false;
            }
        }

        foreach (var requirement in selector.Child("matchExpressions").Items())
        {
            var values = requirement.Child("values");
            var valid = requirement.Child("operator").String switch
            {
                "In" or "NotIn" => values.Count > 0,
                "Exists" or "DoesNotExist" => values.Count == 0,
                _ => false,
            };
            if (!valid || Syntax.IsQualifiedName(requirement.Child("key").String ?? string.Empty).Count > 0
                || values.Items().Any(v => v.String is { } text && Syntax.IsValidLabelValue(text).Count > 0))
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateRequirement(ValidationContext context, Field requirement, bool allowInvalidLabelValues)
    {
        var values = requirement.Child("values");
        var operatorField = requirement.Child("operator");
        switch (operatorField.String ?? string.Empty)
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
            case var other:
                context.Invalid(operatorField, other, "not a valid selector operator");
                break;
        }

        var key = requirement.Child("key");
        var keyText = key.String ?? string.Empty;
        context.Invalid(key, keyText, Syntax.IsQualifiedName(keyText));
        if (allowInvalidLabelValues)
        {
            return;
        }

        foreach (var value in values.Items())
        {
            if (value.String is { } text)
            {
                context.Invalid(value, text, Syntax.IsValidLabelValue(text));
            }
        }
    }
}
