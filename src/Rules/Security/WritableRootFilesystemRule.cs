using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6006: a container whose root filesystem is writable.</summary>
public sealed class WritableRootFilesystemRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.WritableRootFilesystem,
        "writable-root-filesystem",
        Severity.Warning,
        Categories.Security,
        "Containers should have a read-only root filesystem.",
        "Unless readOnlyRootFilesystem is true, an attacker who gets code execution can modify binaries and "
        + "configuration inside the container. Off by default: most images write to their root filesystem (caches, pid "
        + "files, temp files) and need emptyDir volumes before they can run read-only, so on typical manifests nearly "
        + "every container is reported.",
        "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the application writes.",
        enabledByDefault: false)
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
                      image: example/web:1.4.2
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
                      securityContext:
                        readOnlyRootFilesystem: true
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.CompleteLinux(context))
        {
            foreach (var container in PodContainers.All(template))
            {
                var securityContext = container.Node.GetMapping("securityContext");
                var readOnly = securityContext?.GetScalar("readOnlyRootFilesystem");
                if (readOnly is not null && readOnly.TryGetBool(out var value))
                {
                    if (!value)
                    {
                        context.Report(Definition, template.Owner, readOnly, $"{container.Describe()} has a writable root filesystem.");
                    }

                    continue;
                }

                var node = PodContainers.KeyOf(container.Node, "securityContext") ?? container.Anchor;
                context.Report(Definition, template.Owner, node, $"{container.Describe()} does not set readOnlyRootFilesystem: true.");
            }
        }
    }
}
