using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Loading;

/// <summary>What a document of the input is, judged by its content alone (never by its file name).</summary>
internal enum DocumentShape
{
    /// <summary>An empty or comment-only document.</summary>
    Empty,

    /// <summary>A Kubernetes object, or something meant to be one (it is checked, and its defects are errors).</summary>
    ObjectCandidate,

    /// <summary>YAML that is not for the API server: CI workflows, Helm values, compose files, kustomize configurations.</summary>
    Other,
}

/// <summary>
/// Tells manifests from the other YAML of a repository. A mapping is an object candidate when it has apiVersion or
/// kind, or the shape of an object: metadata with ObjectMeta's fields, or metadata next to the content field of a
/// kind (spec, data, rules, ...). Everything else is not a manifest; a missing apiVersion or kind is only an error for
/// candidates (an InferencePool without apiVersion), not for a workflow file.
/// </summary>
internal static class ManifestShape
{
    // ObjectMeta fields a user writes (k8s.io/apimachinery/pkg/apis/meta/v1 types.go).
    private static readonly string[] ObjectMetaKeys = ["name", "generateName", "namespace", "labels", "annotations"];

    // The top-level content of the built-in kinds: spec for most, data/stringData/binaryData for ConfigMap and
    // Secret, rules for RBAC roles, subjects/roleRef for bindings, webhooks, items for lists, template for PodTemplate.
    private static readonly string[] ContentKeys = ["spec", "data", "stringData", "binaryData", "rules", "subjects", "roleRef", "webhooks", "items", "template"];

    // Configuration of kustomize itself: it has apiVersion and kind but is never sent to a cluster.
    private const string KustomizeGroup = "kustomize.config.k8s.io/";

    public static DocumentShape Classify(YamlNode? root) => root switch
    {
        null or YamlScalar { IsNull: true } => DocumentShape.Empty,
        YamlMapping mapping => IsCandidate(mapping) ? DocumentShape.ObjectCandidate : DocumentShape.Other,

        // A sequence of objects is a mistake worth an error (kubectl rejects it); a sequence of anything else is
        // other YAML (Ansible playbooks, JSON 6902 patches, arrays in .json files).
        YamlSequence sequence => sequence.Mappings.Any(IsCandidate) ? DocumentShape.ObjectCandidate : DocumentShape.Other,

        // A lone scalar mentioning apiVersion is a manifest whose first ': ' went missing.
        YamlScalar scalar => scalar.Value.IndexOf("apiVersion", StringComparison.Ordinal) >= 0 ? DocumentShape.ObjectCandidate : DocumentShape.Other,
        _ => DocumentShape.Other,
    };

    /// <summary>Why a document of shape <see cref="DocumentShape.Other"/> is not taken for an object, for KL1012.</summary>
    public static string Describe(YamlNode root)
    {
        if (root is YamlMapping mapping && IsKustomizeConfiguration(mapping))
        {
            return $"a kustomize {mapping.GetString("kind")}, not a Kubernetes object";
        }

        if (root is YamlMapping chart && IsHelmChartMetadata(chart))
        {
            return "Helm chart metadata (Chart.yaml), not a Kubernetes object";
        }

        return root is YamlMapping
            ? "not a Kubernetes object (no apiVersion, kind or object metadata)"
            : $"{(root.TypeName is "array" or "integer" ? "an " : "a ")}{root.TypeName}, not a Kubernetes object";
    }

    private static bool IsCandidate(YamlMapping root)
    {
        if (root.ContainsKey("apiVersion") || root.ContainsKey("kind"))
        {
            return !IsKustomizeConfiguration(root) && !IsHelmChartMetadata(root);
        }

        if (root["metadata"] is not { } metadata)
        {
            return false;
        }

        return (metadata is YamlMapping meta && ObjectMetaKeys.Any(meta.ContainsKey)) || ContentKeys.Any(root.ContainsKey);
    }

    /// <summary>Kustomization and Component (kustomize.config.k8s.io); kustomize accepts them without apiVersion and kind too.</summary>
    public static bool IsKustomizeConfiguration(YamlMapping root)
        => root.GetString("apiVersion") is { } apiVersion && apiVersion.StartsWith(KustomizeGroup, StringComparison.Ordinal)
           && root.GetString("kind") is "Kustomization" or "Component";

    /// <summary>
    /// A Helm chart's Chart.yaml (helm.sh/helm/v3/pkg/chart metadata.go): apiVersion v1 or v2, name and version, and
    /// neither kind nor metadata.
    /// </summary>
    private static bool IsHelmChartMetadata(YamlMapping root)
        => root.GetString("apiVersion") is "v1" or "v2" && !root.ContainsKey("kind") && !root.ContainsKey("metadata")
           && root.ContainsKey("name") && root.ContainsKey("version");
}
