namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateResourceQuotaSpec</c>, <c>validateResourceQuotaScopes</c> and <c>validateScopedResourceSelectorRequirement</c>
/// (pkg/apis/core/validation/validation.go) with the scope sets of pkg/apis/core/helper/helpers.go. The strategy drops
/// the status on create. How quotas admit objects is the simulator's business; this is the object's own validation.
/// </summary>
public sealed class ResourceQuotaValidation : ObjectValidation
{
    private const string CrossNamespacePodAffinity = "CrossNamespacePodAffinity";

    private static readonly HashSet<string> StandardScopes = new(StringComparer.Ordinal)
    {
        "Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", CrossNamespacePodAffinity,
    };

    private static readonly HashSet<string> PodResources = new(StringComparer.Ordinal)
    {
        "pods", "cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory",
    };

    private static readonly (string, string)[] ConflictingScopes = [("BestEffort", "NotBestEffort"), ("Terminating", "NotTerminating")];

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "ResourceQuota")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var hard = spec.Child("hard");
        var resources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in hard.Entries())
        {
            ResourceNames.ValidateQuotaResourceName(context, hard.Key(name), name, value.KeyNode);
            QuantityValidation.ValidateResourceQuantityValue(context, value, name);
            resources.Add(name);
        }

        ValidateScopes(context, spec.Child("scopes"), resources);
        ValidateScopeSelector(context, spec, resources);
    }

    private static void ValidateScopes(ValidationContext context, Field scopes, SortedSet<string> resources)
    {
        var values = scopes.Items().Select(s => s.String ?? string.Empty).ToList();
        if (values.Count == 0)
        {
            return;
        }

        var rendered = GoValue.Slice("core.ResourceQuotaScope", values);
        foreach (var scope in values)
        {
            if (!StandardScopes.Contains(scope))
            {
                context.Invalid(scopes, rendered, "unsupported scope");
            }

            if (resources.Any(r => ResourceNames.IsStandardQuotaResource(r) && !IsScopeValidForResource(scope, r)))
            {
                context.Invalid(scopes, rendered, "unsupported scope applied to resource");
            }
        }

        if (ConflictingScopes.Any(pair => values.Contains(pair.Item1) && values.Contains(pair.Item2)))
        {
            context.Invalid(scopes, rendered, "conflicting scopes");
        }
    }

    /// <summary><c>validateScopedResourceSelectorRequirement</c>.</summary>
    private static void ValidateScopeSelector(ValidationContext context, Field spec, SortedSet<string> resources)
    {
        var selector = spec.Child("scopeSelector");
        if (!selector.IsSet)
        {
            return;
        }

        var expressions = selector.Child("matchExpressions");
        var names = new List<string>();
        foreach (var requirement in expressions.Items())
        {
            var scopeName = requirement.Child("scopeName");
            var scope = scopeName.String ?? string.Empty;
            var op = requirement.Child("operator");
            var opText = op.String ?? string.Empty;
            var values = requirement.Child("values");
            if (!StandardScopes.Contains(scope))
            {
                context.Invalid(expressions.Child("scopeName"), scope, "unsupported scope");
            }

            if (resources.Any(r => ResourceNames.IsStandardQuotaResource(r) && !IsScopeValidForResource(scope, r)))
            {
                context.Invalid(expressions, GoValue.Raw(RenderSelector(selector)), "unsupported scope applied to resource");
            }

            if (scope is "BestEffort" or "NotBestEffort" or "Terminating" or "NotTerminating" or CrossNamespacePodAffinity && opText != "Exists")
            {
                context.Invalid(
                    expressions.Child("operator"),
                    opText,
                    "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity");
            }

            switch (opText)
            {
                case "In" or "NotIn":
                    if (values.Count == 0)
                    {
                        context.Required(expressions.Child("values"), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector");
                    }

                    break;
                case "Exists" or "DoesNotExist":
                    if (values.Count > 0)
                    {
                        context.Invalid(expressions.Child("values"), GoValue.Slice("string", values.Items().Select(v => v.String ?? string.Empty)), "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector");
                    }

                    break;
                default:
                    context.Invalid(expressions.Child("operator"), opText, "not a valid selector operator");
                    break;
            }

            names.Add(scope);
        }

        if (ConflictingScopes.Any(pair => names.Contains(pair.Item1) && names.Contains(pair.Item2)))
        {
            // Upstream prints spec.scopes here, not the selector's scopes.
            context.Invalid(expressions, GoValue.Slice("core.ResourceQuotaScope", spec.Child("scopes").Items().Select(s => s.String ?? string.Empty)), "conflicting scopes");
        }
    }

    /// <summary><c>helper.IsResourceQuotaScopeValidForResource</c>.</summary>
    private static bool IsScopeValidForResource(string scope, string resource) => scope switch
    {
        "Terminating" or "NotTerminating" or "NotBestEffort" or "PriorityClass" or CrossNamespacePodAffinity => PodResources.Contains(resource),
        "BestEffort" => resource == "pods",
        _ => true,
    };

    private static string RenderSelector(Field selector)
    {
        var requirements = selector.Child("matchExpressions").Items().Select(r =>
            $"core.ScopedResourceSelectorRequirement{{ScopeName:{GoValue.Quote(r.Child("scopeName").String ?? string.Empty)}, Operator:{GoValue.Quote(r.Child("operator").String ?? string.Empty)}, Values:{GoValue.Slice("string", r.Child("values").Items().Select(v => v.String ?? string.Empty)).Rendered}}}");
        return "core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{" + string.Join(", ", requirements) + "}}";
    }
}
