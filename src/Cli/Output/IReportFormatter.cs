namespace KubeLint.Cli.Output;

/// <summary>Renders a lint report; output depends only on the report, so the same input gives the same bytes.</summary>
public interface IReportFormatter
{
    void Write(LintReport report, TextWriter writer);
}
