namespace KubeLint.Analyzer.Schema;

/// <summary>
/// Where kinds went when their API group changed (the Kubernetes deprecated API migration guide). Moves inside one
/// group (batch/v1beta1 → batch/v1) are found in the bundle itself; this table covers the group changes and removals.
/// </summary>
internal static class ApiMigrations
{
    private static readonly Dictionary<string, string> GroupMoves = new(StringComparer.Ordinal)
    {
        ["extensions Deployment"] = "apps",
        ["extensions DaemonSet"] = "apps",
        ["extensions ReplicaSet"] = "apps",
        ["extensions Ingress"] = "networking.k8s.io",
        ["extensions NetworkPolicy"] = "networking.k8s.io",
        ["extensions IngressClass"] = "networking.k8s.io",
    };

    private static readonly Dictionary<string, string> Removed = new(StringComparer.Ordinal)
    {
        ["PodSecurityPolicy"] = "PodSecurityPolicy was removed in Kubernetes 1.25; use Pod Security Admission (pod-security.kubernetes.io labels on the namespace) instead",
    };

    /// <summary>Groups that only old Kubernetes versions served; an object in them is an old built-in, not a custom resource.</summary>
    public static IReadOnlyCollection<string> RetiredGroups { get; } = ["extensions"];

    /// <summary>The served apiVersion to use instead, or an explanation when the kind is gone; null when nothing is known.</summary>
    public static string? Replacement(SchemaBundle bundle, string group, string kind)
    {
        if (Removed.TryGetValue(kind, out var removed))
        {
            return removed;
        }

        var targetGroup = GroupMoves.TryGetValue(group + " " + kind, out var moved) ? moved : group;
        var served = bundle.Kinds
            .Where(k => k.Kind == kind && GroupOf(k.ApiVersion) == targetGroup)
            .Select(k => k.ApiVersion)
            .OrderBy(v => v.Contains("alpha") ? 2 : v.Contains("beta") ? 1 : 0)
            .ThenByDescending(v => v, StringComparer.Ordinal)
            .FirstOrDefault();
        return served is null ? null : $"use apiVersion {served}";
    }

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
    }
}
