namespace KubeLint.Analyzer.Loading;

/// <summary>What a path names, after following symbolic links where asked.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>A symbolic link whose target does not exist.</summary>
    BrokenLink,

    /// <summary>Symbolic links that point at each other (ELOOP).</summary>
    LinkLoop,

    /// <summary>The entry exists but cannot be examined (permission denied and the like); see <see cref="FileEntry.Error"/>.</summary>
    Inaccessible,
}

/// <summary>
/// The status of a path: its kind, its size and its identity, which is the same for every path to one file or
/// directory ("device:inode" where the system says, else the resolved full path).
/// </summary>
public readonly record struct FileEntry(FileKind Kind, long Length, string? Identity, string? Error = null)
{
    public static FileEntry Of(FileKind kind, string? error = null) => new(kind, 0, null, error);

    /// <summary>The noun for messages ("a FIFO", "a socket").</summary>
    public string Describe() => Kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        _ => "an entry of unknown type",
    };
}
