namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidatePriorityClass</c> (pkg/apis/scheduling/validation/validation.go) with <c>IsKnownSystemPriorityClass</c>
/// (pkg/apis/scheduling/v1/helpers.go), after <c>SetDefaults_PriorityClass</c> (preemption policy PreemptLowerPriority).
/// Upstream names the value without a <c>spec.</c> prefix.
/// </summary>
public sealed class PriorityClassValidation : ObjectValidation
{
    /// <summary><c>HighestUserDefinablePriority</c>; system classes sit at twice that (<c>SystemCriticalPriority</c>).</summary>
    private const long HighestUserDefinablePriority = 1_000_000_000;
    private const string SystemPrefix = "system-";

    private static readonly string[] PreemptionPolicies = ["PreemptLowerPriority", "Never"];

    private static readonly (string Name, long Value)[] SystemClasses =
    [
        ("system-node-critical", (2 * HighestUserDefinablePriority) + 1000),
        ("system-cluster-critical", 2 * HighestUserDefinablePriority),
    ];

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("scheduling.k8s.io", "PriorityClass")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view) => view.Default(view.Root, "preemptionPolicy", "PreemptLowerPriority");

    public override void Validate(ValidationContext context)
    {
        var name = context.Root.Child("metadata").Child("name");
        var nameText = name.String ?? string.Empty;
        var value = context.Root.Child("value").Integer ?? 0;
        var globalDefault = context.Root.Child("globalDefault").Boolean ?? false;
        if (nameText.StartsWith(SystemPrefix, StringComparison.Ordinal))
        {
            if (SystemClassError(nameText, value, globalDefault) is { } error)
            {
                context.Forbidden(name, $"priority class names with '{SystemPrefix}' prefix are reserved for system use only. error: {error}");
            }
        }
        else if (value > HighestUserDefinablePriority)
        {
            context.Forbidden(context.Root.Child("value"), $"maximum allowed value of a user defined priority is {HighestUserDefinablePriority}");
        }

        var policy = context.Root.Child("preemptionPolicy");
        switch (policy.String)
        {
            case null or "PreemptLowerPriority" or "Never":
                break;
            case "":
                context.Required(policy);
                break;
            case var other:
                context.NotSupported(policy, other, PreemptionPolicies);
                break;
        }
    }

    private static string? SystemClassError(string name, long value, bool globalDefault)
    {
        foreach (var (systemName, systemValue) in SystemClasses)
        {
            if (systemName != name)
            {
                continue;
            }

            if (systemValue != value)
            {
                return $"value of {systemName} PriorityClass must be {systemValue}";
            }

            return globalDefault ? $"globalDefault of {systemName} PriorityClass must be false" : null;
        }

        return $"{name} is not a known system priority class";
    }
}
