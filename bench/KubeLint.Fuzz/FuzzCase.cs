namespace KubeLint.Fuzz;

/// <summary>
/// One run of kubelint: files written into a fresh folder (or special entries made there), the arguments (with
/// {dir} for that folder), the number of input entries the summary must count, and what the output must contain.
/// </summary>
internal sealed class FuzzCase
{
    public required string Name { get; init; }

    public Dictionary<string, byte[]> Files { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Entries other than regular files (FIFOs, links, sparse files), made in the folder before the run.</summary>
    public Action<string>? Prepare { get; init; }

    public required string[] Arguments { get; init; }

    /// <summary>The file count the summary must give; null when the format has no summary or the count is not known.</summary>
    public int? ExpectedFiles { get; init; }

    /// <summary>Texts the standard output must contain (rule ids, messages).</summary>
    public string[] Expected { get; init; } = [];

    public byte[]? StandardInput { get; init; }

    /// <summary>Whether the SARIF of this run is validated (the validator is slow, so it is sampled).</summary>
    public bool ValidateSarif { get; init; }
}
