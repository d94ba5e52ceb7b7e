using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Cli.Kustomize;

namespace KubeLint.Cli.Repositories;

/// <summary>
/// The main inputs of a run loaded as a repository: plain manifests as they are, each top-most kustomization built
/// with kustomize (or its resources one by one when that is not possible, with a notice), Helm chart sources left
/// out with a notice. After the engine has run, <see cref="Finish"/> moves findings on build output to their sources.
/// </summary>
internal sealed class RepositoryLoad
{
    private readonly List<KustomizeSourceMap> _maps;
    private readonly Func<string, bool> _excluded;

    private RepositoryLoad(LoadResult result, List<KustomizeSourceMap> maps, Func<string, bool> excluded)
    {
        Result = result;
        _maps = maps;
        _excluded = excluded;
    }

    /// <summary>Everything loaded, including the notices about kustomizations and charts as input findings.</summary>
    public LoadResult Result { get; }

    /// <param name="inputs">The paths as the user gave them.</param>
    /// <param name="files">The files they resolved to, already filtered.</param>
    /// <param name="kustomizeCommand">--kustomize-command, or null to find kustomize on PATH.</param>
    /// <param name="loader">Loads build output.</param>
    /// <param name="loadPlain">Reads and loads files as they are.</param>
    /// <param name="excluded">Whether a path is left out by --include/--exclude or the configuration.</param>
    /// <param name="display">Turns an absolute path into the one findings show.</param>
    public static RepositoryLoad Load(
        IReadOnlyList<string> inputs,
        IReadOnlyList<string> files,
        string? kustomizeCommand,
        ManifestLoader loader,
        Func<IReadOnlyList<string>, LoadResult> loadPlain,
        Func<string, bool> excluded,
        Func<string, string> display)
    {
        var plan = RepositoryInputs.Plan(inputs, files, display);
        var result = new LoadResult();
        var maps = new List<KustomizeSourceMap>();
        var fallback = new List<string>();
        var buildable = plan.Kustomizations.Where(k => !k.IsComponent).ToList();
        var command = buildable.Count > 0 ? KustomizeCommand.Resolve(kustomizeCommand) : null;

        // A component cannot be built on its own; its resources are still manifests.
        fallback.AddRange(plan.Kustomizations.Where(k => k.IsComponent).SelectMany(k => plan.Resources[k]));
        if (command is null)
        {
            foreach (var kustomization in buildable)
            {
                if (kustomizeCommand != KustomizeCommand.None)
                {
                    result.Findings.Add(Notice(
                        RepositoryRules.KustomizationNotBuilt,
                        kustomization,
                        "kustomization not built: neither kustomize nor kubectl is on PATH (see --kustomize-command); "
                            + $"its resources are linted one by one, without its patches and transformations"));
                }

                fallback.AddRange(plan.Resources[kustomization]);
            }
        }
        else
        {
            var builds = new KustomizeBuild[buildable.Count];
            Parallel.For(0, buildable.Count, i => builds[i] = KustomizeBuild.Run(command, buildable[i], plan.Catalog, loader));
            foreach (var build in builds)
            {
                if (build.Output is { } output && build.Map is { } map)
                {
                    result.Add(output);
                    maps.Add(map);
                }
                else
                {
                    result.Findings.Add(Notice(
                        RepositoryRules.KustomizeBuildFailed,
                        build.Root,
                        $"{command} failed: {string.Join(" ", (build.Error ?? string.Empty).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))}; its resources are linted one by one"));
                    fallback.AddRange(plan.Resources[build.Root]);
                }
            }
        }

        // Loops rather than a Concat/Select/Where chain: chaining Select onto a LINQ iterator is a generic virtual
        // call, which the native build resolves at run time (a type loader call of its own on every run).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plain = new List<string>(plan.PlainFiles.Count + fallback.Count);
        foreach (var file in plan.PlainFiles)
        {
            seen.Add(Path.GetFullPath(file));
            plain.Add(file);
        }

        foreach (var file in fallback)
        {
            if (File.Exists(file) && seen.Add(file) && display(file) is var shown && !excluded(shown))
            {
                plain.Add(shown);
            }
        }

        result.Add(loadPlain(plain));
        result.Findings.AddRange(plan.Charts.Notices());
        return new RepositoryLoad(result, maps, excluded);
    }

    /// <summary>
    /// The engine's findings with those on build output moved to the files they came from, those moved into
    /// excluded files or covered by a comment there dropped, duplicates (one base built by two overlays) removed,
    /// in the canonical order.
    /// </summary>
    public IReadOnlyList<Finding> Finish(IReadOnlyList<Finding> findings)
    {
        if (_maps.Count == 0)
        {
            return findings;
        }

        var byOutput = _maps.ToDictionary(m => m.OutputPath, StringComparer.Ordinal);
        var mapped = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (byOutput.TryGetValue(finding.Location.FilePath, out var map))
            {
                var moved = map.Map(finding);
                if (!_excluded(moved.Location.FilePath))
                {
                    mapped.Add(moved);
                }
            }
            else
            {
                mapped.Add(finding);
            }
        }

        LintEngine.SuppressByComments(mapped, _maps.SelectMany(m => m.SourceFiles()).Distinct());
        mapped.Sort(FindingOrder.Instance);
        var unique = new List<Finding>(mapped.Count);
        foreach (var finding in mapped)
        {
            if (unique.Count == 0 || FindingOrder.Instance.Compare(unique[^1], finding) != 0)
            {
                unique.Add(finding);
            }
        }

        return unique;
    }

    private static Finding Notice(RuleDescriptor rule, Kustomization kustomization, string message)
        => new(rule, rule.DefaultSeverity, message, new SourceLocation(kustomization.File.Path, SourceSpan.At(1, 1)), null);
}
