namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateLeaseSpec</c> (pkg/apis/coordination/validation/validation.go). The strategy and preferred holder
/// belong to the CoordinatedLeaderElection gate, off by default in 1.30-1.35, so the strategy drops them.
/// </summary>
public sealed class LeaseValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("coordination.k8s.io", "Lease")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var duration = spec.Child("leaseDurationSeconds");
        if (duration.Integer is <= 0 and var seconds)
        {
            context.Invalid(duration, seconds, "must be greater than 0");
        }

        var transitions = spec.Child("leaseTransitions");
        if (transitions.Integer is < 0 and var count)
        {
            context.Invalid(transitions, count, "must be greater than or equal to 0");
        }
    }
}
