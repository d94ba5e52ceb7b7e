using System.Text.Json;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli.Output;

/// <summary>
/// The stable JSON report documented in the README. Written with <see cref="Utf8JsonWriter"/> (no reflection, so it
/// works unchanged in a Native AOT build) in a fixed property order.
/// </summary>
public sealed class JsonFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        writer.Write(JsonText.Of(json =>
        {
            json.WriteStartObject();
            json.WriteString("version", ToolInfo.Version);
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("objects", report.ObjectCount);
            json.WriteNumber("otherDocuments", report.OtherDocumentCount);
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("infos", report.Count(Severity.Info));
            json.WriteEndObject();
            json.WriteEndObject();
        }));
        writer.Write('\n');
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        var span = finding.Location.Span;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("ruleName", finding.Rule.Name);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("message", finding.Message);
        json.WriteString("file", finding.Location.FilePath);
        json.WriteNumber("startLine", span.Start.Line);
        json.WriteNumber("startColumn", span.Start.Column);
        json.WriteNumber("endLine", span.End.Line);
        json.WriteNumber("endColumn", span.End.Column);
        if (finding.Template is null)
        {
            json.WriteNull("template");
        }
        else
        {
            json.WriteString("template", finding.Template);
        }

        if (finding.Object is { } obj)
        {
            json.WriteStartObject("object");
            json.WriteString("apiVersion", obj.ApiVersion);
            json.WriteString("kind", obj.Kind);
            if (obj.Namespace is null)
            {
                json.WriteNull("namespace");
            }
            else
            {
                json.WriteString("namespace", obj.Namespace);
            }

            json.WriteString("name", obj.Name);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("object");
        }

        json.WriteEndObject();
    }
}
