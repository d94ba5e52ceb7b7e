using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Common;

/// <summary>Reads the containers of a pod template and small YAML lookups the rules share.</summary>
internal static class PodContainers
{
    /// <summary>
    /// The pod templates of a run, without fragments: a template with a container that has no image cannot be applied
    /// (image is required), so it is a kustomize patch or similar partial object whose missing fields come from elsewhere.
    /// Rules about absent fields would misreport on those.
    /// </summary>
    public static IEnumerable<PodTemplate> Complete(AnalysisContext context)
        => context.Index.PodTemplates.Where(t => t.AllContainers.All(c => c["image"] is YamlScalar { IsNull: false }));

    /// <summary>
    /// Complete templates of Linux pods: runAsNonRoot, allowPrivilegeEscalation and readOnlyRootFilesystem do not apply
    /// to pods with spec.os.name: windows, which the API server rejects when they set them.
    /// </summary>
    public static IEnumerable<PodTemplate> CompleteLinux(AnalysisContext context)
        => Complete(context).Where(t => t.Spec.GetPath("os", "name") is not YamlScalar { Value: "windows" });

    /// <summary>Init containers (and sidecars) first, then app containers, in source order.</summary>
    public static IEnumerable<PodContainer> All(PodTemplate template)
    {
        foreach (var init in template.InitContainers)
        {
            yield return new PodContainer(init, init.GetString("restartPolicy") == "Always" ? ContainerKind.Sidecar : ContainerKind.Init);
        }

        foreach (var app in template.Containers)
        {
            yield return new PodContainer(app, ContainerKind.App);
        }
    }

    /// <summary>The key node of an entry, for findings about the entry as a whole; null when absent.</summary>
    public static YamlNode? KeyOf(YamlMapping? mapping, string key) => mapping?.GetEntry(key)?.Key;

    /// <summary>An integer field, or null when absent or not an integer.</summary>
    public static long? Int(YamlMapping? mapping, string key)
        => mapping?.GetScalar(key) is { } scalar && scalar.TryGetInt64(out var value) ? value : null;

    /// <summary>A boolean field, or null when absent or not a boolean.</summary>
    public static bool? Bool(YamlMapping? mapping, string key)
        => mapping?.GetScalar(key) is { } scalar && scalar.TryGetBool(out var value) ? value : null;
}
