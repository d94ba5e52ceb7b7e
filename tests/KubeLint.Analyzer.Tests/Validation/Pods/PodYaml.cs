namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>Pods and Deployments around a pod spec written at column 1, for validation tests with exact positions.</summary>
internal static class PodYaml
{
    /// <summary>A Pod named web: the spec's first line is line 6, at column 3.</summary>
    public static string Pod(string spec) => "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n" + Indent(spec, 2);

    /// <summary>A Deployment whose template spec's first line is line 12, at column 7.</summary>
    public static string Deployment(string spec)
        => "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n"
            + Indent(spec, 6);

    /// <summary>A container list with one container web: its first line is the spec's first line.</summary>
    public static string Container(string fields = "") => "containers:\n  - name: web\n    image: nginx:1.27\n" + Indent(fields, 4);

    private static string Indent(string text, int by)
        => string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => new string(' ', by) + l + "\n"));
}
