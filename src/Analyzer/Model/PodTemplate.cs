using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Model;

/// <summary>
/// The pod a workload creates: a bare Pod, or the template of a Deployment, ReplicaSet, StatefulSet, DaemonSet,
/// ReplicationController, Job, CronJob (through its jobTemplate) or PodTemplate.
/// </summary>
public sealed class PodTemplate
{
    private IReadOnlyDictionary<string, string>? _labels;
    private IReadOnlyDictionary<string, string>? _annotations;

    private PodTemplate(KubeObject owner, YamlMapping? metadata, YamlMapping spec, YamlMapping? template)
    {
        Owner = owner;
        Metadata = metadata;
        Spec = spec;
        Template = template;
    }

    public KubeObject Owner { get; }

    /// <summary>The template node (spec.template, ...); null for a bare Pod, whose metadata is the object's.</summary>
    public YamlMapping? Template { get; }

    public YamlMapping? Metadata { get; }

    /// <summary>The pod spec.</summary>
    public YamlMapping Spec { get; }

    /// <summary>The namespace the pods run in (the owner's effective namespace).</summary>
    public string Namespace => Owner.EffectiveNamespace ?? "default";

    public IReadOnlyDictionary<string, string> Labels => _labels ??= KubeObject.ReadStringMap(Metadata?.GetMapping("labels"));

    public IReadOnlyDictionary<string, string> Annotations => _annotations ??= KubeObject.ReadStringMap(Metadata?.GetMapping("annotations"));

    public IEnumerable<YamlMapping> Containers => Spec.GetSequence("containers")?.Mappings ?? [];

    public IEnumerable<YamlMapping> InitContainers => Spec.GetSequence("initContainers")?.Mappings ?? [];

    public IEnumerable<YamlMapping> EphemeralContainers => Spec.GetSequence("ephemeralContainers")?.Mappings ?? [];

    /// <summary>Init containers first, then app containers (ephemeral containers are debugging aids and excluded).</summary>
    public IEnumerable<YamlMapping> AllContainers => InitContainers.Concat(Containers);

    /// <summary>The pod template of an object, or null when the kind has none or its spec is missing.</summary>
    public static PodTemplate? Of(KubeObject obj)
    {
        switch (obj.Kind)
        {
            case "Pod" when obj.Group.Length == 0:
                return obj.Spec is { } podSpec ? new PodTemplate(obj, obj.Metadata, podSpec, null) : null;
            case "PodTemplate" when obj.Group.Length == 0:
                return FromTemplate(obj, obj.Root.GetMapping("template"));
            case "ReplicationController" when obj.Group.Length == 0:
            case "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" when obj.Group is "apps" or "extensions":
            case "Job" when obj.Group == "batch":
                return FromTemplate(obj, obj.Spec?.GetMapping("template"));
            case "CronJob" when obj.Group == "batch":
                return FromTemplate(obj, obj.Spec?.GetMapping("jobTemplate")?.GetMapping("spec")?.GetMapping("template"));
            default:
                return null;
        }
    }

    /// <summary>True for the kinds whose objects carry a pod template.</summary>
    public static bool IsWorkloadKind(string group, string kind) => (group, kind) switch
    {
        ("", "Pod" or "PodTemplate" or "ReplicationController") => true,
        ("apps" or "extensions", "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet") => true,
        ("batch", "Job" or "CronJob") => true,
        _ => false,
    };

    private static PodTemplate? FromTemplate(KubeObject owner, YamlMapping? template)
        => template?.GetMapping("spec") is { } spec ? new PodTemplate(owner, template.GetMapping("metadata"), spec, template) : null;
}
