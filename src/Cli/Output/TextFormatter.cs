using System.Globalization;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli.Output;

/// <summary>
/// One line per finding, "file:line:col: severity KLxxxx rule-name: message", the format editors and terminals
/// turn into links; then, unless quiet, how often each rule fired with the link to its documentation; then a
/// one-line summary. ANSI colors only when writing to a terminal; control characters of file names and values are
/// escaped, so every finding is exactly one line.
/// </summary>
public sealed class TextFormatter(bool color, bool quiet = false) : IReportFormatter
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
                var location = ControlCharacters.Escape(finding.Location.ToString());
                writer.Write($"{Bold}{location}:{Reset} {SeverityColor(finding.Severity)}{finding.Severity.ToName()}{Reset} {Dim}{finding.RuleId} {finding.Rule.Name}:{Reset} {ControlCharacters.Escape(finding.Message)}\n");
            }
            else
            {
                writer.Write(Line(finding));
                writer.Write('\n');
            }
        }

        if (!quiet && report.Findings.Count > 0)
        {
            WriteRuleTable(report, writer);
        }

        writer.Write(Summary(report));
        writer.Write('\n');
    }

    /// <summary>Finding's own rendering, the plain line format, with control characters from the input escaped.</summary>
    public static string Line(Finding finding) => ControlCharacters.Escape(finding.ToString());

    /// <summary>Findings per rule, most frequent first, each with its help link: where to read what to do.</summary>
    private void WriteRuleTable(LintReport report, TextWriter writer)
    {
        var rows = report.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (Count: g.Count(), Rule: g.First().Rule))
            .OrderByDescending(row => row.Count)
            .ThenBy(row => row.Rule.Id, StringComparer.Ordinal)
            .ToList();
        var countWidth = Math.Max(5, rows.Max(r => r.Count.ToString(CultureInfo.InvariantCulture).Length));
        var ruleWidth = rows.Max(r => r.Rule.ToString().Length);
        writer.Write('\n');
        writer.Write($"{"count".PadLeft(countWidth)}  {"rule".PadRight(ruleWidth)}  documentation (or: kubelint rules ID)\n");
        foreach (var (count, rule) in rows)
        {
            var link = color ? $"{Dim}{rule.HelpUri}{Reset}" : rule.HelpUri;
            writer.Write($"{count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)}  {rule.ToString().PadRight(ruleWidth)}  {link}\n");
        }

        writer.Write('\n');
    }

    private static string Summary(LintReport report)
    {
        var scope = $"{Plural(report.FileCount, "file")}, {Plural(report.ObjectCount, "object")}";
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
