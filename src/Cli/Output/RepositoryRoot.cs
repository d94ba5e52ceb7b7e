namespace KubeLint.Cli.Output;

/// <summary>
/// The folder SARIF locations are relative to: the git working tree containing the current directory (code scanning
/// resolves URIs against the checkout root), else the current directory.
/// </summary>
public static class RepositoryRoot
{
    public static string Find(string currentDirectory)
    {
        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            // ".git" is a folder in a clone and a file in a worktree or submodule.
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(currentDirectory);
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="root"/> with '/' separators, or null when it lies outside
    /// the root (then only an absolute reference is faithful).
    /// </summary>
    public static string? Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }
}
