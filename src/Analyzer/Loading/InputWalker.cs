using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Expands the inputs as <c>find PATH -xtype f</c> would, keeping manifest files (*.yaml, *.yml, *.json):
/// <list type="bullet">
/// <item>Only regular files are read. A FIFO, socket or device is a finding of its own ("not a regular file") and
/// is never opened, so it cannot block the run.</item>
/// <item>A symbolic link to a file counts as the file. Symbolic links to directories are not followed inside a
/// folder unless asked (<see cref="FollowSymbolicLinks"/>, <c>find -L</c>); then a directory seen before (same
/// device and inode) is not entered again, which ends cycles such as <c>sub/up -> ..</c>. Paths named on the
/// command line are followed (<c>find -H</c>).</item>
/// <item>A broken link, a link loop or an entry that cannot be examined inside a folder is a finding at its path;
/// the rest of the folder is still checked. Only a command-line path that does not exist is an error of the run.</item>
/// <item>Names are kept as the operating system gives them (<see cref="InputPath"/>), in ordinal order.</item>
/// </list>
/// </summary>
public sealed class InputWalker
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    private static readonly Lazy<IInputFileSystem> NativeOrPortable = new(CreateDefault);

    private readonly IInputFileSystem _fileSystem;
    private readonly InputSet _set = new();
    private readonly HashSet<string> _seenPaths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenDirectories = new(StringComparer.Ordinal);

    public InputWalker(IInputFileSystem? fileSystem = null)
    {
        _fileSystem = fileSystem ?? NativeOrPortable.Value;
    }

    /// <summary>The file system of this machine: exact byte paths on 64-bit Linux, .NET's APIs elsewhere.</summary>
    public static IInputFileSystem DefaultFileSystem => NativeOrPortable.Value;

    public bool FollowSymbolicLinks { get; init; }

    public IInputFileSystem FileSystem => _fileSystem;

    public static bool IsManifestFile(string path)
        => ManifestExtensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    /// <summary>Walks every input; "-" is standard input (once).</summary>
    public InputSet Walk(IEnumerable<InputPath> inputs)
    {
        foreach (var input in inputs)
        {
            if (input.Display == InputResolver.StandardInput && input.Native is null)
            {
                if (_seenPaths.Add(InputResolver.StandardInput))
                {
                    _set.Files.Add(InputFile.StandardInput);
                }

                continue;
            }

            WalkInput(Normalize(input));
        }

        return _set;
    }

    private void WalkInput(InputPath input)
    {
        var entry = _fileSystem.Stat(input, followLinks: true);
        switch (entry.Kind)
        {
            case FileKind.Missing when input.Native is null && input.Display.IndexOfAny(['*', '?']) >= 0:
                ExpandGlob(input.Display);
                break;
            case FileKind.Missing:
                _set.Errors.Add($"{input.Display}: no such file or directory");
                break;
            case FileKind.Directory:
                WalkDirectory(input, entry);
                break;
            default:
                // A file named on the command line is read whatever its extension.
                Add(input, Classify(input, entry));
                break;
        }
    }

    private void WalkDirectory(InputPath root, FileEntry rootEntry)
        => AddAll(Enumerate(root, rootEntry, _seenDirectories, relativeToDot: false).Where(found => IsManifestFile(found.Path.Display)));

    /// <summary>
    /// Adds entries in path order. Two paths to one file are one input, read at the path that is not a symbolic link
    /// where there is one, so that its findings are reported once and where the file is.
    /// </summary>
    private void AddAll(IEnumerable<(InputPath Path, FileEntry Entry, bool IsLink)> entries)
    {
        var accepted = new List<(InputPath Path, object Result)>();
        foreach (var (path, entry, _) in entries.OrderBy(found => found.IsLink))
        {
            if (Classify(path, entry) is { } result)
            {
                accepted.Add((path, result));
            }
        }

        accepted.Sort((a, b) => string.CompareOrdinal(a.Path.Display, b.Path.Display));
        foreach (var (path, result) in accepted)
        {
            Add(path, result);
        }
    }

    /// <summary>
    /// Every entry under a folder but its subfolders, in ordinal order; depth-first with an explicit stack, so no
    /// folder depth can exhaust the call stack. A folder that cannot be listed is reported at its path.
    /// </summary>
    private List<(InputPath Path, FileEntry Entry, bool IsLink)> Enumerate(InputPath root, FileEntry rootEntry, HashSet<string> seenDirectories, bool relativeToDot)
    {
        var found = new List<(InputPath Path, FileEntry Entry, bool IsLink)>();
        var pending = new Stack<(InputPath Path, FileEntry Entry)>();
        pending.Push((root, rootEntry));
        while (pending.Count > 0)
        {
            var (directory, status) = pending.Pop();
            if (status.Identity is { } identity && !seenDirectories.Add(identity))
            {
                continue;
            }

            var names = _fileSystem.List(directory, out var error);
            if (names is null)
            {
                Report(directory, $"cannot read the directory: {error}");
                continue;
            }

            foreach (var name in names)
            {
                // A pattern without a folder ("*.yaml") is matched, and shown, relative to the current folder.
                var path = relativeToDot && ReferenceEquals(directory, root) ? name : directory.Join(name);
                var own = _fileSystem.Stat(path, followLinks: false);
                var entry = own.Kind == FileKind.SymbolicLink ? _fileSystem.Stat(path, followLinks: true) : own;
                if (entry.Kind != FileKind.Directory)
                {
                    found.Add((path, entry, own.Kind == FileKind.SymbolicLink));
                }
                else if (own.Kind != FileKind.SymbolicLink || FollowSymbolicLinks)
                {
                    pending.Push((path, entry));
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Path.Display, b.Path.Display));
        return found;
    }

    /// <summary>The file to read, or the finding that replaces it; null for a path or file already taken.</summary>
    private object? Classify(InputPath path, FileEntry entry)
    {
        if (!_seenPaths.Add(path.Display))
        {
            return null;
        }

        return entry.Kind switch
        {
            FileKind.Regular when entry.Identity is not null && !_seenFiles.Add(entry.Identity) => null,
            FileKind.Regular => new InputFile(path, entry.Length),
            FileKind.BrokenLink => Problem(path, "broken symbolic link: its target does not exist"),
            FileKind.LinkLoop => Problem(path, "symbolic link loop: too many levels of symbolic links"),
            FileKind.Inaccessible => Problem(path, $"cannot read: {entry.Error}"),
            _ => Problem(path, $"not a regular file but {entry.Describe()}; it is not read. To lint what it produces, pipe it to standard input: ... | kubelint -"),
        };
    }

    private void Add(InputPath path, object? result)
    {
        switch (result)
        {
            case InputFile file:
                _set.Files.Add(file);
                break;
            case Finding problem:
                _set.Problems.Add(problem);
                break;
        }
    }

    private void ExpandGlob(string pattern)
    {
        var firstWildcard = pattern.IndexOfAny(['*', '?']);
        var baseEnd = pattern.LastIndexOf('/', firstWildcard);
        var root = InputPath.FromString(baseEnd < 0 ? "." : pattern.Substring(0, Math.Max(baseEnd, 1)));
        var prefix = baseEnd < 0 ? string.Empty : pattern.Substring(0, baseEnd + 1);
        var regex = new Regex("^" + GlobPattern.ToRegex(pattern.Substring(prefix.Length)) + "$", RegexOptions.CultureInvariant);
        var rootEntry = _fileSystem.Stat(root, followLinks: true);
        var matched = false;
        if (rootEntry.Kind == FileKind.Directory)
        {
            // Each pattern walks its folder afresh: a folder walked for an earlier input still has matches.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var matches = Enumerate(root, rootEntry, seen, relativeToDot: baseEnd < 0)
                .Where(found => regex.IsMatch(found.Path.Display.Substring(prefix.Length)))
                .ToList();
            matched = matches.Count > 0;
            AddAll(matches);
        }

        if (!matched)
        {
            _set.Errors.Add($"{pattern}: no file matches this pattern");
        }
    }

    private void Report(InputPath path, string message) => _set.Problems.Add(Problem(path, message));

    private static Finding Problem(InputPath path, string message)
    {
        var rule = InputRules.UnreadableInput;
        return new Finding(rule, rule.DefaultSeverity, message, new SourceLocation(path.Display, SourceSpan.At(1, 1)), null);
    }

    /// <summary>Windows paths are shown with '/', as on every other system; elsewhere a backslash is part of a name.</summary>
    private static InputPath Normalize(InputPath path)
        => Path.DirectorySeparatorChar == '\\' && path.Native is null ? InputPath.FromString(path.Display.Replace('\\', '/')) : path;

    private static IInputFileSystem CreateDefault()
    {
#if NET
        if (UnixFileSystem.TryCreate() is { } native)
        {
            return native;
        }
#endif
        return PortableFileSystem.Instance;
    }
}
