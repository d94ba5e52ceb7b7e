using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Common;

/// <summary>One container of a pod template, with its kind and the node to report at when a field is missing.</summary>
internal sealed class PodContainer
{
    public PodContainer(YamlMapping node, ContainerKind kind)
    {
        Node = node;
        Kind = kind;
    }

    public YamlMapping Node { get; }

    public ContainerKind Kind { get; }

    /// <summary>True for containers that run for the pod's lifetime (app containers and sidecars).</summary>
    public bool IsLongRunning => Kind != ContainerKind.Init;

    public string Name => Node.GetString("name") ?? "(unnamed)";

    /// <summary>The `name` key of the container, or the container itself when it has no name.</summary>
    public YamlNode Anchor => Node.GetEntry("name")?.Key ?? Node;

    /// <summary>"container \"web\"", "init container \"setup\"" or "sidecar container \"proxy\"", for messages.</summary>
    public string Describe() => Kind switch
    {
        ContainerKind.Init => $"init container \"{Name}\"",
        ContainerKind.Sidecar => $"sidecar container \"{Name}\"",
        _ => $"container \"{Name}\"",
    };
}
