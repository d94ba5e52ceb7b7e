using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Cli.Output;

/// <summary>
/// GitLab Code Quality: a JSON array with, per finding, the fields GitLab reads (description, check_name,
/// fingerprint, severity, location.path, location.lines.begin), paths relative to the repository root. Fingerprints
/// do not depend on the line, so GitLab matches a finding across commits that move it; identical findings get
/// distinct fingerprints through their occurrence number, as GitLab requires them unique.
/// </summary>
public sealed class GitLabFormatter(string repositoryRoot) : IReportFormatter
{
    private readonly string _root = Path.GetFullPath(repositoryRoot);

    public void Write(LintReport report, TextWriter writer)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        writer.Write(JsonText.Of(json =>
        {
            json.WriteStartArray();
            foreach (var finding in report.Findings)
            {
                var path = PathOf(finding.Location.FilePath);
                var key = Key(finding, path);
                occurrences[key] = occurrences.TryGetValue(key, out var seen) ? seen + 1 : 0;

                json.WriteStartObject();
                json.WriteString("description", finding.MessageWithTemplate);
                json.WriteString("check_name", finding.Rule.ToString());
                json.WriteString("fingerprint", Fingerprint(key, occurrences[key]));
                json.WriteString("severity", Severity(finding.Severity));
                json.WriteStartObject("location");
                json.WriteString("path", path);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", finding.Location.Span.Start.Line);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }));
        writer.Write('\n');
    }

    /// <summary>GitLab's scale has info, minor, major, critical and blocker; ESLint's GitLab formatter maps errors to major as well.</summary>
    private static string Severity(Severity severity) => severity switch
    {
        Analyzer.Findings.Severity.Error => "major",
        Analyzer.Findings.Severity.Warning => "minor",
        _ => "info",
    };

    private string PathOf(string file)
        => file == InputResolver.StandardInput ? "stdin" : RepositoryRoot.Relative(_root, file) ?? Path.GetFullPath(file);

    private static string Key(Finding finding, string path)
    {
        var obj = finding.Object is { } o ? $"{o.ApiVersion}|{o.Kind}|{o.Namespace}|{o.Name}" : string.Empty;
        return $"{finding.RuleId}\n{path}\n{obj}\n{finding.Message}";
    }

    private static string Fingerprint(string key, int occurrence)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(occurrence == 0 ? key : $"{key}\n{occurrence}")), 0, 16);
}
