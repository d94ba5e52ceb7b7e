using System.Text;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands ("::error file=...,line=...::message"), which the runner turns into annotations
/// on the pull request. Control characters from the input are shown escaped (an ESC or NUL would reach the log
/// raw otherwise), then values are escaped as the runner's command parser expects.
/// </summary>
public sealed class GitHubFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var finding in report.Findings)
        {
            var span = finding.Location.Span;
            var line = new StringBuilder()
                .Append("::").Append(Command(finding.Severity))
                .Append(" file=").Append(EscapeProperty(ControlCharacters.Escape(finding.Location.FilePath)))
                .Append(",line=").Append(span.Start.Line)
                .Append(",col=").Append(span.Start.Column)
                .Append(",endLine=").Append(span.End.Line)
                .Append(",endColumn=").Append(span.End.Column)
                .Append(",title=").Append(EscapeProperty($"{finding.RuleId} {finding.Rule.Name}"))
                .Append("::").Append(EscapeData(ControlCharacters.Escape(finding.Message)))
                .Append('\n');
            writer.Write(line.ToString());
        }
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>Message text: '%', CR and LF are percent-encoded (the runner decodes them).</summary>
    internal static string EscapeData(string value)
        => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Property values additionally encode ':' and ',' which separate properties.</summary>
    internal static string EscapeProperty(string value)
        => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
