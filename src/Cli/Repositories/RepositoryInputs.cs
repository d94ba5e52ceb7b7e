using KubeLint.Analyzer.Loading;
using KubeLint.Cli.Kustomize;
using KubeLint.Cli.Output;

namespace KubeLint.Cli.Repositories;

/// <summary>
/// Sorts the files of a run by what they are in a repository: kustomizations, built once from the top-most one
/// (the one no other kustomization of the input builds on), with every file they use; files that configure a
/// kustomize build (patches, generator sources), which are never objects of their own; Helm chart sources, which
/// are not manifests until rendered; and the plain manifests that are linted as they are.
/// </summary>
internal sealed class RepositoryInputs
{
    private RepositoryInputs(
        KustomizationCatalog catalog,
        HelmCharts charts,
        IReadOnlyList<Kustomization> kustomizations,
        IReadOnlyDictionary<Kustomization, IReadOnlyList<string>> resources,
        IReadOnlyList<string> plainFiles)
    {
        Catalog = catalog;
        Charts = charts;
        Kustomizations = kustomizations;
        Resources = resources;
        PlainFiles = plainFiles;
    }

    public KustomizationCatalog Catalog { get; }

    public HelmCharts Charts { get; }

    /// <summary>The top-most kustomizations, in path order.</summary>
    public IReadOnlyList<Kustomization> Kustomizations { get; }

    /// <summary>The resource files of each top-most kustomization's tree, to lint one by one when it is not built.</summary>
    public IReadOnlyDictionary<Kustomization, IReadOnlyList<string>> Resources { get; }

    /// <summary>The files to lint as they are, in input order.</summary>
    public IReadOnlyList<string> PlainFiles { get; }

    /// <param name="inputs">The paths as the user gave them.</param>
    /// <param name="files">The files they resolved to.</param>
    /// <param name="display">Turns an absolute path into the one findings show.</param>
    public static RepositoryInputs Plan(IReadOnlyList<string> inputs, IReadOnlyList<string> files, Func<string, string> display)
    {
        var catalog = new KustomizationCatalog(display);
        var charts = new HelmCharts(display);
        // Loops rather than LINQ chains here and below: Select chained onto Where or SelectMany is a generic virtual
        // call, which the native build resolves on its first use, about a fiftieth of a one-file run.
        var folders = new List<string>();
        foreach (var input in inputs)
        {
            if (input != InputResolver.StandardInput && Directory.Exists(input))
            {
                folders.Add(Absolute(input));
            }
        }

        // Kustomizations of the input: in a folder given as input, or in one of its folders that holds input files,
        // or named as a file.
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            if (path == InputResolver.StandardInput)
            {
                continue;
            }

            var file = Absolute(path);
            var directory = Path.GetDirectoryName(file)!;
            if (Kustomization.IsKustomizationFile(file))
            {
                candidates.Add(directory);
            }

            foreach (var folder in folders.Where(f => IsUnder(file, f)))
            {
                for (var d = directory; d is not null && (d == folder || IsUnder(d, folder)); d = Path.GetDirectoryName(d))
                {
                    candidates.Add(d);
                }
            }
        }

        foreach (var folder in folders)
        {
            candidates.Add(folder);
        }

        var found = candidates.Select(catalog.At).OfType<Kustomization>().ToList();
        var usedByOthers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kustomization in found)
        {
            foreach (var used in catalog.Tree(kustomization).Skip(1))
            {
                usedByOthers.Add(used.Directory);
            }
        }

        var roots = found.Where(k => !usedByOthers.Contains(k.Directory)).ToList();

        var configuration = new HashSet<string>(StringComparer.Ordinal);
        var built = new HashSet<string>(StringComparer.Ordinal);
        var resources = new Dictionary<Kustomization, IReadOnlyList<string>>();
        foreach (var root in roots)
        {
            var tree = catalog.Tree(root);
            var treeResources = tree.SelectMany(k => k.ResourceFiles).Distinct(StringComparer.Ordinal).ToList();
            resources[root] = treeResources;
            built.UnionWith(treeResources);
            foreach (var kustomization in tree)
            {
                configuration.Add(kustomization.Path);
                configuration.UnionWith(kustomization.ConfigurationFiles);
            }
        }

        var plain = new List<string>();
        foreach (var file in files)
        {
            if (file == InputResolver.StandardInput)
            {
                plain.Add(file);
                continue;
            }

            var absolute = Absolute(file);
            if (!Kustomization.IsKustomizationFile(absolute) && !configuration.Contains(absolute) && !built.Contains(absolute)
                && !ConfiguresAKustomization(catalog, absolute) && !charts.IsChartSource(absolute))
            {
                plain.Add(file);
            }
        }

        return new RepositoryInputs(catalog, charts, roots, resources, plain);
    }

    /// <summary>Patches and generator sources are inside their kustomization's folder (kustomize's load restrictor), so the folders above a file hold every kustomization that may use it that way.</summary>
    private static bool ConfiguresAKustomization(KustomizationCatalog catalog, string file)
    {
        for (var d = Path.GetDirectoryName(file); d is not null; d = Path.GetDirectoryName(d))
        {
            if (catalog.At(d) is { } kustomization && kustomization.ConfigurationFiles.Contains(file, StringComparer.Ordinal))
            {
                return true;
            }

            if (RepositoryRoot.IsRoot(d))
            {
                break;
            }
        }

        return false;
    }

    private static string Absolute(string path) => Path.GetFullPath(path);

    private static bool IsUnder(string path, string folder) => path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
