using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KubeLint.Roslyn.Inputs;

/// <summary>Tells which additional files are manifests and which is the .kubelint.yaml configuration.</summary>
internal static class ManifestInputs
{
    private static readonly string[] ManifestSuffixes = [".k8s.yaml", ".k8s.yml", ".k8s.json"];
    private static readonly string[] ConfigNames = [".kubelint.yaml", ".kubelint.yml"];

    /// <summary>
    /// A manifest is an additional file marked by the package's props (KubeLintManifest="true"), or any *.k8s.yaml,
    /// *.k8s.yml or *.k8s.json, so a project that adds such files itself is checked too. Other additional files
    /// (stylecop.json, resources) are never read as manifests.
    /// </summary>
    public static bool IsManifest(AdditionalText file, AnalyzerConfigOptions options)
        => !IsConfig(file, options)
            && (HasMetadata(options, "KubeLintManifest") || ManifestSuffixes.Any(s => file.Path.EndsWith(s, StringComparison.OrdinalIgnoreCase)));

    public static bool IsConfig(AdditionalText file, AnalyzerConfigOptions options)
        => HasMetadata(options, "KubeLintConfig") || ConfigNames.Contains(Path.GetFileName(file.Path), StringComparer.OrdinalIgnoreCase);

    private static bool HasMetadata(AnalyzerConfigOptions options, string name)
        => options.TryGetValue("build_metadata.AdditionalFiles." + name, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
