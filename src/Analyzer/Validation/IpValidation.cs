namespace KubeLint.Analyzer.Validation;

/// <summary>
/// IP and CIDR field checks of pkg/apis/core/validation/validation.go shared by Services, Endpoints, EndpointSlices
/// and NetworkPolicies: <c>validation.IsValidIP</c>/<c>IsValidCIDR</c> (field-error forms) and <c>ValidateNonSpecialIP</c>.
/// </summary>
public static class IpValidation
{
    /// <summary><c>validation.IsValidIP(fldPath, value)</c>; true when the address is valid.</summary>
    public static bool ValidateIp(ValidationContext context, Field field, string value)
    {
        var problems = Syntax.IsValidIp(value);
        context.Invalid(field, value, problems);
        return problems.Count == 0;
    }

    /// <summary><c>validation.IsValidCIDR(fldPath, value)</c>; true when the CIDR is valid.</summary>
    public static bool ValidateCidr(ValidationContext context, Field field, string value)
    {
        var problems = Syntax.IsValidCidr(value);
        context.Invalid(field, value, problems);
        return problems.Count == 0;
    }

    /// <summary>
    /// <c>ValidateNonSpecialIP</c>: addresses that make no sense as endpoints or external IPs (unspecified, loopback)
    /// or that nodes use for themselves (link-local).
    /// </summary>
    public static void ValidateNonSpecialIp(ValidationContext context, Field field, string value)
    {
        if (IpAddress.Parse(value) is not { } ip)
        {
            context.Invalid(field, value, "must be a valid IP address");
            return;
        }

        if (ip.IsUnspecified)
        {
            context.Invalid(field, value, $"may not be unspecified ({value})");
        }

        if (ip.IsLoopback)
        {
            context.Invalid(field, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)");
        }

        if (ip.IsLinkLocalUnicast)
        {
            context.Invalid(field, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)");
        }

        if (ip.IsLinkLocalMulticast)
        {
            context.Invalid(field, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
        }
    }
}
