using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Admission.PodSecurity;

/// <summary>A Pod Security Standards level (pod-security-admission/api Level).</summary>
public enum PodSecurityLevel
{
    Privileged,
    Baseline,
    Restricted,
}

/// <summary>
/// The outcome of one check (policy.CheckResult): allowed, or the forbidden reason and detail, with the node of
/// the first offending field (or of the container or pod spec that lacks one) for findings.
/// </summary>
internal readonly record struct CheckResult(bool Allowed, string Reason, string Detail, YamlNode? Node)
{
    public static CheckResult Pass => new(true, string.Empty, string.Empty, null);

    public static CheckResult Fail(string reason, string detail, YamlNode? node) => new(false, reason, detail, node);
}

/// <summary>
/// One check of pod-security-admission/policy (check_*.go): its id, level, and its implementations from the minimum
/// version each applies to. A restricted check may override baseline checks (their stricter form).
/// </summary>
internal sealed record PodSecurityCheck(string Id, PodSecurityLevel Level, IReadOnlyList<VersionedCheck> Versions);

/// <summary>A check's implementation from <paramref name="MinimumMinor"/> (1.x) on, with the baseline checks it replaces.</summary>
internal sealed record VersionedCheck(int MinimumMinor, Func<PodView, CheckResult> CheckPod, IReadOnlyList<string>? Overrides = null);

/// <summary>The pod a check looks at: metadata annotations, the spec, and every container (init, app, ephemeral, as visitContainers).</summary>
internal sealed class PodView
{
    public PodView(YamlMapping spec, IReadOnlyDictionary<string, string> annotations)
    {
        Spec = spec;
        Annotations = annotations;
        SecurityContext = spec.GetMapping("securityContext");
        var containers = new List<ContainerView>();
        foreach (var key in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            foreach (var container in spec.GetSequence(key)?.Mappings ?? [])
            {
                containers.Add(new ContainerView(container.GetString("name") ?? string.Empty, container.GetMapping("securityContext"), container));
            }
        }

        Containers = containers;
    }

    public YamlMapping Spec { get; }

    public IReadOnlyDictionary<string, string> Annotations { get; }

    /// <summary>spec.securityContext, or null.</summary>
    public YamlMapping? SecurityContext { get; }

    /// <summary>Each container's name, securityContext (null when absent) and mapping.</summary>
    public IReadOnlyList<ContainerView> Containers { get; }

    /// <summary>spec.os.name is windows (several restricted checks skip Windows pods since 1.25).</summary>
    public bool IsWindows => Spec.GetPath("os", "name") is YamlScalar { Value: "windows" };

    public static bool? Bool(YamlMapping? map, string key) => map?.GetScalar(key) is { } s && s.TryGetBool(out var value) ? value : null;

    public static long? Int(YamlMapping? map, string key) => map?.GetScalar(key) is { } s && s.TryGetInt64(out var value) ? value : null;

    /// <summary>The string values of a list field (capabilities add/drop).</summary>
    public static IEnumerable<string> Strings(YamlMapping? map, string key)
        => map?.GetSequence(key)?.Items.OfType<YamlScalar>().Select(s => s.Value) ?? [];

    /// <summary>pluralize.</summary>
    public static string Plural(string singular, string plural, int count) => count == 1 ? singular : plural;

    /// <summary>joinQuote: "a", "b".</summary>
    public static string JoinQuote(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? string.Empty : "\"" + string.Join("\", \"", list) + "\"";
    }

    /// <summary>"container \"a\"" or "containers \"a\", \"b\"".</summary>
    public static string ContainersPhrase(IReadOnlyList<string> names) => Plural("container", "containers", names.Count) + " " + JoinQuote(names);

    /// <summary>The node of <paramref name="key"/> in <paramref name="map"/> (its value), else the map itself.</summary>
    public static YamlNode? At(YamlMapping? map, string key) => map?.GetEntry(key)?.Value ?? map;

    /// <summary>A Go sets.String's List(): distinct and sorted.</summary>
    public static List<string> SortedSet(IEnumerable<string> items)
    {
        var list = items.Distinct(StringComparer.Ordinal).ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}

/// <summary>A container as the checks see it.</summary>
internal sealed record ContainerView(string Name, YamlMapping? SecurityContext, YamlMapping Node)
{
    /// <summary>The node of a securityContext field, else the securityContext, else the container.</summary>
    public YamlNode At(string key) => SecurityContext?.GetEntry(key)?.Value ?? (YamlNode?)SecurityContext ?? Node;
}
