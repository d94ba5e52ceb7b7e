namespace KubeLint.Analyzer.Validation.Metadata;

/// <summary>
/// The name validation each kind's <c>ValidateObjectMeta</c> call passes (its <c>ValidateNameFunc</c>), from
/// staging/src/k8s.io/apimachinery/pkg/api/validation/generic.go and path/name.go. Kinds whose validation does not
/// call <c>ValidateObjectMeta</c> (PodDisruptionBudget, among others) only get the registry's check in
/// <c>rest.BeforeCreate</c>: <c>path.ValidatePathSegmentName</c>.
/// </summary>
public static class NameFunctions
{
    public delegate IReadOnlyList<string> NameFunction(string name, bool prefix);

    private static readonly Dictionary<(string Group, string Kind), NameFunction> ByKind = new()
    {
        [("", "Service")] = NameIsDns1035Label,
        [("", "Namespace")] = NameIsDnsLabel,
        [("rbac.authorization.k8s.io", "Role")] = PathSegmentName,
        [("rbac.authorization.k8s.io", "ClusterRole")] = PathSegmentName,
        [("rbac.authorization.k8s.io", "RoleBinding")] = PathSegmentName,
        [("rbac.authorization.k8s.io", "ClusterRoleBinding")] = PathSegmentName,
        [("policy", "PodDisruptionBudget")] = PathSegmentName,
    };

    /// <summary>The name function of a built-in kind: DNS-1123 subdomain unless the kind's validation says otherwise.</summary>
    public static NameFunction For(string group, string kind)
        => ByKind.TryGetValue((group, kind), out var function) ? function : NameIsDnsSubdomain;

    /// <summary><c>NameIsDNSSubdomain</c>.</summary>
    public static IReadOnlyList<string> NameIsDnsSubdomain(string name, bool prefix)
        => Syntax.IsDns1123Subdomain(prefix ? MaskTrailingDash(name) : name);

    /// <summary><c>NameIsDNSLabel</c>.</summary>
    public static IReadOnlyList<string> NameIsDnsLabel(string name, bool prefix)
        => Syntax.IsDns1123Label(prefix ? MaskTrailingDash(name) : name);

    /// <summary><c>NameIsDNS1035Label</c>.</summary>
    public static IReadOnlyList<string> NameIsDns1035Label(string name, bool prefix)
        => Syntax.IsDns1035Label(prefix ? MaskTrailingDash(name) : name);

    /// <summary><c>path.ValidatePathSegmentName</c>: names that only need to be safe in a URL path.</summary>
    public static IReadOnlyList<string> PathSegmentName(string name, bool prefix)
    {
        if (!prefix && name is "." or "..")
        {
            return [$"may not be '{name}'"];
        }

        var errors = new List<string>();
        if (name.IndexOf('/') >= 0)
        {
            errors.Add("may not contain '/'");
        }

        if (name.IndexOf('%') >= 0)
        {
            errors.Add("may not contain '%'");
        }

        return errors;
    }

    /// <summary>
    /// <c>maskTrailingDash</c>: a generateName may end with '-'. Upstream drops the last two characters before adding
    /// "a" (<c>name[:len(name)-2] + "a"</c>), and so does this.
    /// </summary>
    private static string MaskTrailingDash(string name)
        => name.Length > 1 && name.EndsWith("-", StringComparison.Ordinal) ? name.Substring(0, name.Length - 2) + "a" : name;
}
