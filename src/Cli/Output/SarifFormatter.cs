using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;

namespace KubeLint.Cli.Output;

/// <summary>
/// SARIF 2.1.0 built with the Sarif.Sdk object model, shaped for GitHub code scanning: every catalog rule with its
/// help, results with repository-relative locations and line-independent fingerprints, and truncation (with a
/// warning result) so a run never exceeds the upload limits.
/// </summary>
public sealed class SarifFormatter : IReportFormatter
{
    public const string SourceRootId = "%SRCROOT%";
    public const string FingerprintKey = "kubelint/v1";

    /// <summary>Code scanning rejects runs with more results than this.</summary>
    public const int GitHubMaxResults = 25_000;

    /// <summary>Code scanning rejects SARIF files larger than this once gzip-compressed.</summary>
    public const long GitHubMaxGzipBytes = 10L * 1024 * 1024;

    /// <summary>Why reflection-based serialization is safe in the Native AOT build.</summary>
    internal const string AotJustification =
        "Sarif and Newtonsoft.Json are trimmer roots in the Native AOT build (see KubeLint.Cli.csproj), and bench/process-bench.sh checks that the native build writes the same SARIF as the JIT build and that it validates.";

    private readonly IReadOnlyList<RuleDescriptor> _rules;
    private readonly string _root;
    private readonly int _maxResults;
    private readonly long _maxGzipBytes;

    public SarifFormatter(IReadOnlyList<RuleDescriptor> rules, string repositoryRoot, int maxResults = GitHubMaxResults, long maxGzipBytes = GitHubMaxGzipBytes)
    {
        _rules = rules;
        _root = Path.GetFullPath(repositoryRoot);
        _maxResults = maxResults;
        _maxGzipBytes = maxGzipBytes;
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

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = AotJustification)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = AotJustification)]
    private string Serialize(IReadOnlyList<Finding> findings, int keep)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var descriptors = new List<ReportingDescriptor>();
        foreach (var rule in _rules.Concat(findings.Select(f => f.Rule)).Append(OutputRules.OutputTruncated))
        {
            if (!ruleIndex.ContainsKey(rule.Id))
            {
                ruleIndex[rule.Id] = descriptors.Count;
                descriptors.Add(Descriptor(rule));
            }
        }

        var results = new List<Result>(keep + 1);
        var truncated = keep < findings.Count;
        // Room for the truncation notice within the result limit.
        if (truncated && keep == _maxResults)
        {
            keep--;
        }

        for (var i = 0; i < keep; i++)
        {
            results.Add(ToResult(findings[i], ruleIndex[findings[i].RuleId]));
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
            results.Add(ToResult(notice, ruleIndex[notice.RuleId]));
        }

        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = ToolInfo.Name,
                    Version = ToolInfo.Version,
                    SemanticVersion = ToolInfo.Version,
                    InformationUri = new Uri(ToolInfo.InformationUri),
                    Rules = descriptors,
                },
            },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>(StringComparer.Ordinal)
            {
                [SourceRootId] = new() { Uri = new Uri(DirectoryUri(_root), UriKind.Absolute) },
            },
            ColumnKind = ColumnKind.Utf16CodeUnits,
            Results = results,
        };
        var log = new SarifLog
        {
            SchemaUri = new Uri("https://json.schemastore.org/sarif-2.1.0.json"),
            Version = SarifVersion.Current,
            Runs = [run],
        };

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = ExplicitLevelContractResolver.Instance }).Serialize(json, log);
        }

        return text.ToString();
    }

    private static ReportingDescriptor Descriptor(RuleDescriptor rule) => new()
    {
        Id = rule.Id,
        Name = ToPascalCase(rule.Name),
        ShortDescription = new MultiformatMessageString { Text = rule.Title },
        FullDescription = new MultiformatMessageString { Text = rule.Description },
        Help = new MultiformatMessageString
        {
            Text = rule.Remediation,
            Markdown = HelpMarkdown(rule),
        },
        HelpUri = new Uri(rule.HelpUri),
        DefaultConfiguration = new ReportingConfiguration { Level = Level(rule.DefaultSeverity), Enabled = rule.EnabledByDefault },
    };

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

    private Result ToResult(Finding finding, int ruleIndex)
    {
        var span = finding.Location.Span;
        var result = new Result
        {
            RuleId = finding.RuleId,
            RuleIndex = ruleIndex,
            Level = Level(finding.Severity),
            Message = new Message { Text = finding.Message },
            Locations =
            [
                new Location
                {
                    PhysicalLocation = new PhysicalLocation
                    {
                        ArtifactLocation = ArtifactOf(finding.Location),
                        Region = new Region
                        {
                            StartLine = span.Start.Line,
                            StartColumn = span.Start.Column,
                            EndLine = span.End.Line,
                            EndColumn = span.End.Column,
                        },
                    },
                },
            ],
        };
        result.PartialFingerprints = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FingerprintKey] = Fingerprint(finding, result.Locations[0].PhysicalLocation.ArtifactLocation.Uri.OriginalString),
        };
        return result;
    }

    private ArtifactLocation ArtifactOf(SourceLocation location)
    {
        if (location.FilePath == InputResolver.StandardInput)
        {
            return new ArtifactLocation { Uri = new Uri("stdin", UriKind.Relative) };
        }

        if (RepositoryRoot.Relative(_root, location.FilePath) is not { } relative)
        {
            // Outside the repository: an absolute file URI is the only faithful reference.
            return new ArtifactLocation { Uri = new Uri(Path.GetFullPath(location.FilePath), UriKind.Absolute) };
        }

        return new ArtifactLocation { Uri = new Uri(EscapePath(relative), UriKind.Relative), UriBaseId = SourceRootId };
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
    {
        var uri = new Uri(directory.EndsWith('/') ? directory : directory + "/", UriKind.Absolute);
        return uri.AbsoluteUri;
    }

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
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
}
