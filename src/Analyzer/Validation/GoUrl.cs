using System.Text;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// A URL as Go's net/url reads it (<c>url.Parse</c> and <c>url.ParseRequestURI</c>, net/url/url.go): scheme, opaque
/// part, user information, host (with port), path, raw query and fragment, with Go's errors word for word
/// (<c>parse "x": invalid URI for request</c>). The API server uses these for webhook URLs, the approval annotation
/// of protected CRD groups and CEL's url() and isURL(). Strings are read as UTF-16 text; Go works on UTF-8 bytes,
/// which changes nothing but the escaping of non-ASCII characters, done here on their UTF-8 bytes as Go does.
/// </summary>
public sealed class GoUrl : IEquatable<GoUrl>
{
    private GoUrl()
    {
    }

    private enum Encoding
    {
        Path,
        PathSegment,
        Host,
        Zone,
        UserPassword,
        QueryComponent,
        Fragment,
    }

    public string Scheme { get; private set; } = string.Empty;

    public string Opaque { get; private set; } = string.Empty;

    /// <summary>The user information before '@', unescaped, or null when there is none.</summary>
    public string? User { get; private set; }

    /// <summary>The host, with its port (<c>example.com:8080</c>, <c>[::1]:80</c>).</summary>
    public string Host { get; private set; } = string.Empty;

    public string Path { get; private set; } = string.Empty;

    public string RawPath { get; private set; } = string.Empty;

    public string RawQuery { get; private set; } = string.Empty;

    public string Fragment { get; private set; } = string.Empty;

    /// <summary><c>url.Parse</c>: a URL or a URL reference; null with Go's error text when it does not parse.</summary>
    public static GoUrl? Parse(string raw, out string? error)
    {
        var hash = raw.IndexOf('#');
        var head = hash < 0 ? raw : raw.Substring(0, hash);
        var url = Parse(head, viaRequest: false, out var problem);
        if (url is null)
        {
            error = $"parse {GoValue.Quote(head)}: {problem}";
            return null;
        }

        if (hash >= 0)
        {
            if (Unescape(raw.Substring(hash + 1), Encoding.Fragment, out var fragmentProblem) is not { } fragment)
            {
                error = $"parse {GoValue.Quote(raw)}: {fragmentProblem}";
                return null;
            }

            url.Fragment = fragment;
        }

        error = null;
        return url;
    }

    /// <summary><c>url.ParseRequestURI</c>: an absolute URI or an absolute path, no fragment expected.</summary>
    public static GoUrl? ParseRequestUri(string raw, out string? error)
    {
        var url = Parse(raw, viaRequest: true, out var problem);
        error = url is null ? $"parse {GoValue.Quote(raw)}: {problem}" : null;
        return url;
    }

    /// <summary><c>URL.Hostname</c>: the host without port and IPv6 brackets.</summary>
    public string Hostname => SplitHostPort(Host).Host;

    /// <summary><c>URL.Port</c>: the port, or "" when there is none.</summary>
    public string Port => SplitHostPort(Host).Port;

    /// <summary><c>URL.EscapedPath</c>: the path as written when that is a valid encoding of it, else Go's escaping.</summary>
    public string EscapedPath
    {
        get
        {
            if (RawPath.Length > 0 && ValidEncoded(RawPath) && Unescape(RawPath, Encoding.Path, out _) == Path)
            {
                return RawPath;
            }

            return Path == "*" ? "*" : Escape(Path, Encoding.Path);
        }
    }

    /// <summary><c>URL.Query</c>: the query's values by key, in the order written; malformed pairs are dropped as Go drops them.</summary>
    public IReadOnlyDictionary<string, List<string>> Query()
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in RawQuery.Split('&'))
        {
            if (pair.Length == 0 || pair.IndexOf(';') >= 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var key = Unescape(equals < 0 ? pair : pair.Substring(0, equals), Encoding.QueryComponent, out _);
            var value = Unescape(equals < 0 ? string.Empty : pair.Substring(equals + 1), Encoding.QueryComponent, out _);
            if (key is null || value is null)
            {
                continue;
            }

            if (!values.TryGetValue(key, out var list))
            {
                list = [];
                values[key] = list;
            }

            list.Add(value);
        }

        return values;
    }

    /// <summary>Equal when every part is, which is when Go's <c>URL.String</c> of both is the same text.</summary>
    public bool Equals(GoUrl? other)
        => other is not null && Scheme == other.Scheme && Opaque == other.Opaque && User == other.User && Host == other.Host
            && EscapedPath == other.EscapedPath && RawQuery == other.RawQuery && Fragment == other.Fragment;

    public override bool Equals(object? obj) => Equals(obj as GoUrl);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Host + "/" + Path);

    private static GoUrl? Parse(string raw, bool viaRequest, out string? error)
    {
        error = null;
        if (raw.Any(c => c < 0x20 || c == 0x7f))
        {
            error = "net/url: invalid control character in URL";
            return null;
        }

        if (raw.Length == 0 && viaRequest)
        {
            error = "empty url";
            return null;
        }

        var url = new GoUrl();
        if (raw == "*")
        {
            url.Path = "*";
            return url;
        }

        if (!GetScheme(raw, out var scheme, out var rest, out error))
        {
            return null;
        }

        url.Scheme = scheme.ToLowerInvariant();
        if (rest.EndsWith("?", StringComparison.Ordinal) && rest.Count(c => c == '?') == 1)
        {
            rest = rest.Substring(0, rest.Length - 1);
        }
        else if (rest.IndexOf('?') is var question and >= 0)
        {
            url.RawQuery = rest.Substring(question + 1);
            rest = rest.Substring(0, question);
        }

        if (!rest.StartsWith("/", StringComparison.Ordinal))
        {
            if (url.Scheme.Length > 0)
            {
                // Rootless paths (RFC 3986) are opaque.
                url.Opaque = rest;
                return url;
            }

            if (viaRequest)
            {
                error = "invalid URI for request";
                return null;
            }

            var slash = rest.IndexOf('/');
            if ((slash < 0 ? rest : rest.Substring(0, slash)).IndexOf(':') >= 0)
            {
                error = "first path segment in URL cannot contain colon";
                return null;
            }
        }

        if ((url.Scheme.Length > 0 || (!viaRequest && !rest.StartsWith("///", StringComparison.Ordinal))) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest.Substring(2);
            rest = string.Empty;
            var slash = authority.IndexOf('/');
            if (slash >= 0)
            {
                rest = authority.Substring(slash);
                authority = authority.Substring(0, slash);
            }

            if (!url.ParseAuthority(authority, out error))
            {
                return null;
            }
        }

        if (Unescape(rest, Encoding.Path, out error) is not { } path)
        {
            return null;
        }

        url.Path = path;
        url.RawPath = Escape(path, Encoding.Path) == rest ? string.Empty : rest;
        return url;
    }

    private static bool GetScheme(string raw, out string scheme, out string rest, out string? error)
    {
        scheme = string.Empty;
        rest = raw;
        error = null;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                continue;
            }

            if (c is (>= '0' and <= '9') or '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return true;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    error = "missing protocol scheme";
                    return false;
                }

                scheme = raw.Substring(0, i);
                rest = raw.Substring(i + 1);
            }

            return true;
        }

        return true;
    }

    private bool ParseAuthority(string authority, out string? error)
    {
        var at = authority.LastIndexOf('@');
        if (ParseHost(at < 0 ? authority : authority.Substring(at + 1), out error) is not { } host)
        {
            return false;
        }

        Host = host;
        if (at < 0)
        {
            return true;
        }

        var userinfo = authority.Substring(0, at);
        if (!userinfo.All(ValidUserinfoChar))
        {
            error = "net/url: invalid userinfo";
            return false;
        }

        var colon = userinfo.IndexOf(':');
        var name = Unescape(colon < 0 ? userinfo : userinfo.Substring(0, colon), Encoding.UserPassword, out error);
        if (name is null || (colon >= 0 && Unescape(userinfo.Substring(colon + 1), Encoding.UserPassword, out error) is null))
        {
            return false;
        }

        User = colon < 0 ? name : name + ":" + userinfo.Substring(colon + 1);
        return true;
    }

    private static string? ParseHost(string host, out string? error)
    {
        error = null;
        if (host.StartsWith("[", StringComparison.Ordinal))
        {
            // An IP literal (RFC 3986, 6874: "[fe80::1%25en0]:80").
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                error = "missing ']' in host";
                return null;
            }

            var colonPort = host.Substring(close + 1);
            if (!ValidOptionalPort(colonPort))
            {
                error = $"invalid port {GoValue.Quote(colonPort)} after host";
                return null;
            }

            var zone = host.Substring(0, close).IndexOf("%25", StringComparison.Ordinal);
            if (zone >= 0)
            {
                var address = Unescape(host.Substring(0, zone), Encoding.Host, out error);
                var zoneText = address is null ? null : Unescape(host.Substring(zone, close - zone), Encoding.Zone, out error);
                var tail = zoneText is null ? null : Unescape(host.Substring(close), Encoding.Host, out error);
                return tail is null ? null : address + zoneText + tail;
            }
        }
        else if (host.LastIndexOf(':') is var colon and >= 0)
        {
            var colonPort = host.Substring(colon);
            if (!ValidOptionalPort(colonPort))
            {
                error = $"invalid port {GoValue.Quote(colonPort)} after host";
                return null;
            }
        }

        return Unescape(host, Encoding.Host, out error);
    }

    private static (string Host, string Port) SplitHostPort(string hostPort)
    {
        var host = hostPort;
        var port = string.Empty;
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && ValidOptionalPort(host.Substring(colon)))
        {
            port = host.Substring(colon + 1);
            host = host.Substring(0, colon);
        }

        if (host.StartsWith("[", StringComparison.Ordinal) && host.EndsWith("]", StringComparison.Ordinal))
        {
            host = host.Substring(1, host.Length - 2);
        }

        return (host, port);
    }

    private static bool ValidOptionalPort(string port)
        => port.Length == 0 || (port[0] == ':' && port.Skip(1).All(c => c is >= '0' and <= '9'));

    /// <summary><c>validUserinfo</c>: RFC 3986's userinfo characters, and '%' for escapes.</summary>
    private static bool ValidUserinfoChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '.' or '_' or ':' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '%' or '@';

    /// <summary><c>validEncoded</c>: every byte either allowed as written or needing no escape.</summary>
    private static bool ValidEncoded(string text)
    {
        foreach (var c in text)
        {
            if ("!$&'()*+,;=:@[]%".IndexOf(c) < 0 && (c >= 0x80 || ShouldEscape((byte)c, Encoding.Path)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>unescape</c>: %XX sequences decoded (and '+' in query components), with Go's checks per component.</summary>
    private static string? Unescape(string text, Encoding mode, out string? error)
    {
        error = null;
        if (text.IndexOf('%') < 0 && (mode != Encoding.QueryComponent || text.IndexOf('+') < 0) && mode is not (Encoding.Host or Encoding.Zone))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    var bad = text.Substring(i, Math.Min(3, text.Length - i));
                    error = "invalid URL escape " + GoValue.Quote(bad);
                    return null;
                }

                var value = (byte)((Unhex(text[i + 1]) << 4) | Unhex(text[i + 2]));
                var sequence = text.Substring(i, 3);
                if (mode == Encoding.Host && Unhex(text[i + 1]) < 8 && sequence != "%25")
                {
                    error = "invalid URL escape " + GoValue.Quote(sequence);
                    return null;
                }

                if (mode == Encoding.Zone && sequence != "%25" && value != ' ' && ShouldEscape(value, Encoding.Host))
                {
                    error = "invalid URL escape " + GoValue.Quote(sequence);
                    return null;
                }

                bytes.Add(value);
                i += 3;
                continue;
            }

            if (mode is Encoding.Host or Encoding.Zone && c < 0x80 && ShouldEscape((byte)c, mode))
            {
                error = "invalid character " + GoValue.Quote(c.ToString()) + " in host name";
                return null;
            }

            if (c == '+' && mode == Encoding.QueryComponent)
            {
                bytes.Add((byte)' ');
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text.Substring(i, char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1)));
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 1 : 0;
            }

            i++;
        }

        return System.Text.Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary><c>escape</c>: every byte that should be escaped in the component as %XX, in upper-case hex.</summary>
    private static string Escape(string text, Encoding mode)
    {
        var result = new StringBuilder(text.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            if (!ShouldEscape(b, mode))
            {
                result.Append((char)b);
            }
            else if (b == ' ' && mode == Encoding.QueryComponent)
            {
                result.Append('+');
            }
            else
            {
                result.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }

        return result.ToString();
    }

    /// <summary><c>shouldEscape</c> (RFC 3986 §2 and the rules of each component).</summary>
    private static bool ShouldEscape(byte c, Encoding mode)
    {
        if (c is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9'))
        {
            return false;
        }

        if (mode is Encoding.Host or Encoding.Zone && "!$&'()*+,;=:[]<>\"".IndexOf((char)c) >= 0)
        {
            return false;
        }

        switch ((char)c)
        {
            case '-' or '_' or '.' or '~':
                return false;
            case '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '?' or '@':
                return mode switch
                {
                    Encoding.Path => c == '?',
                    Encoding.PathSegment => c is (byte)'/' or (byte)';' or (byte)',' or (byte)'?',
                    Encoding.UserPassword => c is (byte)'@' or (byte)'/' or (byte)'?' or (byte)':',
                    Encoding.Fragment => false,
                    _ => true,
                };
            default:
                return !(mode == Encoding.Fragment && c is (byte)'!' or (byte)'(' or (byte)')' or (byte)'*');
        }
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int Unhex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
