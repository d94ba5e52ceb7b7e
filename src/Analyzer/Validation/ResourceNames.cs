namespace KubeLint.Analyzer.Validation;

/// <summary>
/// Resource names as pkg/apis/core/validation checks them (<c>validateResourceName</c>,
/// <c>validateContainerResourceName</c>, <c>ValidateResourceQuotaResourceName</c>) with the sets of
/// pkg/apis/core/helper/helpers.go: a qualified name, standard when it has no domain, and an extended resource
/// (a domain other than kubernetes.io) whose quota form <c>requests.&lt;name&gt;</c> is a qualified name.
/// </summary>
public static class ResourceNames
{
    private const string HugePagesPrefix = "hugepages-";
    private const string RequestsPrefix = "requests.";
    private const string NativeNamespacePrefix = "kubernetes.io/";

    private static readonly HashSet<string> StandardContainerResources = new(StringComparer.Ordinal) { "cpu", "memory", "ephemeral-storage" };

    private static readonly HashSet<string> StandardQuotaResources = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers",
        "secrets", "persistentvolumeclaims", "configmaps", "services.nodeports", "services.loadbalancers",
    };

    private static readonly HashSet<string> StandardResources = new(StandardQuotaResources, StringComparer.Ordinal) { "storage" };

    private static readonly HashSet<string> IntegerResources = new(StringComparer.Ordinal)
    {
        "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims",
        "services.nodeports", "services.loadbalancers",
    };

    /// <summary><c>validateResourceName</c>; false when it reported an error. Findings point at <paramref name="at"/> (a map key).</summary>
    public static bool ValidateResourceName(ValidationContext context, Field field, string name, Yaml.YamlNode? at = null)
    {
        var problems = Syntax.IsQualifiedName(name);
        foreach (var problem in problems)
        {
            context.Report(field, FieldErrorType.Invalid, name, problem, at: at);
        }

        if (problems.Count > 0)
        {
            return false;
        }

        if (name.IndexOf('/') < 0 && !StandardResources.Contains(name) && !IsQuotaHugePages(name))
        {
            context.Report(field, FieldErrorType.Invalid, name, "must be a standard resource type or fully qualified", at: at);
            return false;
        }

        return true;
    }

    /// <summary><c>validateContainerResourceName</c>: cpu, memory, ephemeral-storage, huge pages, or an extended resource.</summary>
    public static void ValidateContainerResourceName(ValidationContext context, Field field, string name, Yaml.YamlNode? at = null)
    {
        ValidateResourceName(context, field, name, at);
        if (name.IndexOf('/') < 0)
        {
            if (!StandardContainerResources.Contains(name) && !name.StartsWith(HugePagesPrefix, StringComparison.Ordinal))
            {
                context.Report(field, FieldErrorType.Invalid, name, "must be a standard resource for containers", at: at);
            }
        }
        else if (!IsNative(name) && !IsExtended(name))
        {
            context.Report(field, FieldErrorType.Invalid, name, "doesn't follow extended resource name standard", at: at);
        }
    }

    /// <summary><c>ValidateResourceQuotaResourceName</c>.</summary>
    public static void ValidateQuotaResourceName(ValidationContext context, Field field, string name, Yaml.YamlNode? at = null)
    {
        ValidateResourceName(context, field, name, at);
        if (name.IndexOf('/') < 0 && !IsStandardQuotaResource(name))
        {
            context.Report(field, FieldErrorType.Invalid, name, "must be a standard resource for quota", at: at);
        }
    }

    /// <summary><c>helper.IsStandardQuotaResourceName</c>.</summary>
    public static bool IsStandardQuotaResource(string name) => StandardQuotaResources.Contains(name) || IsQuotaHugePages(name);

    /// <summary><c>helper.IsIntegerResourceName</c>: object counts and extended resources.</summary>
    public static bool IsInteger(string name) => IntegerResources.Contains(name) || IsExtended(name);

    /// <summary><c>helper.IsNativeResource</c>: no domain, or a kubernetes.io one.</summary>
    public static bool IsNative(string name) => name.IndexOf('/') < 0 || name.Contains(NativeNamespacePrefix);

    /// <summary><c>helper.IsExtendedResourceName</c>.</summary>
    public static bool IsExtended(string name)
        => !IsNative(name) && !name.StartsWith(RequestsPrefix, StringComparison.Ordinal) && Syntax.IsQualifiedName(RequestsPrefix + name).Count == 0;

    private static bool IsQuotaHugePages(string name)
        => name.StartsWith(HugePagesPrefix, StringComparison.Ordinal) || name.StartsWith(RequestsPrefix + HugePagesPrefix, StringComparison.Ordinal);
}
