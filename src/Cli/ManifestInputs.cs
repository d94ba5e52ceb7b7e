using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Cli.Repositories;

namespace KubeLint.Cli;

/// <summary>
/// Finds, reads and parses the inputs of a command: the walk (<see cref="InputWalker"/>), reading within the size
/// limit (<see cref="InputReader"/>), then parsing in parallel. Entries that cannot be read are findings in the
/// result; only paths that do not exist are <see cref="Errors"/>. The main inputs of a run are loaded as a
/// repository (<see cref="LoadRepository"/>): kustomizations built, chart sources left out.
/// </summary>
internal sealed class ManifestInputs
{
    private ManifestInputs(IReadOnlyList<string> entries, LoadResult result, IReadOnlyList<string> errors, RepositoryLoad? repository = null)
    {
        Entries = entries;
        Result = result;
        Errors = errors;
        Repository = repository;
    }

    /// <summary>Every input entry, as shown in reports: the files read, then the entries reported instead ("-" for standard input).</summary>
    public IReadOnlyList<string> Entries { get; }

    public LoadResult Result { get; }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>For <see cref="LoadRepository"/>: what maps findings on kustomize output back to their sources.</summary>
    private RepositoryLoad? Repository { get; }

    /// <summary>The findings of a run over these inputs, those on kustomize output moved to their sources (<see cref="RepositoryLoad.Finish"/>).</summary>
    public IReadOnlyList<Finding> Finish(IReadOnlyList<Finding> findings) => Repository?.Finish(findings) ?? findings;

    /// <summary>The files as they are, each one on its own (CRDs, cluster state, the baseline).</summary>
    public static ManifestInputs Load(
        ManifestLoader loader,
        IReadOnlyList<string> paths,
        Func<Stream> standardInput,
        bool followSymbolicLinks = false,
        Func<string, bool>? isIgnored = null)
    {
        var walk = Walk(paths, followSymbolicLinks, isIgnored);
        if (walk.Errors.Count > 0)
        {
            return new ManifestInputs([], new LoadResult(), walk.Errors);
        }

        var result = new LoadResult();
        walk.AddProblems(result);
        result.Add(Read(loader, walk.Files, walk.FileSystem, standardInput, stdinName: null));
        return new ManifestInputs(walk.Entries(stdinName: null), result, []);
    }

    /// <param name="loader">Loads every file; build output is read with its limits but without its <see cref="ManifestLoader.ObjectLoaded"/>.</param>
    /// <param name="paths">The paths as the user gave them.</param>
    /// <param name="standardInput">Opens standard input, read once for "-".</param>
    /// <param name="followSymbolicLinks">--follow-symlinks.</param>
    /// <param name="isExcluded">--include/--exclude and the configuration's includePaths/ignorePaths.</param>
    /// <param name="kustomizeCommand">--kustomize-command, or null to find kustomize on PATH.</param>
    /// <param name="stdinName">--stdin-filename: the name findings show for "-"; null keeps "-".</param>
    public static ManifestInputs LoadRepository(
        ManifestLoader loader,
        IReadOnlyList<string> paths,
        Func<Stream> standardInput,
        bool followSymbolicLinks,
        Func<string, bool>? isExcluded,
        string? kustomizeCommand,
        string? stdinName)
    {
        var walk = Walk(paths, followSymbolicLinks, isExcluded);
        if (walk.Errors.Count > 0)
        {
            return new ManifestInputs([], new LoadResult(), walk.Errors);
        }

        var walked = walk.Files.ToDictionary(f => f.Path.Display, StringComparer.Ordinal);
        LoadResult LoadPlain(IReadOnlyList<string> files)
        {
            // Resources of a kustomization that is not built may lie outside the walk; they are read like the rest.
            var inputs = files.Select(f => walked.TryGetValue(f, out var file) ? file : OutsideTheWalk(f, walk.FileSystem)).ToList();
            var found = new LoadResult();
            found.Findings.AddRange(inputs.OfType<Finding>());
            found.Add(Read(loader, inputs.OfType<InputFile>().ToList(), walk.FileSystem, standardInput, stdinName));
            return found;
        }

        // Findings on build output are moved to their sources through the output's whole trees: its objects are
        // loaded without the loader's per-object work, which may let parts of the trees go.
        var buildLoader = new ManifestLoader(loader.Limits);
        var repository = RepositoryLoad.Load(paths, [.. walked.Keys], kustomizeCommand, buildLoader, LoadPlain, isExcluded ?? (_ => false), Displays(paths, walk.Files));
        var result = new LoadResult();
        walk.AddProblems(result);
        result.Add(repository.Result);
        return new ManifestInputs(walk.Entries(stdinName), result, [], repository);
    }

    private static Walked Walk(IReadOnlyList<string> paths, bool followSymbolicLinks, Func<string, bool>? isIgnored)
    {
        var walker = new InputWalker { FollowSymbolicLinks = followSymbolicLinks };
        if (paths.Count == 0)
        {
            return new Walked(walker.FileSystem, [], [], []);
        }

        var set = walker.Walk(paths.Select(RawArguments.PathOf));
        var files = set.Files.Where(file => file.IsStandardInput || isIgnored?.Invoke(file.Path.Display) != true).ToList();
        var problems = set.Problems.Where(problem => isIgnored?.Invoke(problem.Location.FilePath) != true).ToList();
        return new Walked(walker.FileSystem, files, problems, set.Errors);
    }

    /// <summary>
    /// Files are read and parsed in parallel, each as a worker takes it (standard input first, once, on this
    /// thread), and merged back in input order, so the result is the same as a sequential load; parsing dominates
    /// the run time of large inputs. Reading them all first held every file's bytes at once, most of a large run's
    /// peak memory, when a file that can be read again need not keep them after loading. A file that cannot be read
    /// is a finding, and each such file is an unreadable document for the cross-object rules.
    /// </summary>
    private static LoadResult Read(ManifestLoader loader, IReadOnlyList<InputFile> files, IInputFileSystem fileSystem, Func<Stream> standardInput, string? stdinName)
    {
        var result = new LoadResult();
        var problems = new List<Finding>[files.Count];
        var stdin = new byte[]?[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].IsStandardInput)
            {
                problems[i] = [];
                stdin[i] = InputReader.Read(files[i], fileSystem, standardInput, loader.Limits, problems[i]);
            }
        }

        var loaded = new LoadResult[files.Count];
        ParallelWork.For(files.Count, i =>
        {
            var file = files[i];
            Func<byte[]?>? reopen = null;
            var bytes = stdin[i];
            if (!file.IsStandardInput)
            {
                problems[i] = [];
                bytes = InputReader.Read(file, fileSystem, standardInput, loader.Limits, problems[i]);
                reopen = () => InputReader.ReadAgain(file, fileSystem, loader.Limits);
            }

            loaded[i] = bytes is not null ? loader.Load(NameOf(file, stdinName), bytes, reopen) : new LoadResult();
        });
        foreach (var problem in problems.SelectMany(p => p))
        {
            var named = problem.Location.FilePath == InputResolver.StandardInput && stdinName is not null
                ? problem.WithLocation(new(stdinName, problem.Location.Span))
                : problem;
            result.Findings.Add(named);
            result.Unreadable.Add(UnreadableDocument.At(named.Location));
        }

        foreach (var part in loaded)
        {
            result.Add(part);
        }

        return result;
    }

    /// <summary>A path found by reading a kustomization, not by the walk: read only when it is a regular file.</summary>
    private static object OutsideTheWalk(string path, IInputFileSystem fileSystem)
    {
        var inputPath = InputPath.FromString(path);
        var entry = fileSystem.Stat(inputPath, followLinks: true);
        if (entry.Kind == FileKind.Regular)
        {
            return new InputFile(inputPath, entry.Length);
        }

        var rule = InputRules.UnreadableInput;
        return new Finding(rule, rule.DefaultSeverity, $"not a regular file but {entry.Describe()}; it is not read", new(path, Analyzer.Documents.SourceSpan.At(1, 1)), null);
    }

    /// <summary>
    /// How a file that kustomize reads is shown: as the walk showed it, else under the input folder that holds it as
    /// the walk would have named it, else relative to the current directory.
    /// </summary>
    private static Func<string, string> Displays(IReadOnlyList<string> paths, IReadOnlyList<InputFile> files)
    {
        var byFullPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => !f.IsStandardInput && f.Path.Native is null))
        {
            byFullPath.TryAdd(Path.GetFullPath(file.Path.Display), file.Path.Display);
        }

        var folders = paths.Where(p => p != InputResolver.StandardInput && Directory.Exists(p))
            .Select(p => (Full: Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, Shown: p))
            .ToList();
        return absolute =>
        {
            if (byFullPath.TryGetValue(absolute, out var shown))
            {
                return shown;
            }

            foreach (var (full, given) in folders)
            {
                if (absolute.StartsWith(full, StringComparison.Ordinal))
                {
                    var separator = given.EndsWith('/') ? string.Empty : "/";
                    return given + separator + absolute.Substring(full.Length).Replace('\\', '/');
                }
            }

            return Path.GetRelativePath(Directory.GetCurrentDirectory(), absolute).Replace('\\', '/');
        };
    }

    private static string NameOf(InputFile file, string? stdinName) => file.IsStandardInput && stdinName is not null ? stdinName : file.Path.Display;

    private sealed record Walked(IInputFileSystem FileSystem, IReadOnlyList<InputFile> Files, IReadOnlyList<Finding> Problems, IReadOnlyList<string> Errors)
    {
        /// <summary>Entries that could not be read are findings, and unreadable documents for the cross-object rules.</summary>
        public void AddProblems(LoadResult result)
        {
            result.Findings.AddRange(Problems);
            result.Unreadable.AddRange(Problems.Select(p => UnreadableDocument.At(p.Location)));
        }

        public IReadOnlyList<string> Entries(string? stdinName)
            => [.. Files.Select(f => NameOf(f, stdinName)), .. Problems.Select(p => p.Location.FilePath)];
    }
}
