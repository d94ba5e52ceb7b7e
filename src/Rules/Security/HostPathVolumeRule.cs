using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Security;

/// <summary>KL6008: a hostPath volume.</summary>
public sealed class HostPathVolumeRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.HostPathVolume,
        "host-path-volume",
        Severity.Warning,
        Categories.Security,
        "Pods should not mount host paths.",
        "A hostPath volume exposes the node's filesystem to the pod: mounting /, /etc, /var/lib/kubelet or the "
        + "container runtime socket is a path to taking over the node, and data written there outlives the pod and "
        + "differs between nodes. Off by default, as in kube-linter: node agents, log collectors and storage drivers "
        + "legitimately use hostPath.",
        "Use a PersistentVolumeClaim, emptyDir, configMap or secret volume instead.",
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
                      volumeMounts:
                        - {name: logs, mountPath: /var/log/web}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                  volumes:
                    - name: logs
                      hostPath: {path: /var/log}
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
                      volumeMounts:
                        - {name: logs, mountPath: /var/log/web}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                  volumes:
                    - name: logs
                      emptyDir: {}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var volume in template.Spec.GetSequence("volumes")?.Mappings ?? [])
            {
                if (volume.GetEntry("hostPath") is { } hostPath)
                {
                    var path = volume.GetMapping("hostPath")?.GetString("path") ?? string.Empty;
                    context.Report(
                        Definition,
                        template.Owner,
                        hostPath.Key,
                        $"Volume \"{volume.GetString("name")}\" mounts the host path \"{path}\" into the pod.");
                }
            }
        }
    }
}
