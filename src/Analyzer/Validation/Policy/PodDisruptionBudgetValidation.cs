using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Policy;

/// <summary>
/// <c>ValidatePodDisruptionBudget</c> and <c>ValidatePodDisruptionBudgetSpec</c>
/// (pkg/apis/policy/validation/validation.go). Its metadata is not validated with <c>ValidateObjectMeta</c>, so names
/// only need to be path segments (<see cref="NameFunctions"/>).
/// </summary>
public sealed class PodDisruptionBudgetValidation : ObjectValidation
{
    private static readonly string[] EvictionPolicies = ["AlwaysAllow", "IfHealthyBudget"];

    public override string Area => ValidationAreas.Policy;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("policy", "PodDisruptionBudget")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var minAvailable = spec.Child("minAvailable");
        var maxUnavailable = spec.Child("maxUnavailable");
        if (minAvailable.IsSet && maxUnavailable.IsSet)
        {
            // Upstream prints the spec struct, whose pointers say nothing to a reader.
            context.Invalid(spec, GoValue.Raw("policy.PodDisruptionBudgetSpec{...}"), "minAvailable and maxUnavailable cannot be both set");
        }

        foreach (var field in new[] { minAvailable, maxUnavailable })
        {
            if (field.IsSet)
            {
                IntOrStringValidation.ValidatePositiveIntOrPercent(context, field);
                IntOrStringValidation.IsNotMoreThan100Percent(context, field);
            }
        }

        LabelSelectorValidation.Validate(context, spec.Child("selector"));
        var policy = spec.Child("unhealthyPodEvictionPolicy");
        if (policy.String is { } value && Array.IndexOf(EvictionPolicies, value) < 0)
        {
            context.NotSupported(policy, value, EvictionPolicies);
        }
    }
}
