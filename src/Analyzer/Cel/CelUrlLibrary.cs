#if NET
using Cel;
using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Kubernetes' URL library (apiserver pkg/cel/library/urls.go): url() and isURL() accept what Go's url.ParseRequestURI
/// accepts (an absolute URI or an absolute path), and the URL methods read url.Parse's result.
/// </summary>
internal static class CelUrlLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Type[] url = [typeof(GoUrl)];
        environment.RegisterFunction("url", [typeof(string)], a => ToUrl((string)a[0]!));
        environment.RegisterFunction("isURL", [typeof(string)], a => GoUrl.ParseRequestUri((string)a[0]!, out _) is not null);
        environment.RegisterFunction("getScheme", url, a => ((GoUrl)a[0]!).Scheme);
        environment.RegisterFunction("getHost", url, a => ((GoUrl)a[0]!).Host);
        environment.RegisterFunction("getHostname", url, a => ((GoUrl)a[0]!).Hostname);
        environment.RegisterFunction("getPort", url, a => ((GoUrl)a[0]!).Port);
        environment.RegisterFunction("getEscapedPath", url, a => ((GoUrl)a[0]!).EscapedPath);
        environment.RegisterFunction("getQuery", url, a => Query((GoUrl)a[0]!));
    }

    /// <summary>stringToUrl: ParseRequestURI decides, url.Parse gives the value (a fragment stays out of the path).</summary>
    private static GoUrl ToUrl(string text)
    {
        if (GoUrl.ParseRequestUri(text, out var error) is null || GoUrl.Parse(text, out error) is not { } url)
        {
            throw new CelRuntimeError("URL parse error during conversion from string: " + error);
        }

        return url;
    }

    private static Dictionary<string, object?> Query(GoUrl url)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in url.Query())
        {
            map[pair.Key] = pair.Value.ToArray<object?>();
        }

        return map;
    }
}
#endif
