using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6005: an image without a tag or with the "latest" tag.</summary>
public sealed class LatestImageTagRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.LatestImageTag,
        "latest-image-tag",
        Severity.Warning,
        Categories.Security,
        "Images should be pinned to a version.",
        "An image without a tag means :latest, and :latest moves: two nodes can run different code under the same "
        + "manifest, a rollback does not roll back, and the default pull policy becomes Always. Images pinned by "
        + "digest (@sha256:…) are fine with or without a tag.",
        "Use a version tag (nginx:1.27.2) or a digest.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var container in PodContainers.All(template))
            {
                if (container.Node.GetScalar("image") is { Kind: ScalarKind.String } image && Problem(image.Value) is { } problem)
                {
                    context.Report(Definition, template.Owner, image, $"{container.Describe()} uses image \"{image.Value}\" {problem}");
                }
            }
        }
    }

    /// <summary>The tag is what follows the last ':' after the last '/', since a registry host may carry a port.</summary>
    private static string? Problem(string image)
    {
        var reference = image.Trim();
        if (reference.Length == 0 || reference.Contains('@'))
        {
            return null;
        }

        var colon = reference.LastIndexOf(':');
        if (colon < 0 || colon < reference.LastIndexOf('/'))
        {
            return "without a tag, which means :latest.";
        }

        return reference.Substring(colon + 1) == "latest" ? "with the moving :latest tag." : null;
    }
}
