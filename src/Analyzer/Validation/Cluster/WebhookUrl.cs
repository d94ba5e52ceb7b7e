namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// The parts of a URL that <c>webhook.ValidateWebhookURL</c> (staging/src/k8s.io/apiserver/pkg/util/webhook/validation.go)
/// looks at, split as Go's <c>net/url.Parse</c> splits them, with its errors for the cases a manifest can hold:
/// control characters, a missing scheme, a colon in a scheme-less first segment, a bad port and bad host characters.
/// </summary>
internal sealed class WebhookUrl
{
    private WebhookUrl(string scheme, string? user, string host, string query, string fragment)
    {
        Scheme = scheme;
        User = user;
        Host = host;
        Query = query;
        Fragment = fragment;
    }

    public string Scheme { get; }

    /// <summary>The user information before '@', or null when there is none.</summary>
    public string? User { get; }

    public string Host { get; }

    public string Query { get; }

    public string Fragment { get; }

    /// <summary>Splits <paramref name="url"/>; <paramref name="error"/> is <c>url.Parse</c>'s error text otherwise.</summary>
    public static WebhookUrl? Parse(string url, out string? error)
    {
        error = null;
        var hash = url.IndexOf('#');
        var rest = hash < 0 ? url : url.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : url.Substring(hash + 1);
        if (rest.Any(c => c < 0x20 || c == 0x7f))
        {
            return Fail(url, "net/url: invalid control character in URL", out error);
        }

        var scheme = string.Empty;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (char.IsLetter(c) && c < 0x80)
            {
                continue;
            }

            if (c is (>= '0' and <= '9') or '+' or '-' or '.')
            {
                if (i == 0)
                {
                    break;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    return Fail(url, "missing protocol scheme", out error);
                }

                scheme = rest.Substring(0, i).ToLowerInvariant();
                rest = rest.Substring(i + 1);
            }

            break;
        }

        var question = rest.IndexOf('?');
        var query = question < 0 ? string.Empty : rest.Substring(question + 1);
        rest = question < 0 ? rest : rest.Substring(0, question);
        if (!rest.StartsWith("/", StringComparison.Ordinal))
        {
            if (scheme.Length > 0)
            {
                // An opaque URL ("https:host"): no host.
                return new WebhookUrl(scheme, null, string.Empty, query, fragment);
            }

            var slash = rest.IndexOf('/');
            if ((slash < 0 ? rest : rest.Substring(0, slash)).IndexOf(':') >= 0)
            {
                return Fail(url, "first path segment in URL cannot contain colon", out error);
            }
        }

        if (!rest.StartsWith("//", StringComparison.Ordinal) || (scheme.Length == 0 && rest.StartsWith("///", StringComparison.Ordinal)))
        {
            return new WebhookUrl(scheme, null, string.Empty, query, fragment);
        }

        var authority = rest.Substring(2);
        var end = authority.IndexOf('/');
        authority = end < 0 ? authority : authority.Substring(0, end);
        var at = authority.LastIndexOf('@');
        var user = at < 0 ? null : authority.Substring(0, at);
        var host = at < 0 ? authority : authority.Substring(at + 1);
        return HostError(host) is { } hostError ? Fail(url, hostError, out error) : new WebhookUrl(scheme, user, host, query, fragment);
    }

    /// <summary><c>parseHost</c>: a bracketed IPv6 literal or a name, then an optional numeric port.</summary>
    private static string? HostError(string host)
    {
        var name = host;
        var port = string.Empty;
        if (host.StartsWith("[", StringComparison.Ordinal))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                return "missing ']' in host";
            }

            name = host.Substring(0, close + 1);
            port = host.Substring(close + 1);
        }
        else if (host.LastIndexOf(':') is >= 0 and var colon)
        {
            name = host.Substring(0, colon);
            port = host.Substring(colon);
        }

        if (port.Length > 0 && (port[0] != ':' || !port.Skip(1).All(c => c is >= '0' and <= '9')))
        {
            return $"invalid port {GoValue.Quote(port)} after host";
        }

        foreach (var c in name)
        {
            var allowed = c >= 0x80 || char.IsLetterOrDigit(c) || "-._~!$&'()*+,;=:[]<>\"%".IndexOf(c) >= 0;
            if (!allowed)
            {
                return $"invalid character {GoValue.Quote(c.ToString())} in host name";
            }
        }

        return null;
    }

    private static WebhookUrl? Fail(string url, string problem, out string? error)
    {
        error = $"parse {GoValue.Quote(url)}: {problem}";
        return null;
    }
}
