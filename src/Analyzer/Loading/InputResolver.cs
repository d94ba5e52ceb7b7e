using System.Text.RegularExpressions;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Expands the inputs a user names: files, folders (recursively, *.yaml, *.yml, *.json), glob patterns
/// (<c>*</c>, <c>**</c>, <c>?</c>) and "-" for standard input, in a stable order.
/// </summary>
public static class InputResolver
{
    public const string StandardInput = "-";

    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>Resolves the inputs; a path that does not exist or matches nothing is returned in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> inputs, ICollection<string> errors)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            foreach (var file in ResolveOne(input, errors))
            {
                if (seen.Add(file))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    public static bool IsManifestFile(string path)
        => ManifestExtensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> ResolveOne(string input, ICollection<string> errors)
    {
        if (input == StandardInput)
        {
            return [StandardInput];
        }

        if (File.Exists(input))
        {
            return [input];
        }

        if (Directory.Exists(input))
        {
            return EnumerateManifests(input);
        }

        if (input.IndexOfAny(['*', '?']) >= 0)
        {
            var matches = ExpandGlob(input);
            if (matches.Count == 0)
            {
                errors.Add($"{input}: no file matches this pattern");
            }

            return matches;
        }

        errors.Add($"{input}: no such file or directory");
        return [];
    }

    private static List<string> EnumerateManifests(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsManifestFile)
            .Select(Normalize)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static List<string> ExpandGlob(string pattern)
    {
        var normalized = Normalize(pattern);
        var firstWildcard = normalized.IndexOfAny(['*', '?']);
        var baseEnd = normalized.LastIndexOf('/', firstWildcard);
        var baseDir = baseEnd < 0 ? "." : normalized.Substring(0, Math.Max(baseEnd, 1));
        var prefix = baseEnd < 0 ? string.Empty : normalized.Substring(0, baseEnd + 1);
        if (!Directory.Exists(baseDir))
        {
            return [];
        }

        var regex = new Regex("^" + GlobPattern.ToRegex(normalized.Substring(prefix.Length)) + "$", RegexOptions.CultureInvariant);
        var matches = new List<string>();
        foreach (var file in Directory.EnumerateFiles(baseDir, "*", SearchOption.AllDirectories))
        {
            var relative = Normalize(file);
            if (baseEnd >= 0 && relative.StartsWith(prefix, StringComparison.Ordinal))
            {
                relative = relative.Substring(prefix.Length);
            }
            else if (baseEnd < 0 && relative.StartsWith("./", StringComparison.Ordinal))
            {
                relative = relative.Substring(2);
            }

            if (regex.IsMatch(relative))
            {
                matches.Add(prefix + relative);
            }
        }

        matches.Sort(StringComparer.Ordinal);
        return matches;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
