using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateValidatingAdmissionPolicy</c> and <c>ValidateValidatingAdmissionPolicyBinding</c> with their spec
/// validations (pkg/apis/admissionregistration/validation/validation.go) after pkg/apis/admissionregistration/v1/defaults.go
/// (failure policy Fail; match resources with match policy Equivalent and empty selectors). Everything but the
/// compilation of the CEL expressions: those are only required to be present.
/// </summary>
public sealed class ValidatingAdmissionPolicyValidation : ObjectValidation
{
    private const string Group = "admissionregistration.k8s.io";
    private const int MaxAuditAnnotations = 20;
    private const int MaxValueExpressionLength = 5 * 1024;

    private static readonly string[] FailurePolicies = ["Fail", "Ignore"];
    private static readonly string[] Reasons = ["Forbidden", "Invalid", "RequestEntityTooLarge"];
    private static readonly string[] ValidationActions = ["Audit", "Deny", "Warn"];
    private static readonly string[] NotFoundActions = ["Deny", "Allow"];

    private static readonly HashSet<string> CelReserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } =
        [(Group, "ValidatingAdmissionPolicy"), (Group, "ValidatingAdmissionPolicyBinding")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        var spec = view.Root.Child("spec");
        if (view.Object.Kind == "ValidatingAdmissionPolicy")
        {
            view.Default(spec, "failurePolicy", "Fail");
        }

        var match = spec.Child(view.Object.Kind == "ValidatingAdmissionPolicy" ? "matchConstraints" : "matchResources");
        if (match.IsSet)
        {
            view.Default(match, "matchPolicy", "Equivalent");
            view.Ensure(view.Reread(match).Child("namespaceSelector"));
            view.Ensure(view.Reread(match).Child("objectSelector"));
        }
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        if (context.Object.Kind == "ValidatingAdmissionPolicy")
        {
            ValidatePolicy(context, spec);
        }
        else
        {
            ValidateBinding(context, spec);
        }
    }

    private static void ValidatePolicy(ValidationContext context, Field spec)
    {
        var failurePolicy = spec.Child("failurePolicy");
        if (failurePolicy.String is { } policy && Array.IndexOf(FailurePolicies, policy) < 0)
        {
            context.NotSupported(failurePolicy, policy, FailurePolicies);
        }

        var paramKind = spec.Child("paramKind");
        if (paramKind.IsSet)
        {
            ValidateParamKind(context, paramKind);
        }

        var constraints = spec.Child("matchConstraints");
        if (!constraints.IsSet)
        {
            context.Required(constraints);
        }
        else
        {
            AdmissionRules.ValidateMatchResources(context, constraints);
            if (constraints.Child("resourceRules").Count == 0)
            {
                context.Required(constraints.Child("resourceRules"));
            }
        }

        AdmissionRules.ValidateMatchConditions(context, spec.Child("matchConditions"));
        foreach (var variable in spec.Child("variables").Items())
        {
            var name = variable.Child("name");
            var nameText = name.String ?? string.Empty;
            if (nameText.Trim().Length == 0)
            {
                context.Required(name, "name is not specified");
            }
            else if (!IsCelIdentifier(nameText))
            {
                context.Invalid(name, nameText, "name is not a valid CEL identifier");
            }

            if ((variable.Child("expression").String ?? string.Empty).Trim().Length == 0)
            {
                context.Required(variable.Child("expression"), "expression is not specified");
            }
        }

        var validations = spec.Child("validations");
        var auditAnnotations = spec.Child("auditAnnotations");
        if (validations.Count == 0 && auditAnnotations.Count == 0)
        {
            context.Required(validations, "validations or auditAnnotations must contain at least one item");
            context.Required(auditAnnotations, "validations or auditAnnotations must contain at least one item");
            return;
        }

        foreach (var validation in validations.Items())
        {
            ValidateValidation(context, validation);
        }

        ValidateAuditAnnotations(context, auditAnnotations);
    }

    /// <summary><c>validateValidation</c> without compiling the expressions.</summary>
    private static void ValidateValidation(ValidationContext context, Field validation)
    {
        var expression = validation.Child("expression");
        if ((expression.String ?? string.Empty).Trim().Length == 0)
        {
            context.Required(expression, "expression is not specified");
        }

        var messageExpression = validation.Child("messageExpression");
        if (messageExpression.String is { Length: > 0 } messageExpressionText && messageExpressionText.Trim().Length == 0)
        {
            context.Invalid(messageExpression, messageExpressionText, "must be non-empty if specified");
        }

        var message = validation.Child("message");
        if (message.String is { Length: > 0 } messageText)
        {
            if (messageText.Trim().Length == 0)
            {
                context.Invalid(message, messageText, "message must be non-empty if specified");
            }
            else if (messageText.Trim().IndexOfAny(['\n', '\r']) >= 0)
            {
                context.Invalid(message, messageText, "message must not contain line breaks");
            }
        }

        var reason = validation.Child("reason");
        if (reason.String is { } reasonText && Array.IndexOf(Reasons, reasonText) < 0)
        {
            context.NotSupported(reason, reasonText, Reasons);
        }
    }

    /// <summary>The audit annotations: at most 20, keys unique and qualified under the policy's name, values present.</summary>
    private static void ValidateAuditAnnotations(ValidationContext context, Field auditAnnotations)
    {
        if (auditAnnotations.Count > MaxAuditAnnotations)
        {
            context.Invalid(auditAnnotations, GoValue.Raw("[]admissionregistration.AuditAnnotation{...}"), $"must not have more than {MaxAuditAnnotations} auditAnnotations");
        }

        var policyName = context.Root.Child("metadata").Child("name").String ?? string.Empty;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var annotation in auditAnnotations.Items())
        {
            var key = annotation.Child("key");
            var keyText = key.String ?? string.Empty;
            if (policyName.Length > 0)
            {
                var qualified = policyName + "/" + keyText;
                context.Invalid(key, qualified, Syntax.IsQualifiedName(qualified));
            }
            else
            {
                context.Invalid(key, keyText, "requires metadata.name be non-empty");
            }

            var valueExpression = annotation.Child("valueExpression");
            var value = (valueExpression.String ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                context.Required(valueExpression, "valueExpression is not specified");
            }
            else if (value.Length > MaxValueExpressionLength)
            {
                context.Required(valueExpression, $"must not exceed {MaxValueExpressionLength} bytes in length");
            }

            if (!keys.Add(keyText))
            {
                context.Duplicate(key, keyText);
            }
        }
    }

    /// <summary><c>validateParamKind</c>.</summary>
    private static void ValidateParamKind(ValidationContext context, Field paramKind)
    {
        var apiVersion = paramKind.Child("apiVersion");
        var text = apiVersion.String ?? string.Empty;
        if (text.Length == 0)
        {
            context.Required(apiVersion);
        }
        else if (text.Count(c => c == '/') > 1)
        {
            context.Invalid(apiVersion, text, "unexpected GroupVersion string: " + text);
        }
        else if (text != "/")
        {
            var slash = text.IndexOf('/');
            var group = slash < 0 ? string.Empty : text.Substring(0, slash);
            var version = slash < 0 ? text : text.Substring(slash + 1);
            if (group.Length > 0 && Syntax.IsDns1123Subdomain(group) is { Count: > 0 } groupProblems)
            {
                context.Invalid(apiVersion, group, string.Join(",", groupProblems));
            }

            if (version.Length == 0)
            {
                context.Invalid(apiVersion, text, "version must be specified");
            }
            else if (Syntax.IsDns1035Label(version) is { Count: > 0 } versionProblems)
            {
                context.Invalid(apiVersion, version, string.Join(",", versionProblems));
            }
        }
        else
        {
            context.Invalid(apiVersion, text, "version must be specified");
        }

        var kind = paramKind.Child("kind");
        var kindText = kind.String ?? string.Empty;
        if (kindText.Length == 0)
        {
            context.Required(kind);
        }
        else if (Syntax.IsDns1035Label(kindText.ToLowerInvariant()) is { Count: > 0 } problems)
        {
            context.Invalid(kind, kindText, "may have mixed case, but should otherwise match: " + string.Join(",", problems));
        }
    }

    /// <summary><c>validateValidatingAdmissionPolicyBindingSpec</c>.</summary>
    private static void ValidateBinding(ValidationContext context, Field spec)
    {
        var policyName = spec.Child("policyName");
        if (policyName.String is { Length: > 0 } name)
        {
            context.Invalid(policyName, name, NameFunctions.NameIsDnsSubdomain(name, false));
        }
        else
        {
            context.Required(policyName);
        }

        ValidateParamRef(context, spec.Child("paramRef"));
        AdmissionRules.ValidateMatchResources(context, spec.Child("matchResources"));
        var actions = spec.Child("validationActions");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions.Items())
        {
            var text = action.String ?? string.Empty;
            if (Array.IndexOf(ValidationActions, text) < 0)
            {
                context.NotSupported(action, text, ValidationActions);
            }

            if (!seen.Add(text))
            {
                context.Duplicate(action, text);
            }
        }

        if (seen.Contains("Deny") && seen.Contains("Warn"))
        {
            context.Invalid(
                actions,
                GoValue.Slice("admissionregistration.ValidationAction", AdmissionRules.Strings(actions)),
                "must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)");
        }

        if (seen.Count == 0)
        {
            context.Required(actions, "at least one validation action is required");
        }
    }

    /// <summary><c>validateParamRef</c>: a name or a selector, and what to do when the parameter is missing.</summary>
    private static void ValidateParamRef(ValidationContext context, Field paramRef)
    {
        if (!paramRef.IsSet)
        {
            return;
        }

        var name = paramRef.Child("name");
        var selector = paramRef.Child("selector");
        var nameText = name.String ?? string.Empty;
        if (nameText.Length > 0)
        {
            context.Invalid(name, nameText, NameFunctions.PathSegmentName(nameText, false));
            if (selector.IsSet)
            {
                context.Forbidden(name, "name and selector are mutually exclusive");
            }
        }

        if (selector.IsSet)
        {
            LabelSelectorValidation.Validate(context, selector);
            if (nameText.Length > 0)
            {
                context.Forbidden(selector, "name and selector are mutually exclusive");
            }
        }

        if (nameText.Length == 0 && !selector.IsSet)
        {
            context.Required(paramRef, "one of name or selector must be specified");
        }

        var action = paramRef.Child("parameterNotFoundAction");
        if (action.String is not { Length: > 0 } actionText)
        {
            context.Required(action);
        }
        else if (Array.IndexOf(NotFoundActions, actionText) < 0)
        {
            context.NotSupported(action, actionText, NotFoundActions);
        }
    }

    /// <summary><c>isCELIdentifier</c>: <c>[_a-zA-Z][_a-zA-Z0-9]*</c> and not a reserved word.</summary>
    private static bool IsCelIdentifier(string name)
        => name.Length > 0 && (name[0] == '_' || name[0] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            && name.All(c => c == '_' || c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            && !CelReserved.Contains(name);
}
