using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// What webhook configurations and admission policies share in pkg/apis/admissionregistration/validation/validation.go:
/// <c>validateRuleWithOperations</c>, <c>validateRule</c>, <c>validateResources</c>, <c>validateMatchResources</c>,
/// <c>validateNamedRuleWithOperations</c> and <c>validateMatchConditions</c> (names and presence of expressions;
/// the CEL expressions themselves are not compiled).
/// </summary>
internal static class AdmissionRules
{
    private static readonly string[] Operations = ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"];
    private static readonly string[] Scopes = ["*", "Cluster", "Namespaced"];
    private static readonly string[] MatchPolicies = ["Equivalent", "Exact"];
    private const int MaxMatchConditions = 64;

    /// <summary><c>validateRuleWithOperations</c> (subresources allowed).</summary>
    public static void ValidateRuleWithOperations(ValidationContext context, Field rule)
    {
        var operations = rule.Child("operations");
        var values = Strings(operations);
        if (values.Count == 0)
        {
            context.Required(operations);
        }

        if (values.Count > 1 && values.Contains("*"))
        {
            context.Invalid(operations, GoValue.Slice("admissionregistration.OperationType", values), "if '*' is present, must not specify other operations");
        }

        foreach (var operation in operations.Items())
        {
            if (operation.String is { } text && Array.IndexOf(Operations, text) < 0)
            {
                context.NotSupported(operation, text, Operations);
            }
        }

        ValidateRule(context, rule);
    }

    /// <summary><c>validateRule</c> with subresources allowed.</summary>
    private static void ValidateRule(ValidationContext context, Field rule)
    {
        var groups = rule.Child("apiGroups");
        var groupValues = Strings(groups);
        if (groupValues.Count == 0)
        {
            context.Required(groups);
        }

        if (groupValues.Count > 1 && groupValues.Contains("*"))
        {
            context.Invalid(groups, GoValue.Slice("string", groupValues), "if '*' is present, must not specify other API groups");
        }

        var versions = rule.Child("apiVersions");
        var versionValues = Strings(versions);
        if (versionValues.Count == 0)
        {
            context.Required(versions);
        }

        if (versionValues.Count > 1 && versionValues.Contains("*"))
        {
            context.Invalid(versions, GoValue.Slice("string", versionValues), "if '*' is present, must not specify other API versions");
        }

        foreach (var version in versions.Items())
        {
            if ((version.String ?? string.Empty).Length == 0)
            {
                context.Required(version);
            }
        }

        ValidateResources(context, rule.Child("resources"));
        var scope = rule.Child("scope");
        if (scope.String is { } scopeText && Array.IndexOf(Scopes, scopeText) < 0)
        {
            context.NotSupported(scope, scopeText, Scopes);
        }
    }

    /// <summary><c>validateResources</c>: resources and subresources, with the wildcard rules.</summary>
    private static void ValidateResources(ValidationContext context, Field resources)
    {
        var values = Strings(resources);
        if (values.Count == 0)
        {
            context.Required(resources);
        }

        var wildcardSubresources = new HashSet<string>(StringComparer.Ordinal);
        var wildcardResources = new HashSet<string>(StringComparer.Ordinal);
        bool doubleWildcard = false, singleWildcard = false, withoutSubresource = false;
        foreach (var item in resources.Items())
        {
            var value = item.String ?? string.Empty;
            if (value.Length == 0)
            {
                context.Required(item);
                continue;
            }

            doubleWildcard |= value == "*/*";
            singleWildcard |= value == "*";
            var slash = value.IndexOf('/');
            if (slash < 0)
            {
                // Upstream keeps only the last plain resource's answer here.
                withoutSubresource = value != "*";
                continue;
            }

            var resource = value.Substring(0, slash);
            var subresource = value.Substring(slash + 1);
            if (wildcardSubresources.Contains(resource))
            {
                context.Invalid(item, value, $"if '{resource}/*' is present, must not specify {value}");
            }

            if (wildcardResources.Contains(subresource))
            {
                context.Invalid(item, value, $"if '*/{subresource}' is present, must not specify {value}");
            }

            if (subresource == "*")
            {
                wildcardSubresources.Add(resource);
            }

            if (resource == "*")
            {
                wildcardResources.Add(subresource);
            }
        }

        if (values.Count > 1 && doubleWildcard)
        {
            context.Invalid(resources, GoValue.Slice("string", values), "if '*/*' is present, must not specify other resources");
        }

        if (singleWildcard && withoutSubresource)
        {
            context.Invalid(resources, GoValue.Slice("string", values), "if '*' is present, must not specify other resources without subresources");
        }
    }

    /// <summary><c>validateMatchResources</c> after <c>SetDefaults_MatchResources</c>.</summary>
    public static void ValidateMatchResources(ValidationContext context, Field match)
    {
        if (!match.IsSet)
        {
            return;
        }

        var matchPolicy = match.Child("matchPolicy");
        if (matchPolicy.String is { } policy && Array.IndexOf(MatchPolicies, policy) < 0)
        {
            context.NotSupported(matchPolicy, policy, MatchPolicies);
        }

        LabelSelectorValidation.Validate(context, match.Child("namespaceSelector"));
        LabelSelectorValidation.Validate(context, match.Child("objectSelector"));
        foreach (var list in new[] { "resourceRules", "excludeResourceRules" })
        {
            foreach (var rule in match.Child(list).Items())
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var name in rule.Child("resourceNames").Items())
                {
                    var text = name.String ?? string.Empty;
                    context.Invalid(name, text, NameFunctions.PathSegmentName(text, false));
                    if (!names.Add(text))
                    {
                        context.Duplicate(name, text);
                    }
                }

                ValidateRuleWithOperations(context, rule);
            }
        }
    }

    /// <summary><c>validateMatchConditions</c>: at most 64, each with an expression and a unique qualified name.</summary>
    public static void ValidateMatchConditions(ValidationContext context, Field conditions)
    {
        if (conditions.Count > MaxMatchConditions)
        {
            context.TooMany(conditions, conditions.Count, MaxMatchConditions);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in conditions.Items())
        {
            var expression = condition.Child("expression");
            if ((expression.String ?? string.Empty).Trim().Length == 0)
            {
                context.Required(expression);
            }

            var name = condition.Child("name");
            var text = name.String ?? string.Empty;
            if (text.Length == 0)
            {
                context.Required(name);
                continue;
            }

            context.Invalid(name, text, Syntax.IsQualifiedName(text));
            if (!names.Add(text))
            {
                context.Duplicate(name, text);
            }
        }
    }

    public static List<string> Strings(Field list) => list.Items().Select(i => i.String ?? string.Empty).ToList();
}
