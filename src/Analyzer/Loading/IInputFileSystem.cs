namespace KubeLint.Analyzer.Loading;

/// <summary>The few file system operations input walking needs, over exact OS paths.</summary>
public interface IInputFileSystem
{
    /// <summary>The status of <paramref name="path"/>; with <paramref name="followLinks"/> that of a link's target.</summary>
    FileEntry Stat(InputPath path, bool followLinks);

    /// <summary>The names in a directory (without "." and ".."); null and an error message when it cannot be listed.</summary>
    IReadOnlyList<InputPath>? List(InputPath directory, out string? error);

    /// <summary>Opens a file for reading; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    Stream OpenRead(InputPath path);
}
