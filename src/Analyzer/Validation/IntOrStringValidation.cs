using System.Globalization;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// apps validation's checks of an int-or-string (pkg/apis/apps/validation/validation.go:
/// <c>ValidatePositiveIntOrPercent</c>, <c>IsNotMoreThan100Percent</c>), shared with PodDisruptionBudgets. A
/// string is printed as the Go struct, <c>intstr.IntOrString{Type:1, IntVal:0, StrVal:"50%"}</c>, since the value
/// type has no String method.
/// </summary>
public static class IntOrStringValidation
{
    /// <summary><c>ValidatePositiveIntOrPercent</c>: a percent string, or an integer that is not negative.</summary>
    public static void ValidatePositiveIntOrPercent(ValidationContext context, Field field)
    {
        if (field.IsString)
        {
            context.Invalid(field, Rendered(field.String!), Syntax.IsValidPercent(field.String!));
        }
        else if (field.Integer is < 0 and var value)
        {
            context.Invalid(field, value, "must be greater than or equal to 0");
        }
    }

    /// <summary><c>IsNotMoreThan100Percent</c>.</summary>
    public static void IsNotMoreThan100Percent(ValidationContext context, Field field)
    {
        if (field.IsString && field.String is { } text && Syntax.IsValidPercent(text).Count == 0
            && int.TryParse(text.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent > 100)
        {
            context.Invalid(field, Rendered(text), "must not be greater than 100%");
        }
    }

    /// <summary>A string int-or-string as <c>%#v</c> prints it.</summary>
    public static GoValue Rendered(string text) => GoValue.Raw("intstr.IntOrString{Type:1, IntVal:0, StrVal:" + GoValue.Quote(text) + "}");
}
