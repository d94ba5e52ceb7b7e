using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Rbac;

/// <summary>
/// <c>ValidateRole</c>, <c>ValidateClusterRole</c> and <c>ValidatePolicyRule</c>
/// (pkg/apis/rbac/validation/validation.go): rules need verbs and either non-resource URLs (ClusterRoles only) or API
/// groups and resources; an aggregation rule needs label selectors. Upstream names rules without a <c>spec.</c> prefix.
/// </summary>
public sealed class RoleValidation : ObjectValidation
{
    private const string Group = "rbac.authorization.k8s.io";

    public override string Area => ValidationAreas.Rbac;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [(Group, "Role"), (Group, "ClusterRole")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var namespaced = context.Object.Kind == "Role";
        foreach (var rule in context.Root.Child("rules").Items())
        {
            ValidatePolicyRule(context, rule, namespaced);
        }

        var aggregation = context.Root.Child("aggregationRule");
        if (namespaced || !aggregation.IsSet)
        {
            return;
        }

        var selectors = aggregation.Child("clusterRoleSelectors");
        if (selectors.Count == 0)
        {
            context.Required(selectors, "at least one clusterRoleSelector required if aggregationRule is non-nil");
        }

        foreach (var selector in selectors.Items())
        {
            LabelSelectorValidation.Validate(context, selector);
            if (!LabelSelectorValidation.IsValidSelector(selector))
            {
                // The failed conversion leaves a nil selector, which prints as "null".
                context.Invalid(selector, "null", "invalid label selector.");
            }
        }
    }

    /// <summary><c>ValidatePolicyRule</c>.</summary>
    private static void ValidatePolicyRule(ValidationContext context, Field rule, bool namespaced)
    {
        var verbs = rule.Child("verbs");
        if (verbs.Count == 0)
        {
            context.Required(verbs, "verbs must contain at least one value");
        }

        var urls = rule.Child("nonResourceURLs");
        var apiGroups = rule.Child("apiGroups");
        var resources = rule.Child("resources");
        if (urls.Count > 0)
        {
            var rendered = GoValue.Slice("string", urls.Items().Select(u => u.String ?? string.Empty));
            if (namespaced)
            {
                context.Invalid(urls, rendered, "namespaced rules cannot apply to non-resource URLs");
            }

            if (apiGroups.Count > 0 || resources.Count > 0 || rule.Child("resourceNames").Count > 0)
            {
                context.Invalid(urls, rendered, "rules cannot apply to both regular resources and non-resource URLs");
            }

            return;
        }

        if (apiGroups.Count == 0)
        {
            context.Required(apiGroups, "resource rules must supply at least one api group");
        }

        if (resources.Count == 0)
        {
            context.Required(resources, "resource rules must supply at least one resource");
        }
    }
}
