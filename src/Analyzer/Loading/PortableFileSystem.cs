namespace KubeLint.Analyzer.Loading;

/// <summary>
/// File system access through .NET's own APIs, for systems without <see cref="UnixFileSystem"/>. .NET does not tell
/// a FIFO or device from a regular file; they report a length of 0 and so are never opened (nothing is read for an
/// empty file), which keeps a FIFO from blocking the run. Identities are resolved full paths.
/// </summary>
internal sealed class PortableFileSystem : IInputFileSystem
{
    public static PortableFileSystem Instance { get; } = new();

    public FileEntry Stat(InputPath path, bool followLinks)
    {
        var name = path.Display;
        try
        {
            FileSystemInfo info = Directory.Exists(name) ? new DirectoryInfo(name) : new FileInfo(name);
#if NET
            if (info.LinkTarget is not null)
            {
                if (!followLinks)
                {
                    return FileEntry.Of(FileKind.SymbolicLink);
                }

                FileSystemInfo? target;
                try
                {
                    target = info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    return FileEntry.Of(FileKind.LinkLoop);
                }

                if (target is null || !target.Exists)
                {
                    return FileEntry.Of(FileKind.BrokenLink);
                }

                info = target;
            }
#endif

            return info switch
            {
                DirectoryInfo { Exists: true } directory => new FileEntry(FileKind.Directory, 0, directory.FullName),
                FileInfo { Exists: true } file => new FileEntry(FileKind.Regular, file.Length, file.FullName),
                _ => FileEntry.Of(FileKind.Missing),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileEntry.Of(FileKind.Inaccessible, ex.Message);
        }
    }

    public IReadOnlyList<InputPath>? List(InputPath directory, out string? error)
    {
        try
        {
            error = null;
            return Directory.EnumerateFileSystemEntries(directory.Display)
                .Select(entry => InputPath.FromString(Path.GetFileName(entry)))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }

    public Stream OpenRead(InputPath path)
        => new FileStream(path.Display, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
}
