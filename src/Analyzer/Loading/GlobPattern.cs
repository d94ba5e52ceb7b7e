using System.Text;
using System.Text.RegularExpressions;

namespace KubeLint.Analyzer.Loading;

/// <summary>The one glob dialect of inputs and ignorePaths: <c>*</c> and <c>?</c> stay inside a path segment, <c>**</c> spans segments.</summary>
internal static class GlobPattern
{
    /// <summary>The regular-expression body (no anchors) for a glob over '/'-separated paths.</summary>
    public static string ToRegex(string glob)
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
