namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Expands the inputs a user names: files, folders (recursively, *.yaml, *.yml, *.json), glob patterns
/// (<c>*</c>, <c>**</c>, <c>?</c>) and "-" for standard input, in a stable order. The walk itself is
/// <see cref="InputWalker"/>'s (find -xtype f semantics); this is its string form for callers that only need paths.
/// </summary>
public static class InputResolver
{
    public const string StandardInput = "-";

    /// <summary>
    /// The paths of the readable files the inputs name; a path that does not exist or matches nothing is returned in
    /// <paramref name="errors"/>, and so is each entry that cannot be read (a FIFO, a broken link, ...).
    /// </summary>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> inputs, ICollection<string> errors)
    {
        var set = new InputWalker().Walk(inputs.Select(InputPath.FromString));
        foreach (var error in set.Errors.Concat(set.Problems.Select(p => $"{p.Location.FilePath}: {p.Message}")))
        {
            errors.Add(error);
        }

        return set.Files.Select(f => f.Path.Display).ToList();
    }

    public static bool IsManifestFile(string path) => InputWalker.IsManifestFile(path);
}
