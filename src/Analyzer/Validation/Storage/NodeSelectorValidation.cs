namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidateNodeSelector</c>, <c>ValidateNodeSelectorTerm</c>, <c>ValidateNodeSelectorRequirement</c> and
/// <c>ValidateNodeFieldSelectorRequirement</c> (pkg/apis/core/validation/validation.go), for a volume's node affinity.
/// </summary>
internal static class NodeSelectorValidation
{
    public static void Validate(ValidationContext context, Field selector)
    {
        var terms = selector.Child("nodeSelectorTerms");
        if (terms.Count == 0)
        {
            context.Required(terms, "must have at least one node selector term");
            return;
        }

        foreach (var term in terms.Items())
        {
            foreach (var requirement in term.Child("matchExpressions").Items())
            {
                ValidateRequirement(context, requirement);
            }

            foreach (var requirement in term.Child("matchFields").Items())
            {
                ValidateFieldRequirement(context, requirement);
            }
        }
    }

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
            case "Gt" or "Lt":
                if (values.Count != 1)
                {
                    context.Required(values, "must be specified single value when `operator` is 'Lt' or 'Gt'");
                }

                break;
            case var other:
                context.Invalid(op, other, "not a valid selector operator");
                break;
        }

        var key = requirement.Child("key");
        var keyText = key.String ?? string.Empty;
        context.Invalid(key, keyText, Syntax.IsQualifiedName(keyText));
    }

    private static void ValidateFieldRequirement(ValidationContext context, Field requirement)
    {
        var values = requirement.Child("values");
        var op = requirement.Child("operator");
        if (op.String is "In" or "NotIn")
        {
            if (values.Count != 1)
            {
                context.Required(values, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
            }
        }
        else
        {
            context.Invalid(op, op.String ?? string.Empty, "not a valid selector operator");
        }

        var key = requirement.Child("key");
        if (key.String != "metadata.name")
        {
            context.Invalid(key, key.String ?? string.Empty, "not a valid field selector key");
            return;
        }

        foreach (var value in values.Items())
        {
            var text = value.String ?? string.Empty;
            context.Invalid(value, text, Syntax.IsDns1123Subdomain(text));
        }
    }
}
