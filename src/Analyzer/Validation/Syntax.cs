using System.Globalization;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// apimachinery's string and number checks (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go):
/// each returns the messages the API server prints, empty when the value is valid. The patterns are matched by
/// hand-written loops over the characters: they are tiny, anchored and hot (every name, label and port), and a loop
/// cannot differ from Go's anchored match the way .NET's '$' (which also matches before a final newline) would.
/// </summary>
public static class Syntax
{
    public const int DnsLabelMaxLength = 63;
    public const int DnsSubdomainMaxLength = 253;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;

    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string WildcardSubdomainFormat = "\\*\\." + Dns1123SubdomainFormat;
    private const string CIdentifierFormat = "[A-Za-z_][A-Za-z0-9_]*";
    private const string PercentFormat = "[0-9]+%";
    private const string HttpHeaderNameFormat = "[-A-Za-z0-9]+";
    private const string EnvVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private const string ConfigMapKeyFormat = "[-._a-zA-Z0-9]+";

    private static readonly IReadOnlyList<string> Valid = [];

    /// <summary><c>IsQualifiedName</c>: label keys, annotation keys (lower-cased first), finalizers.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part " + EmptyError);
                }
                else
                {
                    errors.AddRange(IsDns1123Subdomain(parts[0]).Select(message => "prefix part " + message));
                }

                break;
            default:
                errors.Add("a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyError);
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLenError(QualifiedNameMaxLength));
        }

        if (!IsQualifiedNamePart(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    /// <summary><c>IsValidLabelValue</c>.</summary>
    public static IReadOnlyList<string> IsValidLabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > LabelValueMaxLength)
        {
            errors.Add(MaxLenError(LabelValueMaxLength));
        }

        if (value.Length > 0 && !IsQualifiedNamePart(value))
        {
            errors.Add(RegexError(
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                LabelValueFormat,
                "MyValue",
                "my_value",
                "12345"));
        }

        return errors;
    }

    /// <summary><c>IsDNS1123Label</c>.</summary>
    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsLabelMaxLength)
        {
            errors.Add(MaxLenError(DnsLabelMaxLength));
        }

        if (!IsDns1123LabelText(value))
        {
            errors.Add(IsDns1123SubdomainText(value)
                ? "must not contain dots"
                : RegexError(
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                    Dns1123LabelFormat,
                    "my-name",
                    "123-abc"));
        }

        return errors;
    }

    /// <summary><c>IsDNS1123Subdomain</c>.</summary>
    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsSubdomainMaxLength)
        {
            errors.Add(MaxLenError(DnsSubdomainMaxLength));
        }

        if (!IsDns1123SubdomainText(value))
        {
            errors.Add(RegexError(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                Dns1123SubdomainFormat,
                "example.com"));
        }

        return errors;
    }

    /// <summary><c>IsDNS1035Label</c>.</summary>
    public static IReadOnlyList<string> IsDns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsLabelMaxLength)
        {
            errors.Add(MaxLenError(DnsLabelMaxLength));
        }

        if (!IsDns1123LabelText(value) || value[0] is < 'a' or > 'z')
        {
            errors.Add(RegexError(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                Dns1035LabelFormat,
                "my-name",
                "abc-123"));
        }

        return errors;
    }

    /// <summary><c>IsWildcardDNS1123Subdomain</c>: <c>*.example.com</c>.</summary>
    public static IReadOnlyList<string> IsWildcardDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsSubdomainMaxLength)
        {
            errors.Add(MaxLenError(DnsSubdomainMaxLength));
        }

        if (!value.StartsWith("*.", StringComparison.Ordinal) || !IsDns1123SubdomainText(value.Substring(2)))
        {
            errors.Add(RegexError(
                "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
                WildcardSubdomainFormat,
                "*.example.com"));
        }

        return errors;
    }

    /// <summary><c>IsCIdentifier</c>.</summary>
    public static IReadOnlyList<string> IsCIdentifier(string value)
    {
        var ok = value.Length > 0 && (IsLetter(value[0]) || value[0] == '_') && value.All(c => IsLetter(c) || IsDigit(c) || c == '_');
        return ok ? Valid : [RegexError("a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'", CIdentifierFormat, "my_name", "MY_NAME", "MyName")];
    }

    /// <summary><c>IsValidPortNum</c>: 1 to 65535.</summary>
    public static IReadOnlyList<string> IsValidPortNum(long port) => port is >= 1 and <= 65535 ? Valid : [InclusiveRangeError(1, 65535)];

    /// <summary><c>IsInRange</c>.</summary>
    public static IReadOnlyList<string> IsInRange(long value, long min, long max) => value >= min && value <= max ? Valid : [InclusiveRangeError(min, max)];

    /// <summary><c>IsValidUserID</c>: 0 to 2147483647.</summary>
    public static IReadOnlyList<string> IsValidUserId(long id) => IsInRange(id, 0, int.MaxValue);

    /// <summary><c>IsValidGroupID</c>: 0 to 2147483647.</summary>
    public static IReadOnlyList<string> IsValidGroupId(long id) => IsInRange(id, 0, int.MaxValue);

    /// <summary><c>IsValidPortName</c>: an IANA service name (at most 15 of [-a-z0-9], a letter, no "--", no hyphen at the ends).</summary>
    public static IReadOnlyList<string> IsValidPortName(string port)
    {
        var errors = new List<string>();
        if (port.Length > 15)
        {
            errors.Add(MaxLenError(15));
        }

        if (port.Length == 0 || !port.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!port.Any(c => c is >= 'a' and <= 'z'))
        {
            errors.Add("must contain at least one letter (a-z)");
        }

        if (port.Contains("--"))
        {
            errors.Add("must not contain consecutive hyphens");
        }

        if (port.Length > 0 && (port[0] == '-' || port[port.Length - 1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }

        return errors;
    }

    /// <summary><c>IsValidPercent</c>: digits followed by '%'.</summary>
    public static IReadOnlyList<string> IsValidPercent(string value)
        => value.Length >= 2 && value[value.Length - 1] == '%' && value.Take(value.Length - 1).All(IsDigit)
            ? Valid
            : [RegexError("a valid percent string must be a numeric string followed by an ending '%'", PercentFormat, "1%", "93%")];

    /// <summary><c>IsHTTPHeaderName</c>.</summary>
    public static IReadOnlyList<string> IsHttpHeaderName(string value)
        => value.Length > 0 && value.All(c => IsLetter(c) || IsDigit(c) || c == '-')
            ? Valid
            : [RegexError("a valid HTTP header must consist of alphanumeric characters or '-'", HttpHeaderNameFormat, "X-Header-Name")];

    /// <summary><c>IsEnvVarName</c> (the strict form, before RelaxedEnvironmentVariableValidation).</summary>
    public static IReadOnlyList<string> IsEnvVarName(string value)
    {
        var errors = new List<string>();
        var ok = value.Length > 0 && !IsDigit(value[0]) && value.All(c => IsLetter(c) || IsDigit(c) || c is '-' or '.' or '_');
        if (!ok)
        {
            errors.Add(RegexError(
                "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
                EnvVarNameFormat,
                "my.env-name",
                "MY_ENV.NAME",
                "MyEnvName1"));
        }

        errors.AddRange(ChDirPrefixErrors(value));
        return errors;
    }

    /// <summary><c>IsRelaxedEnvVarName</c>: printable ASCII other than '='.</summary>
    public static IReadOnlyList<string> IsRelaxedEnvVarName(string value)
    {
        var errors = new List<string>();
        if (value.Length == 0)
        {
            errors.Add("environment variable name " + EmptyError);
        }

        if (value.Any(c => c is < ' ' or > '~' or '='))
        {
            errors.Add("a valid environment variable name must consist only of printable ASCII characters other than '='");
        }

        return errors;
    }

    /// <summary><c>IsConfigMapKey</c>: keys of ConfigMap and Secret data.</summary>
    public static IReadOnlyList<string> IsConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (value.Length > DnsSubdomainMaxLength)
        {
            errors.Add(MaxLenError(DnsSubdomainMaxLength));
        }

        if (value.Length == 0 || !value.All(c => IsLetter(c) || IsDigit(c) || c is '-' or '.' or '_'))
        {
            errors.Add(RegexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", ConfigMapKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }

        errors.AddRange(ChDirPrefixErrors(value));
        return errors;
    }

    /// <summary><c>IsValidIP</c> with <c>netutils.ParseIPSloppy</c> (IPv4 octets may have leading zeros).</summary>
    public static IReadOnlyList<string> IsValidIp(string value)
        => IpAddress.Parse(value) is null ? ["must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"] : Valid;

    /// <summary><c>IsValidCIDR</c> with <c>netutils.ParseCIDRSloppy</c>.</summary>
    public static IReadOnlyList<string> IsValidCidr(string value)
        => IpAddress.ParseCidr(value) is null ? ["must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"] : Valid;

    public static string EmptyError => "must be non-empty";

    public static string MaxLenError(int length) => $"must be no more than {length.ToString(CultureInfo.InvariantCulture)} characters";

    public static string InclusiveRangeError(long low, long high)
        => $"must be between {low.ToString(CultureInfo.InvariantCulture)} and {high.ToString(CultureInfo.InvariantCulture)}, inclusive";

    /// <summary><c>RegexError</c>: the message, the examples (joined as Go does, with its doubled space), and the pattern.</summary>
    public static string RegexError(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return message + " (regex used for validation is '" + format + "')";
        }

        var text = message + " (e.g. ";
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                text += " or ";
            }

            text += "'" + examples[i] + "', ";
        }

        return text + "regex used for validation is '" + format + "')";
    }

    /// <summary><c>[a-z0-9]([-a-z0-9]*[a-z0-9])?</c>.</summary>
    public static bool IsDns1123LabelText(string value)
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

    /// <summary>Dot-separated DNS-1123 labels.</summary>
    public static bool IsDns1123SubdomainText(string value)
    {
        var start = 0;
        while (true)
        {
            var dot = value.IndexOf('.', start);
            var part = dot < 0 ? value.Substring(start) : value.Substring(start, dot - start);
            if (!IsDns1123LabelText(part))
            {
                return false;
            }

            if (dot < 0)
            {
                return true;
            }

            start = dot + 1;
        }
    }

    /// <summary><c>([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]</c>.</summary>
    private static bool IsQualifiedNamePart(string value)
    {
        if (value.Length == 0 || !IsAlphanumeric(value[0]) || !IsAlphanumeric(value[value.Length - 1]))
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

    private static IEnumerable<string> ChDirPrefixErrors(string value)
    {
        if (value == ".")
        {
            yield return "must not be '.'";
        }
        else if (value == "..")
        {
            yield return "must not be '..'";
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            yield return "must not start with '..'";
        }
    }

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsAlphanumeric(char c) => IsLetter(c) || IsDigit(c);

    private static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
