namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>The resource-name helpers of pkg/apis/core/helper/helpers.go that validation and rules share.</summary>
public static class ResourceNames
{
    /// <summary><c>IsOvercommitAllowed</c>: a native resource that is not hugepages may be requested below its limit.</summary>
    public static bool IsOvercommitAllowed(string name) => IsNative(name) && !IsHugePages(name);

    /// <summary><c>IsHugePageResourceName</c>.</summary>
    public static bool IsHugePages(string name) => name.StartsWith("hugepages-", StringComparison.Ordinal);

    /// <summary><c>IsNativeResource</c>: no domain, or the kubernetes.io domain.</summary>
    public static bool IsNative(string name) => name.IndexOf('/') < 0 || name.Contains("kubernetes.io/");

    /// <summary><c>IsExtendedResourceName</c>: not native, not "requests."-prefixed, and a qualified name as "requests." + name.</summary>
    public static bool IsExtended(string name)
        => !IsNative(name) && !name.StartsWith("requests.", StringComparison.Ordinal) && Syntax.IsQualifiedName("requests." + name).Count == 0;
}
