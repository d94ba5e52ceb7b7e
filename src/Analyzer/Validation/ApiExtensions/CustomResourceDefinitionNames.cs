namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// A CRD's <c>spec.names</c> after <c>SetDefaults_CustomResourceDefinitionSpec</c> (pkg/apis/apiextensions/v1/defaults.go:
/// singular is kind in lower case, listKind is kind + "List"), and <c>ValidateCustomResourceDefinitionNames</c>
/// (pkg/apis/apiextensions/validation/validation.go).
/// </summary>
internal sealed class CustomResourceDefinitionNames
{
    private CustomResourceDefinitionNames(string plural, string singular, string kind, string listKind)
    {
        Plural = plural;
        Singular = singular;
        Kind = kind;
        ListKind = listKind;
    }

    public string Plural { get; }

    public string Singular { get; }

    public string Kind { get; }

    public string ListKind { get; }

    public static CustomResourceDefinitionNames Defaulted(Field names)
    {
        var kind = names.Child("kind").String ?? string.Empty;
        var singular = names.Child("singular").String is { Length: > 0 } written ? written : kind.ToLowerInvariant();
        var listKind = names.Child("listKind").String is { Length: > 0 } list ? list : kind.Length > 0 ? kind + "List" : string.Empty;
        return new CustomResourceDefinitionNames(names.Child("plural").String ?? string.Empty, singular, kind, listKind);
    }

    /// <summary><c>ValidateCustomResourceDefinitionNames</c>; a defaulted name is reported at the <c>names</c> mapping.</summary>
    public void Validate(ValidationContext context, Field names)
    {
        Label(context, names.Child("plural"), Plural, string.Empty, lowerCase: false);
        Label(context, names.Child("singular"), Singular, string.Empty, lowerCase: false);
        Label(context, names.Child("kind"), Kind, "may have mixed case, but should otherwise match: ", lowerCase: true);
        Label(context, names.Child("listKind"), ListKind, "may have mixed case, but should otherwise match: ", lowerCase: true);
        foreach (var shortName in names.Child("shortNames").Items())
        {
            var value = shortName.String ?? string.Empty;
            if (Syntax.IsDns1035Label(value) is { Count: > 0 } problems)
            {
                context.Invalid(shortName, value, string.Join(",", problems));
            }
        }

        // kind and listKind may not be the same or parsing become ambiguous
        if (Kind.Length > 0 && Kind == ListKind)
        {
            context.Invalid(names.Child("listKind"), ListKind, "kind and listKind may not be the same");
        }

        foreach (var category in names.Child("categories").Items())
        {
            var value = category.String ?? string.Empty;
            if (Syntax.IsDns1035Label(value) is { Count: > 0 } problems)
            {
                context.Invalid(category, value, string.Join(",", problems));
            }
        }
    }

    private static void Label(ValidationContext context, Field field, string value, string prefix, bool lowerCase)
    {
        if (value.Length > 0 && Syntax.IsDns1035Label(lowerCase ? value.ToLowerInvariant() : value) is { Count: > 0 } problems)
        {
            context.Invalid(field, value, prefix + string.Join(",", problems));
        }
    }
}
