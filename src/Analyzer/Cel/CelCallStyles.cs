#if NET
namespace KubeLint.Analyzer.Cel;

/// <summary>
/// The call style each function is declared with: cel.Overload (a global function, <c>quantity(s)</c>) or
/// cel.MemberOverload (a method, <c>s.find(re)</c>). cel-go's checker (checker.go, resolveOverload) skips an
/// overload of the other style, so <c>find(s, re)</c> or <c>q.sign()</c> does not compile and the server rejects
/// the rule; the package resolves either style to the same function, so the style is checked here. Functions
/// declared in both styles (<c>size</c>, <c>matches</c>, <c>ip</c>: a global conversion and a method of CIDR,
/// <c>string</c>) and the namespaced ones (<c>sets.contains</c> is a method of the namespace) are not listed.
/// </summary>
internal static class CelCallStyles
{
    private static readonly Dictionary<string, (string Library, string? Receiver)> Styles = Declare();

    /// <summary>Why a call of <paramref name="function"/> in this style does not compile, or null when it does.</summary>
    public static string? Error(string function, bool hasReceiver)
    {
        if (!Styles.TryGetValue(function, out var style))
        {
            return null;
        }

        return (style.Receiver, hasReceiver) switch
        {
            (null, true) => $"found no matching overload for '{function}' applied to a receiver: the {style.Library} library declares {function} as a global function only, so the server does not compile the rule",
            ({ } receiver, false) => $"found no matching overload for '{function}' without a receiver: the {style.Library} library declares {function} as a method of {receiver} only, so the server does not compile the rule",
            _ => null,
        };
    }

    private static Dictionary<string, (string Library, string? Receiver)> Declare()
    {
        var styles = new Dictionary<string, (string Library, string? Receiver)>(StringComparer.Ordinal);
        void Add(string library, string? receiver, params string[] functions)
        {
            foreach (var function in functions)
            {
                styles.Add(function, (library, receiver));
            }
        }

        // cel-go checker/decls standard declarations.
        Add("standard", "string", "contains", "startsWith", "endsWith");
        Add("standard", "timestamp", "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "getHours", "getMinutes", "getSeconds", "getMilliseconds");

        // cel-go ext/strings.go.
        Add("strings", "string", "charAt", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "replace", "split", "substring", "trim", "join", "format");

        // apiserver pkg/cel/library: quantity.go, regex.go, lists.go (indexOf and lastIndexOf are methods there
        // too), urls.go, ip.go, cidr.go.
        Add("quantity", null, "quantity", "isQuantity", "sign");
        Add("quantity", "Quantity", "isGreaterThan", "isLessThan", "compareTo", "asApproximateFloat", "asInteger", "isInteger", "add", "sub");
        Add("regex", "string", "find", "findAll");
        Add("lists", "list", "isSorted", "sum", "min", "max");
        Add("URL", null, "url", "isURL");
        Add("URL", "URL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery");
        Add("IP", null, "isIP");
        Add("IP", "IP", "family", "isUnspecified", "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast", "isGlobalUnicast");
        Add("CIDR", null, "cidr", "isCIDR");
        Add("CIDR", "CIDR", "containsIP", "containsCIDR", "masked", "prefixLength");
        return styles;
    }
}
#endif
