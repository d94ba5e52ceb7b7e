namespace KubeLint.Cli.Kustomize;

/// <summary>
/// The kustomizations of one run, each read once, and how they build on each other (resources, bases and
/// components that are folders). Cycles, which kustomize rejects, are walked once.
/// </summary>
internal sealed class KustomizationCatalog
{
    private readonly Dictionary<string, Kustomization?> _byDirectory = new(StringComparer.Ordinal);
    private readonly Func<string, string> _display;

    public KustomizationCatalog(Func<string, string> display)
    {
        _display = display;
    }

    /// <summary>The kustomization of a folder (absolute), or null when it has none.</summary>
    public Kustomization? At(string directory)
    {
        if (!_byDirectory.TryGetValue(directory, out var kustomization))
        {
            kustomization = Kustomization.Read(directory, _display);
            _byDirectory[directory] = kustomization;
        }

        return kustomization;
    }

    /// <summary><paramref name="root"/> and every kustomization it builds on, each once, parents before children.</summary>
    public List<Kustomization> Tree(Kustomization root)
    {
        var result = new List<Kustomization>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Kustomization>();
        queue.Enqueue(root);
        seen.Add(root.Directory);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            result.Add(current);
            foreach (var child in current.ChildDirectories)
            {
                if (seen.Add(child) && At(child) is { } kustomization)
                {
                    queue.Enqueue(kustomization);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The kustomizations of <paramref name="root"/>'s tree whose transformers and patches apply to what
    /// <paramref name="origin"/> contributes: it and every kustomization that builds on it, outermost (applied last,
    /// so winning) first.
    /// </summary>
    public List<Kustomization> Chain(Kustomization root, Kustomization origin)
    {
        var tree = Tree(root);
        var reaches = new Dictionary<string, bool>(StringComparer.Ordinal) { [origin.Directory] = true };
        bool Reaches(Kustomization k, HashSet<string> path)
        {
            if (reaches.TryGetValue(k.Directory, out var known))
            {
                return known;
            }

            if (!path.Add(k.Directory))
            {
                return false;
            }

            var result = k.ChildDirectories.Any(d => At(d) is { } child && Reaches(child, path));
            path.Remove(k.Directory);
            reaches[k.Directory] = result;
            return result;
        }

        return tree.Where(k => Reaches(k, new HashSet<string>(StringComparer.Ordinal))).ToList();
    }
}
