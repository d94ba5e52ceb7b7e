namespace KubeLint.Analyzer.Validation.Services;

/// <summary>
/// A Service's cluster IPs as validation sees them on create: the Service REST storage's <c>normalizeClusterIPs</c>
/// (pkg/registry/core/service/storage/storage.go) fills <c>clusterIPs</c> from <c>clusterIP</c> when only the singular
/// is written, so errors name <c>spec.clusterIPs[0]</c>; those findings point at the written <c>clusterIP</c>.
/// </summary>
internal sealed class ServiceClusterIps
{
    public const string None = "None";

    private ServiceClusterIps(Field clusterIp, Field list, IReadOnlyList<(string Value, Field Item)> items)
    {
        ClusterIp = clusterIp;
        List = list;
        Items = items;
    }

    /// <summary><c>spec.clusterIP</c>.</summary>
    public Field ClusterIp { get; }

    /// <summary><c>spec.clusterIPs</c>, or the written <c>clusterIP</c> under that path when normalization created it.</summary>
    public Field List { get; }

    public IReadOnlyList<(string Value, Field Item)> Items { get; }

    public int Count => Items.Count;

    /// <summary><c>isHeadlessService</c>: exactly one cluster IP, "None".</summary>
    public bool IsHeadless => Items.Count == 1 && Items[0].Value == None;

    public GoValue Rendered => GoValue.Slice("string", Items.Select(i => i.Value));

    public static ServiceClusterIps Read(Field spec)
    {
        var clusterIp = spec.Child("clusterIP");
        var list = spec.Child("clusterIPs");
        if (list.Count == 0 && clusterIp.String is { Length: > 0 } single)
        {
            var normalized = clusterIp.WithPath(list);
            return new ServiceClusterIps(clusterIp, normalized, [(single, clusterIp.WithPath(list.Item(0)))]);
        }

        return new ServiceClusterIps(clusterIp, list, list.Items().Select(item => (item.String ?? string.Empty, item)).ToList());
    }
}
