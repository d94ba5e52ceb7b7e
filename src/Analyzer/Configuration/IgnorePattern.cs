using System.Text;
using System.Text.RegularExpressions;

namespace KubeLint.Analyzer.Configuration;

/// <summary>
/// One <c>ignorePaths</c> glob, matched against paths relative to the configuration file's folder with '/' separators.
/// <c>*</c> and <c>?</c> stay inside one path segment, <c>**</c> spans segments. As in .gitignore, a pattern without
/// a '/' (other than a trailing one) matches a file or folder name at any depth, a pattern with one is anchored to the
/// configuration folder, and a pattern that matches a folder ignores everything below it.
/// </summary>
internal sealed class IgnorePattern
{
    private readonly Regex _regex;

    public IgnorePattern(string glob)
    {
        Glob = glob;
        var pattern = glob.Replace('\\', '/');
        if (pattern.StartsWith("./", StringComparison.Ordinal))
        {
            pattern = pattern.Substring(2);
        }

        pattern = pattern.TrimEnd('/');
        var anchored = pattern.IndexOf('/') >= 0;
        pattern = pattern.TrimStart('/');
        var body = Translate(pattern);
        _regex = new Regex(
            "^" + (anchored ? string.Empty : "(?:.*/)?") + body + "(?:/.*)?$",
            RegexOptions.CultureInvariant);
    }

    public string Glob { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    private static string Translate(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches any number of folders, including none.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.ToString();
    }
}
