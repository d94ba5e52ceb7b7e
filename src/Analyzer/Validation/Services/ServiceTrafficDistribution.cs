namespace KubeLint.Analyzer.Validation.Services;

/// <summary>
/// <c>validateServiceTrafficDistribution</c> (pkg/apis/core/validation/validation.go) with the gates that shaped it:
/// ServiceTrafficDistribution (on from 1.31; before, <c>dropServiceDisabledFields</c> drops the field, so any value
/// passes) and PreferSameTrafficDistribution (on from 1.34, adding PreferSameZone and PreferSameNode).
/// </summary>
internal static class ServiceTrafficDistribution
{
    private static readonly string[] Before134 = ["PreferClose"];
    private static readonly string[] Since134 = ["PreferClose", "PreferSameZone", "PreferSameNode"];

    public static void Validate(ValidationContext context, Field trafficDistribution)
    {
        if (trafficDistribution.String is not { } value || !FeatureGates.IsEnabled(FeatureGates.ServiceTrafficDistribution, context.Version))
        {
            return;
        }

        var supported = FeatureGates.IsEnabled(FeatureGates.PreferSameTrafficDistribution, context.Version) ? Since134 : Before134;
        if (Array.IndexOf(supported, value) < 0)
        {
            context.NotSupported(trafficDistribution, value, supported);
        }
    }
}
