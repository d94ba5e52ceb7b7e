namespace KubeLint.Analyzer.Model;

/// <summary>Identifies a Kubernetes object: apiVersion, kind, namespace (null for cluster-scoped or unset) and name.</summary>
public sealed record ObjectReference(string ApiVersion, string Kind, string? Namespace, string Name)
{
    public override string ToString()
        => Namespace is null ? $"{Kind}/{Name}" : $"{Kind} {Namespace}/{Name}";
}
