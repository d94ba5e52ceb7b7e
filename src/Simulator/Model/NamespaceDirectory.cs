namespace KubeLint.Simulator.Model;

/// <summary>
/// The labels of the namespaces the simulation knows (Namespace objects of the cluster and the manifests), for
/// namespaceSelectors; every namespace carries kubernetes.io/metadata.name (set by the API server since 1.22).
/// </summary>
public sealed class NamespaceDirectory
{
    public const string NameLabel = "kubernetes.io/metadata.name";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _implicit = new(StringComparer.Ordinal);

    /// <summary>The namespaces declared by Namespace objects.</summary>
    public IEnumerable<string> Declared => _labels.Keys;

    public bool IsDeclared(string name) => _labels.ContainsKey(name);

    public void Declare(string name, IReadOnlyDictionary<string, string> labels)
    {
        var withName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in labels)
        {
            withName[pair.Key] = pair.Value;
        }

        withName[NameLabel] = name;
        _labels[name] = withName;
    }

    public IReadOnlyDictionary<string, string> LabelsOf(string name)
    {
        if (_labels.TryGetValue(name, out var labels) || _implicit.TryGetValue(name, out labels))
        {
            return labels;
        }

        labels = new Dictionary<string, string>(StringComparer.Ordinal) { [NameLabel] = name };
        _implicit[name] = labels;
        return labels;
    }
}
