using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// What walking the inputs found: the files to read, in a stable order; findings for entries that cannot be read
/// (each at its path, the rest of the inputs still checked); and the command-line paths that do not exist, which
/// are usage errors.
/// </summary>
public sealed class InputSet
{
    public List<InputFile> Files { get; } = [];

    public List<Finding> Problems { get; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>Every input entry that was found: the files and the entries reported instead of read.</summary>
    public int EntryCount => Files.Count + Problems.Count;
}
