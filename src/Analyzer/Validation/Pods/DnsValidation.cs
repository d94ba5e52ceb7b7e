namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// A pod's name resolution (pkg/apis/core/validation/validation.go): <c>validateDNSPolicy</c> (after
/// <c>SetDefaults_PodSpec</c>'s ClusterFirst), <c>validatePodDNSConfig</c> and <c>ValidateHostAliases</c>.
/// </summary>
internal static class DnsValidation
{
    private const int MaxNameservers = 3;
    private const int MaxSearchPaths = 32;
    private const int MaxSearchListChars = 2048;

    private static readonly string[] Policies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

    /// <summary>The policy after defaulting: an empty or missing one is ClusterFirst.</summary>
    public static string Policy(Field spec) => spec.Child("dnsPolicy").String is { Length: > 0 } policy ? policy : "ClusterFirst";

    /// <summary><c>validateDNSPolicy</c> and <c>validatePodDNSConfig</c>.</summary>
    public static void Validate(ValidationContext context, Field spec, PodValidationOptions options)
    {
        var policy = Policy(spec);
        if (Array.IndexOf(Policies, policy) < 0)
        {
            context.NotSupported(spec.Child("dnsPolicy"), policy, Policies);
        }

        var config = spec.Child("dnsConfig");
        var nameservers = config.Child("nameservers");
        if (policy == "None")
        {
            if (!config.IsSet)
            {
                context.Required(config, "must provide `dnsConfig` when `dnsPolicy` is None");
                return;
            }

            if (nameservers.Count == 0)
            {
                context.Required(nameservers, "must provide at least one DNS nameserver when `dnsPolicy` is None");
                return;
            }
        }

        if (!config.IsSet)
        {
            return;
        }

        if (nameservers.Count > MaxNameservers)
        {
            context.Invalid(nameservers, GoValue.Raw(GoRender.StringSlice(nameservers)), $"must not have more than {MaxNameservers} nameservers");
        }

        foreach (var nameserver in nameservers.Items())
        {
            context.Invalid(nameserver, nameserver.String ?? string.Empty, Syntax.IsValidIp(nameserver.String ?? string.Empty));
        }

        var searches = config.Child("searches");
        if (searches.Count > MaxSearchPaths)
        {
            context.Invalid(searches, GoValue.Raw(GoRender.StringSlice(searches)), $"must not have more than {MaxSearchPaths} search paths");
        }

        var searchList = searches.Items().Select(s => s.String ?? string.Empty).ToList();
        if (string.Join(" ", searchList).Length > MaxSearchListChars)
        {
            context.Invalid(searches, GoValue.Raw(GoRender.StringSlice(searches)), $"must not have more than {MaxSearchListChars} characters (including spaces) in the search list");
        }

        foreach (var search in searches.Items())
        {
            var text = search.String ?? string.Empty;
            if (options.AllowRelaxedDnsSearchValidation)
            {
                if (text != ".")
                {
                    text = TrimDot(text);
                    context.Invalid(search, text, SubdomainWithUnderscore(text));
                }
            }
            else
            {
                text = TrimDot(text);
                context.Invalid(search, text, Syntax.IsDns1123Subdomain(text));
            }
        }

        foreach (var option in config.Child("options").Items())
        {
            if ((option.Child("name").String ?? string.Empty).Length == 0)
            {
                context.Required(option, "must not be empty");
            }
        }
    }

    /// <summary><c>ValidateHostAliases</c>.</summary>
    public static void ValidateHostAliases(ValidationContext context, Field hostAliases)
    {
        foreach (var alias in hostAliases.Items())
        {
            var ip = alias.Child("ip");
            context.Invalid(ip, ip.String ?? string.Empty, Syntax.IsValidIp(ip.String ?? string.Empty));
            foreach (var hostname in alias.Child("hostnames").Items())
            {
                context.Invalid(hostname, hostname.String ?? string.Empty, Syntax.IsDns1123Subdomain(hostname.String ?? string.Empty));
            }
        }
    }

    private static string TrimDot(string text) => text.EndsWith(".", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;

    /// <summary><c>IsDNS1123SubdomainWithUnderscore</c>: labels may also hold and start with '_'.</summary>
    private static IReadOnlyList<string> SubdomainWithUnderscore(string value)
    {
        var errors = new List<string>();
        if (value.Length > Syntax.DnsSubdomainMaxLength)
        {
            errors.Add(Syntax.MaxLenError(Syntax.DnsSubdomainMaxLength));
        }

        var valid = value.Length > 0 && value.Split('.').All(label =>
            label.Length > 0
            && label[0] is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'
            && (label.Length == 1 || label[label.Length - 1] is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'));
        if (!valid)
        {
            errors.Add(Syntax.RegexError(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
                "[a-z0-9_]([-a-z0-9_]*[a-z0-9])?(\\.[a-z0-9_]([-a-z0-9_]*[a-z0-9])?)*",
                "example.com"));
        }

        return errors;
    }
}
