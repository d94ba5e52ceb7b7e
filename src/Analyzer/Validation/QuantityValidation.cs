namespace KubeLint.Analyzer.Validation;

/// <summary>
/// <c>ValidateResourceQuantityValue</c> and <c>ValidateNonnegativeQuantity</c> (pkg/apis/core/validation/validation.go),
/// shared by container resources, overheads, quotas and node capacities.
/// </summary>
public static class QuantityValidation
{
    /// <summary>Reads a resource-list entry and validates it; nothing when it does not parse (schema validation reports that).</summary>
    public static void ValidateResourceQuantityValue(ValidationContext context, Field field, string resourceName)
    {
        if (DecodedQuantity.TryReadListEntry(field, out var quantity))
        {
            ValidateResourceQuantityValue(context, field, resourceName, quantity);
        }
    }

    /// <summary>
    /// Not negative (printed with <c>String()</c>), and whole for resources counted in units (object counts, extended
    /// resources), printed as the <c>resource.Quantity</c> value itself, <c>%#v</c>.
    /// </summary>
    public static void ValidateResourceQuantityValue(ValidationContext context, Field field, string resourceName, DecodedQuantity quantity)
    {
        if (quantity.IsNegative)
        {
            context.Invalid(field, quantity.ToString(), "must be greater than or equal to 0");
        }

        if (ResourceNames.IsInteger(resourceName) && !quantity.IsWhole)
        {
            context.Invalid(field, GoValue.Raw(quantity.GoSyntax), "must be an integer");
        }
    }
}
