namespace KubeLint.Analyzer.Schema;

/// <summary>
/// apimachinery's name and label checks (validation.go): DNS-1123 labels and subdomains, RFC 1035 labels,
/// qualified names for label keys and label values. The texts are the API server's.
/// </summary>
internal static class ObjectNames
{
    public const int LabelMaxLength = 63;
    public const int SubdomainMaxLength = 253;

    public static string? CheckDns1123Label(string value)
    {
        if (value.Length > LabelMaxLength)
        {
            return $"must be no more than {LabelMaxLength} characters";
        }

        return IsDns1123Label(value)
            ? null
            : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    }

    public static string? CheckRfc1035Label(string value)
    {
        if (value.Length > LabelMaxLength)
        {
            return $"must be no more than {LabelMaxLength} characters";
        }

        return IsDns1123Label(value) && value[0] is >= 'a' and <= 'z'
            ? null
            : "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    }

    public static string? CheckDns1123Subdomain(string value)
    {
        if (value.Length > SubdomainMaxLength)
        {
            return $"must be no more than {SubdomainMaxLength} characters";
        }

        return IsDns1123Subdomain(value)
            ? null
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    }

    /// <summary>Names of kinds that are only path segments (RBAC roles and bindings, custom resources).</summary>
    public static string? CheckPathSegment(string value)
    {
        if (value is "." or "..")
        {
            return $"may not be '{value}'";
        }

        return value.IndexOf('/') >= 0 || value.IndexOf('%') >= 0 ? "may not contain '/' or '%'" : null;
    }

    /// <summary>A label key: optional DNS subdomain prefix and '/', then a name part.</summary>
    public static string? CheckLabelKey(string key)
    {
        var slash = key.IndexOf('/');
        var name = key;
        if (slash >= 0)
        {
            var prefix = key.Substring(0, slash);
            name = key.Substring(slash + 1);
            if (prefix.Length == 0)
            {
                return "prefix part must be non-empty";
            }

            if (CheckDns1123Subdomain(prefix) is { } prefixError)
            {
                return "prefix part " + prefixError;
            }
        }

        if (name.Length == 0)
        {
            return "name part must be non-empty";
        }

        if (name.Length > LabelMaxLength)
        {
            return $"name part must be no more than {LabelMaxLength} characters";
        }

        return IsLabelValue(name)
            ? null
            : "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    }

    public static string? CheckLabelValue(string value)
    {
        if (value.Length > LabelMaxLength)
        {
            return $"must be no more than {LabelMaxLength} characters";
        }

        return value.Length == 0 || IsLabelValue(value)
            ? null
            : "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    }

    private static bool IsDns1123Label(string value)
    {
        if (value.Length == 0 || !IsLowerAlphanumeric(value[0]) || !IsLowerAlphanumeric(value[value.Length - 1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsLowerAlphanumeric(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDns1123Subdomain(string value)
    {
        foreach (var part in value.Split('.'))
        {
            if (!IsDns1123Label(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabelValue(string value)
    {
        if (!IsAlphanumeric(value[0]) || !IsAlphanumeric(value[value.Length - 1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsAlphanumeric(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
