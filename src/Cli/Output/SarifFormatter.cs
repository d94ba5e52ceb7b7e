using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Cli.Output;

/// <summary>
/// SARIF 2.1.0 shaped for GitHub code scanning: every catalog rule with its help, results with repository-relative
/// locations and line-independent fingerprints, and truncation (with a warning result) so a run never exceeds the
/// upload limits.
/// </summary>
/// <remarks>
/// Written with <see cref="Utf8JsonWriter"/> (<see cref="JsonText"/>), in Sarif.Sdk's own layout (properties in the
/// object model's order), rather than through Sarif.Sdk's object model: that model is serialized by
/// Newtonsoft.Json through reflection, which the Native AOT build can only support by compiling both assemblies
/// whole, and Newtonsoft.Json brings System.Data, System.Xml and System.Net.Http with it; together they made the
/// native executable 29.6 MB instead of 11.1 MB, and every start slower (the runtime rehydrates all type data at
/// start-up). The tests read this output with Sarif.Sdk and check it is exactly what Sarif.Sdk writes for the same
/// log.
/// </remarks>
public sealed class SarifFormatter : IReportFormatter
{
    public const string SourceRootId = "%SRCROOT%";
    public const string FingerprintKey = "kubelint/v1";

    /// <summary>Code scanning rejects runs with more results than this.</summary>
    public const int GitHubMaxResults = 25_000;

    /// <summary>Code scanning rejects SARIF files larger than this once gzip-compressed.</summary>
    public const long GitHubMaxGzipBytes = 10L * 1024 * 1024;

    private readonly IReadOnlyList<RuleDescriptor> _rules;
    private readonly string _root;
    private readonly int _maxResults;
    private readonly long _maxGzipBytes;
    private readonly HelmTemplateFiles _templates;

    public SarifFormatter(IReadOnlyList<RuleDescriptor> rules, string repositoryRoot, int maxResults = GitHubMaxResults, long maxGzipBytes = GitHubMaxGzipBytes)
    {
        _rules = rules;
        _root = Path.GetFullPath(repositoryRoot);
        _maxResults = maxResults;
        _maxGzipBytes = maxGzipBytes;
        _templates = new HelmTemplateFiles(_root);
    }

    public void Write(LintReport report, TextWriter writer)
    {
        var findings = report.Findings;
        var keep = Math.Min(findings.Count, _maxResults);
        var text = Serialize(findings, keep);
        // Text no longer than the limit cannot compress to more than the limit, so small logs skip the compression.
        while (keep > 0 && text.Length > _maxGzipBytes && GzipSize(text) is var size && size > _maxGzipBytes)
        {
            // Shrink in proportion to the excess, with a margin, instead of searching one result at a time.
            keep = (int)(keep * (_maxGzipBytes / (double)size) * 0.9);
            text = Serialize(findings, keep);
        }

        writer.Write(text);
        writer.Write('\n');
    }

    private string Serialize(IReadOnlyList<Finding> findings, int keep)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var descriptors = new List<RuleDescriptor>();
        foreach (var rule in _rules.Concat(findings.Select(f => f.Rule)).Append(OutputRules.OutputTruncated))
        {
            if (!ruleIndex.ContainsKey(rule.Id))
            {
                ruleIndex[rule.Id] = descriptors.Count;
                descriptors.Add(rule);
            }
        }

        var truncated = keep < findings.Count;
        // Room for the truncation notice within the result limit.
        if (truncated && keep == _maxResults)
        {
            keep--;
        }

        return JsonText.Of(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("semanticVersion", ToolInfo.Version);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in descriptors)
            {
                WriteDescriptor(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteString("uri", DirectoryUri(_root));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            for (var i = 0; i < keep; i++)
            {
                WriteResult(json, findings[i], ruleIndex[findings[i].RuleId]);
            }

            if (truncated)
            {
                var first = findings[keep];
                var notice = new Finding(
                    OutputRules.OutputTruncated,
                    OutputRules.OutputTruncated.DefaultSeverity,
                    $"{findings.Count - keep} of {findings.Count} results were omitted to stay within code scanning's upload limits; use --format json for all of them",
                    first.Location,
                    null);
                WriteResult(json, notice, ruleIndex[notice.RuleId]);
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// A reportingDescriptor. Every rule states its level, also where it equals SARIF's default ("warning"), so
    /// consumers never have to know the defaulting rules; "enabled" appears only for rules that are off by default.
    /// </summary>
    private static void WriteDescriptor(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", ToPascalCase(rule.Name));
        WriteText(json, "fullDescription", rule.Description);
        json.WriteStartObject("help");
        json.WriteString("text", rule.Remediation);
        json.WriteString("markdown", HelpMarkdown(rule));
        json.WriteEndObject();
        WriteText(json, "shortDescription", rule.Title);
        json.WriteStartObject("defaultConfiguration");
        if (!rule.EnabledByDefault)
        {
            json.WriteBoolean("enabled", false);
        }

        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteEndObject();
    }

    /// <summary>What code scanning shows under an alert: the rule's description, fix, examples and link.</summary>
    private static string HelpMarkdown(RuleDescriptor rule)
    {
        var markdown = new StringBuilder($"{rule.Description}\n\n**How to fix:** {rule.Remediation}\n\n");
        if (rule.Examples is { } examples)
        {
            markdown.Append("**Bad:**\n\n```yaml\n").Append(examples.Bad).Append("```\n\n")
                .Append("**Good:**\n\n```yaml\n").Append(examples.Good).Append("```\n\n");
        }

        return markdown.Append($"[{rule.Id} {rule.Name}]({rule.HelpUri})").ToString();
    }

    private void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        WriteText(json, "message", finding.Message);
        json.WriteStartArray("locations");
        string uri;
        if (finding.Template is { } template)
        {
            // Helm output: the template is the artifact to fix; its lines differ from the rendered ones, so the
            // location is the whole template and the rendered position a related location.
            var (file, lines) = TemplateFile(template);
            uri = WriteLocation(json, file ?? template, new Region(1, 0, lines, 0), id: null, message: null);
        }
        else
        {
            uri = WriteLocation(json, finding.Location.FilePath, Region.Of(finding.Location.Span), id: null, message: null);
        }

        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(finding, uri));
        json.WriteEndObject();
        if (finding.Template is { } rendered)
        {
            json.WriteStartArray("relatedLocations");
            WriteLocation(json, finding.Location.FilePath, Region.Of(finding.Location.Span), id: 1, message: $"rendered from {rendered}");
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private (string? File, int Lines) TemplateFile(string template)
    {
        if (_templates.Resolve(template) is not { } file)
        {
            return (null, 1);
        }

        try
        {
            return (file, Math.Max(1, File.ReadLines(file).Count()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, 1);
        }
    }

    /// <summary>Writes a location object and returns what the fingerprint hashes of its artifact.</summary>
    private string WriteLocation(Utf8JsonWriter json, string path, Region region, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is { } value)
        {
            json.WriteNumber("id", value);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var artifact = ArtifactOf(path);
        json.WriteString("uri", artifact.Uri);
        if (artifact.BaseId is not null)
        {
            json.WriteString("uriBaseId", artifact.BaseId);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        WritePositive(json, "startLine", region.StartLine);
        WritePositive(json, "startColumn", region.StartColumn);
        WritePositive(json, "endLine", region.EndLine);
        WritePositive(json, "endColumn", region.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        if (message is not null)
        {
            WriteText(json, "message", message);
        }

        json.WriteEndObject();
        return artifact.Identity;
    }

    /// <summary>SARIF's line and column properties are 1-based; an unknown one (0) is left out.</summary>
    private static void WritePositive(Utf8JsonWriter json, string name, int value)
    {
        if (value > 0)
        {
            json.WriteNumber(name, value);
        }
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private Artifact ArtifactOf(string path)
    {
        if (path == InputResolver.StandardInput)
        {
            return new Artifact("stdin", null, "stdin");
        }

        if (RepositoryRoot.Relative(_root, path) is not { } relative)
        {
            // Outside the repository: an absolute file URI is the only faithful reference.
            var full = Path.GetFullPath(path);
            return new Artifact(new Uri(full, UriKind.Absolute).AbsoluteUri, null, full);
        }

        var uri = EscapePath(relative);
        return new Artifact(uri, SourceRootId, uri);
    }

    /// <summary>
    /// A hash of what identifies the problem, but not its line, so code scanning keeps tracking an alert when lines
    /// are added above it.
    /// </summary>
    internal static string Fingerprint(Finding finding, string uri)
    {
        var obj = finding.Object is { } o ? $"{o.ApiVersion}|{o.Kind}|{o.Namespace}|{o.Name}" : string.Empty;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.RuleId}\n{uri}\n{obj}\n{finding.Message}"));
        return Convert.ToHexStringLower(hash, 0, 16);
    }

    private static string EscapePath(string relative)
        => string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));

    private static string DirectoryUri(string directory)
        => new Uri(directory.EndsWith('/') ? directory : directory + "/", UriKind.Absolute).AbsoluteUri;

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string ToPascalCase(string kebab)
        => string.Concat(kebab.Split('-').Where(part => part.Length > 0).Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

    /// <summary>Fastest compression slightly overestimates the size of an upload, which errs on the safe side.</summary>
    private static long GzipSize(string text)
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Fastest, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            gzip.Write(bytes, 0, bytes.Length);
        }

        return counter.Length;
    }

    /// <summary>
    /// An artifactLocation. <paramref name="Identity"/> is what fingerprints hash: the relative URI, or the full path
    /// of a file outside the repository (the URI's unescaped form, which earlier releases hashed too, so alerts keep
    /// their identity).
    /// </summary>
    private sealed record Artifact(string Uri, string? BaseId, string Identity);

    /// <summary>A SARIF region; 0 leaves a property out.</summary>
    private readonly record struct Region(int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static Region Of(SourceSpan span) => new(span.Start.Line, span.Start.Column, span.End.Line, span.End.Column);
    }
}
