using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli.Output;

/// <summary>
/// One line per finding, "file:line:col: severity KLxxxx rule-name: message", the format editors and terminals
/// turn into links, then a one-line summary. ANSI colors only when writing to a terminal.
/// </summary>
public sealed class TextFormatter(bool color) : IReportFormatter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var finding in report.Findings)
        {
            if (color)
            {
                var template = finding.Template is null ? string.Empty : $" {Dim}(template {finding.Template}){Reset}";
                writer.Write($"{Bold}{finding.Location}:{Reset} {SeverityColor(finding.Severity)}{finding.Severity.ToName()}{Reset} {Dim}{finding.RuleId} {finding.Rule.Name}:{Reset} {finding.Message}{template}\n");
            }
            else
            {
                // Finding's own rendering is exactly the plain line format.
                writer.Write(finding.ToString());
                writer.Write('\n');
            }
        }

        writer.Write(Summary(report));
        writer.Write('\n');
    }

    private static string Summary(LintReport report)
    {
        var scope = $"{Plural(report.FileCount, "file")}, {Plural(report.ObjectCount, "object")}";
        if (report.OtherDocumentCount > 0)
        {
            scope += $", {report.OtherDocumentCount} other YAML document{(report.OtherDocumentCount == 1 ? string.Empty : "s")} skipped";
        }

        if (report.Findings.Count == 0)
        {
            return $"No problems found ({scope}).";
        }

        return $"{Plural(report.Count(Severity.Error), "error")}, {Plural(report.Count(Severity.Warning), "warning")}, "
            + $"{report.Count(Severity.Info)} info ({scope}).";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
