using KubeLint.Analyzer.Loading;

namespace KubeLint.Analyzer.Configuration;

/// <summary>
/// Include and exclude globs over input paths, gitignore-style (see <see cref="IgnorePattern"/>), matched relative
/// to a base folder: <c>includePaths</c>/<c>ignorePaths</c> of .kubelint.yaml (relative to the file's folder) and
/// <c>--include</c>/<c>--exclude</c> (relative to the current directory). A path is excluded when it matches an
/// exclude glob, or when there are include globs and it matches none. Standard input is never excluded.
/// </summary>
public sealed class PathPatterns
{
    private readonly IReadOnlyList<IgnorePattern> _include;
    private readonly IReadOnlyList<IgnorePattern> _exclude;
    private readonly string _root;

    public PathPatterns(IEnumerable<string> include, IEnumerable<string> exclude, string baseDirectory)
    {
        _include = include.Select(g => new IgnorePattern(g)).ToList();
        _exclude = exclude.Select(g => new IgnorePattern(g)).ToList();
        _root = Path.GetFullPath(baseDirectory).Replace('\\', '/').TrimEnd('/') + "/";
        Include = _include.Select(p => p.Glob).ToList();
        Exclude = _exclude.Select(p => p.Glob).ToList();
    }

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    public bool IsEmpty => _include.Count == 0 && _exclude.Count == 0;

    /// <summary>
    /// True when <paramref name="path"/> (relative paths are taken from the current directory) is left out. It is
    /// matched relative to the base folder; a path outside it is matched as given.
    /// </summary>
    public bool IsExcluded(string path)
    {
        if (IsEmpty || path == InputResolver.StandardInput)
        {
            return false;
        }

        var full = Path.GetFullPath(path).Replace('\\', '/');
        var relative = full.StartsWith(_root, StringComparison.Ordinal) ? full.Substring(_root.Length) : path.Replace('\\', '/');
        return _exclude.Any(p => p.IsMatch(relative)) || (_include.Count > 0 && !_include.Any(p => p.IsMatch(relative)));
    }
}
