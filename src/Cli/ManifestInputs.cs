using KubeLint.Analyzer.Loading;

namespace KubeLint.Cli;

/// <summary>
/// Finds, reads and parses the inputs of a command: the walk (<see cref="InputWalker"/>), reading within the size
/// limit (<see cref="InputReader"/>), then parsing in parallel. Entries that cannot be read are findings in the
/// result; only paths that do not exist are <see cref="Errors"/>.
/// </summary>
internal sealed class ManifestInputs
{
    private ManifestInputs(IReadOnlyList<string> entries, LoadResult result, IReadOnlyList<string> errors)
    {
        Entries = entries;
        Result = result;
        Errors = errors;
    }

    /// <summary>Every input entry, as shown in reports: the files read, then the entries reported instead ("-" for standard input).</summary>
    public IReadOnlyList<string> Entries { get; }

    public LoadResult Result { get; }

    public IReadOnlyList<string> Errors { get; }

    public static ManifestInputs Load(
        ManifestLoader loader,
        IReadOnlyList<string> paths,
        Func<Stream> standardInput,
        bool followSymbolicLinks = false,
        Func<string, bool>? isIgnored = null)
    {
        var result = new LoadResult();
        if (paths.Count == 0)
        {
            return new ManifestInputs([], result, []);
        }

        var walker = new InputWalker { FollowSymbolicLinks = followSymbolicLinks };
        var set = walker.Walk(paths.Select(RawArguments.PathOf));
        if (set.Errors.Count > 0)
        {
            return new ManifestInputs([], result, set.Errors);
        }

        var files = set.Files.Where(file => file.IsStandardInput || isIgnored?.Invoke(file.Path.Display) != true).ToList();
        var problems = set.Problems.Where(problem => isIgnored?.Invoke(problem.Location.FilePath) != true).ToList();
        result.Findings.AddRange(problems);

        // Files are read in order (standard input once), parsed in parallel, and merged back in input order, so the
        // result is the same as a sequential load; parsing dominates the run time of large inputs.
        var contents = files.Select(file => InputReader.Read(file, walker.FileSystem, standardInput, loader.Limits, result.Findings)).ToArray();
        var loaded = new LoadResult[files.Count];
        Parallel.For(0, files.Count, i => loaded[i] = contents[i] is { } bytes ? loader.Load(files[i].Path.Display, bytes) : new LoadResult());
        foreach (var part in loaded)
        {
            result.Add(part);
        }

        return new ManifestInputs([.. files.Select(f => f.Path.Display), .. problems.Select(p => p.Location.FilePath)], result, []);
    }
}
