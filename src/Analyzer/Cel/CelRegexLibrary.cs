#if NET
using System.Collections.Concurrent;
using Cel;
using KubeLint.Analyzer.Re2;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Regular expressions with Go's RE2 semantics instead of .NET's: CEL's standard matches() (cel-go's regexp.MatchString)
/// and Kubernetes' find and findAll (apiserver pkg/cel/library/regex.go), leftmost-first as Go's regexp finds.
/// </summary>
internal static class CelRegexLibrary
{
    // Patterns are nearly always literals of a few rules; the bound keeps computed patterns from growing the cache.
    private const int CacheLimit = 1024;
    private static readonly ConcurrentDictionary<string, Re2Regex> Compiled = new(StringComparer.Ordinal);

    public static void Register(CelEnvironment environment)
    {
        Type[] textText = [typeof(string), typeof(string)];
        environment.RegisterFunction("matches", textText, a => Compile((string)a[1]!, string.Empty).IsMatch((string)a[0]!));
        environment.RegisterFunction("find", textText, a => Compile((string)a[1]!, "Illegal regex: ").FindString((string)a[0]!) ?? string.Empty);
        environment.RegisterFunction("findAll", textText, a => FindAll((string)a[0]!, (string)a[1]!, -1));
        environment.RegisterFunction("findAll", [typeof(string), typeof(string), typeof(long)], a => FindAll((string)a[0]!, (string)a[1]!, (long)a[2]!));
    }

    private static object?[] FindAll(string text, string pattern, long limit)
        => [.. Compile(pattern, "Illegal regex: ").FindAll(text, limit)];

    /// <summary>regexp.Compile; its error (prefixed as the calling function words it) is the rule's run-time error.</summary>
    private static Re2Regex Compile(string pattern, string prefix)
    {
        if (Compiled.TryGetValue(pattern, out var known))
        {
            return known;
        }

        if (!Re2Regex.TryCompile(pattern, out var regex, out var error))
        {
            throw new CelRuntimeError(prefix + error);
        }

        if (Compiled.Count < CacheLimit)
        {
            Compiled.TryAdd(pattern, regex!);
        }

        return regex!;
    }
}
#endif
