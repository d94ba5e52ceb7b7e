#if NET
using System.Globalization;
using Cel;
using KubeLint.Analyzer.Re2;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Kubernetes' format library (apiserver pkg/cel/library/format.go), on from 1.31: <c>format.&lt;name&gt;()</c> and
/// <c>format.named(name)</c> give a format whose <c>validate(s)</c> is none when s is valid and else the list of
/// errors, in the words of the Go validation each format calls (apimachinery name and label checks, url.ParseRequestURI,
/// kube-openapi strfmt's uuid, byte, date and datetime).
/// </summary>
internal static class CelFormatLibrary
{
    // strfmt.UUIDPattern, govalidator.Base64 and strfmt.DateTimePattern (matched against what follows the first 't').
    private static readonly Re2Regex Uuid = Compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static readonly Re2Regex Base64 = Compile("^(?:[A-Za-z0-9+\\/]{4})*(?:[A-Za-z0-9+\\/]{2}==|[A-Za-z0-9+\\/]{3}=|[A-Za-z0-9+\\/]{4})$");
    private static readonly Re2Regex Time = Compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");

    /// <summary>ConstantFormats: the name CEL calls each format by, and its check.</summary>
    private static readonly Dictionary<string, CelFormat> Formats = new(StringComparer.Ordinal)
    {
        ["dns1123Label"] = new("DNS1123Label", s => NameFunctions.NameIsDnsLabel(s, false)),
        ["dns1123Subdomain"] = new("DNS1123Subdomain", s => NameFunctions.NameIsDnsSubdomain(s, false)),
        ["dns1035Label"] = new("DNS1035Label", s => NameFunctions.NameIsDns1035Label(s, false)),
        ["qualifiedName"] = new("QualifiedName", Syntax.IsQualifiedName),
        ["dns1123LabelPrefix"] = new("DNS1123LabelPrefix", s => NameFunctions.NameIsDnsLabel(s, true)),
        ["dns1123SubdomainPrefix"] = new("DNS1123SubdomainPrefix", s => NameFunctions.NameIsDnsSubdomain(s, true)),
        ["dns1035LabelPrefix"] = new("DNS1035LabelPrefix", s => NameFunctions.NameIsDns1035Label(s, true)),
        ["labelValue"] = new("LabelValue", Syntax.IsValidLabelValue),
        ["uri"] = new("URI", s => GoUrl.ParseRequestUri(s, out var error) is null ? [error!] : []),
        ["uuid"] = new("uuid", s => Uuid.IsMatch(s) ? [] : ["does not match the UUID format"]),
        ["byte"] = new("byte", s => Base64.IsMatch(s) ? [] : ["invalid base64"]),
        ["date"] = new("date", s => IsDate(s) ? [] : ["invalid date"]),
        ["datetime"] = new("datetime", s => IsDateTime(s) ? [] : ["invalid datetime"]),
    };

    public static void Register(CelEnvironment environment)
    {
        var format = CelNamespace.Format;
        foreach (var entry in Formats)
        {
            var value = entry.Value;
            environment.RegisterFunction(entry.Key, [typeof(CelNamespace)], a => format.Call(a[0], () => value));
        }

        environment.RegisterFunction("named", [typeof(CelNamespace), typeof(string)], a => format.Call(a[0], () => Formats.TryGetValue((string)a[1]!, out var named) ? CelOptional.Of(named) : CelOptional.None));
        environment.RegisterFunction("validate", [typeof(CelFormat), typeof(string)], a => ((CelFormat)a[0]!).Validate((string)a[1]!) is { Count: > 0 } errors ? CelOptional.Of(errors.ToArray<object?>()) : CelOptional.None);
    }

    /// <summary>strfmt.IsDate: time.Parse with layout 2006-01-02.</summary>
    private static bool IsDate(string text)
        => text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>
    /// strfmt.IsDateTime: lower-cased and split at 't', the first part a date and the second a time of day with an
    /// optional fraction and a zone, hours up to 23 and minutes and seconds up to 59 (compared as text, as strfmt does).
    /// </summary>
    private static bool IsDateTime(string text)
    {
        if (text.Length < 4)
        {
            return false;
        }

        var parts = text.ToLowerInvariant().Split('t');
        if (parts.Length < 2 || !IsDate(parts[0]) || !Time.IsMatch(parts[1]))
        {
            return false;
        }

        var time = parts[1];
        return string.CompareOrdinal(time.Substring(0, 2), "23") <= 0 && string.CompareOrdinal(time.Substring(3, 2), "59") <= 0
            && string.CompareOrdinal(time.Substring(6, 2), "59") <= 0;
    }

    private static Re2Regex Compile(string pattern)
        => Re2Regex.TryCompile(pattern, out var regex, out _) ? regex! : throw new InvalidOperationException("invalid built-in pattern " + pattern);
}

/// <summary>A format of format.go (apiservercel.Format): its name and the check that gives its errors.</summary>
internal sealed class CelFormat(string name, Func<string, IReadOnlyList<string>> validate)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Validate(string value) => validate(value);
}
#endif
