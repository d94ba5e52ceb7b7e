namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidateCSIDriver</c> and <c>validateCSIDriverSpec</c> (pkg/apis/storage/validation/validation.go) after
/// <c>SetDefaults_CSIDriver</c> (pkg/apis/storage/v1/defaults.go), which fills every flag the validation requires.
/// Version difference: MutableCSINodeAllocatableCount (on from 1.35) validates
/// <c>spec.nodeAllocatableUpdatePeriodSeconds</c>, which 1.33 and 1.34 drop.
/// </summary>
public sealed class CsiDriverValidation : ObjectValidation
{
    private const long MinTokenSeconds = 10 * 60;
    private const long MaxTokenSeconds = 1L << 32;
    private const long MinUpdatePeriodSeconds = 10;

    private static readonly string[] FsGroupPolicies = ["File", "None", "ReadWriteOnceWithFSType"];
    private static readonly string[] LifecycleModes = ["Persistent", "Ephemeral"];

    public override string Area => ValidationAreas.Storage;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("storage.k8s.io", "CSIDriver")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var fsGroupPolicy = spec.Child("fsGroupPolicy");
        if (fsGroupPolicy.String is { } policy && Array.IndexOf(FsGroupPolicies, policy) < 0)
        {
            context.NotSupported(fsGroupPolicy, policy, FsGroupPolicies);
        }

        var audiences = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in spec.Child("tokenRequests").Items())
        {
            var audience = request.Child("audience");
            var text = audience.String ?? string.Empty;
            if (!audiences.Add(text))
            {
                context.Duplicate(audience, text);
                continue;
            }

            var expiration = request.Child("expirationSeconds");
            if (expiration.Integer is { } seconds)
            {
                if (seconds < MinTokenSeconds)
                {
                    context.Invalid(expiration, seconds, "may not specify a duration less than 10 minutes");
                }

                if (seconds > MaxTokenSeconds)
                {
                    context.Invalid(expiration, seconds, "may not specify a duration larger than 2^32 seconds");
                }
            }
        }

        var modes = spec.Child("volumeLifecycleModes");
        foreach (var mode in modes.Items())
        {
            if (mode.String is { } text && Array.IndexOf(LifecycleModes, text) < 0)
            {
                context.NotSupported(modes, text, LifecycleModes);
            }
        }

        var period = spec.Child("nodeAllocatableUpdatePeriodSeconds");
        if (FeatureGates.IsEnabled(FeatureGates.MutableCsiNodeAllocatableCount, context.Version) && period.Integer is < MinUpdatePeriodSeconds and var value)
        {
            context.Invalid(period, value, "must be greater than or equal to 10 seconds");
        }
    }
}
