namespace KubeLint.Cli.Output;

/// <summary>
/// Finds the file of a Helm template named in rendered output. Helm names it from the chart's name
/// ("shop/templates/deployment.yaml"), not from where the chart lies, so the name is tried as a path from the
/// current directory, then under each folder of the repository named like the chart that holds a Chart.yaml.
/// Used where a location must be a file of the repository (SARIF, GitHub annotations).
/// </summary>
public sealed class HelmTemplateFiles
{
    // The search for chart folders is bounded: repositories keep charts a few levels down.
    private const int MaxDepth = 8;
    private const int MaxDirectories = 20_000;

    private readonly string _root;
    private readonly Dictionary<string, string?> _resolved = new(StringComparer.Ordinal);
    private ILookup<string, string>? _chartsByName;

    public HelmTemplateFiles(string repositoryRoot)
    {
        _root = Path.GetFullPath(repositoryRoot);
    }

    /// <summary>The template's file, as a path relative to the current directory, or null when it cannot be found.</summary>
    public string? Resolve(string template)
    {
        if (_resolved.TryGetValue(template, out var known))
        {
            return known;
        }

        string? found = null;
        if (File.Exists(template))
        {
            found = template;
        }
        else if (template.IndexOf('/') is var slash and > 0)
        {
            var chart = template.Substring(0, slash);
            var rest = template.Substring(slash + 1);
            var matches = ChartsNamed(chart).Select(dir => Path.Combine(dir, rest)).Where(File.Exists).ToList();
            if (matches.Count == 1)
            {
                found = Path.GetRelativePath(Directory.GetCurrentDirectory(), matches[0]).Replace('\\', '/');
            }
        }

        _resolved[template] = found;
        return found;
    }

    private IEnumerable<string> ChartsNamed(string name)
    {
        _chartsByName ??= FindCharts().ToLookup(d => Path.GetFileName(d), StringComparer.Ordinal);
        return _chartsByName[name];
    }

    private List<string> FindCharts()
    {
        var charts = new List<string>();
        var queue = new Queue<(string Directory, int Depth)>();
        queue.Enqueue((_root, 0));
        var visited = 0;
        while (queue.Count > 0 && visited++ < MaxDirectories)
        {
            var (directory, depth) = queue.Dequeue();
            if (File.Exists(Path.Combine(directory, "Chart.yaml")))
            {
                charts.Add(directory);
            }

            if (depth == MaxDepth)
            {
                continue;
            }

            IEnumerable<string> children;
            try
            {
                children = Directory.EnumerateDirectories(directory).OrderBy(d => d, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name.Length > 0 && name[0] != '.' && name is not ("node_modules" or "bin" or "obj"))
                {
                    queue.Enqueue((child, depth + 1));
                }
            }
        }

        return charts;
    }
}
