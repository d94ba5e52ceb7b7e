using System.Globalization;
using System.Text;
using System.Xml;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Cli.Output;

/// <summary>
/// JUnit XML, the test report that GitLab, Jenkins and Azure DevOps ingest: one testsuite per file, one testcase per
/// object (plus one named "input" for problems of the file itself), a failure for each finding at or above the fail
/// level and the other findings as the testcase's system-out. No times or timestamps, so the output is
/// deterministic; the shape is that of Ant's XMLJUnitResultFormatter, which those tools read.
/// </summary>
public sealed class JUnitFormatter(Severity? failLevel) : IReportFormatter
{
    /// <summary>The testcase of findings that concern no object (YAML syntax, duplicate keys, unreadable files).</summary>
    public const string InputTestCase = "input";

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    public void Write(LintReport report, TextWriter writer)
    {
        var suites = Suites(report);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", ToolInfo.Name);
            xml.WriteAttributeString("tests", Number(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", Number(suites.Sum(s => s.Cases.Count(IsFailed))));
            xml.WriteAttributeString("errors", "0");
            foreach (var suite in suites)
            {
                WriteSuite(xml, suite);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    private void WriteSuite(XmlWriter xml, Suite suite)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(suite.File));
        xml.WriteAttributeString("tests", Number(suite.Cases.Count));
        xml.WriteAttributeString("failures", Number(suite.Cases.Count(IsFailed)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        foreach (var testCase in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", Clean(testCase.Name));
            xml.WriteAttributeString("classname", Clean(suite.File));
            foreach (var finding in testCase.Findings.Where(IsFailure))
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(finding.Message));
                xml.WriteAttributeString("type", finding.Rule.ToString());
                xml.WriteString(Clean($"{finding}\n{finding.Rule.HelpUri}"));
                xml.WriteEndElement();
            }

            if (testCase.Findings.Where(f => !IsFailure(f)).Select(f => f.ToString()).ToList() is { Count: > 0 } others)
            {
                xml.WriteElementString("system-out", Clean(string.Join("\n", others)));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private bool IsFailure(Finding finding) => failLevel is { } level && finding.Severity >= level;

    private bool IsFailed(TestCase testCase) => testCase.Findings.Any(IsFailure);

    /// <summary>Files in input order (then files only findings name, e.g. --crd inputs), each with its objects in order.</summary>
    private static List<Suite> Suites(LintReport report)
    {
        var suites = new Dictionary<string, Suite>(StringComparer.Ordinal);
        Suite SuiteOf(string file) => suites.TryGetValue(file, out var suite) ? suite : suites[file] = new Suite(file);

        foreach (var file in report.Files)
        {
            SuiteOf(file);
        }

        foreach (var obj in report.Objects)
        {
            SuiteOf(obj.File.Path).CaseOf(Describe(obj.Reference));
        }

        foreach (var finding in report.Findings)
        {
            var name = finding.Object is { } reference ? Describe(reference) : InputTestCase;
            SuiteOf(finding.Location.FilePath).CaseOf(name).Findings.Add(finding);
        }

        return [.. suites.Values];
    }

    /// <summary>"Deployment shop/web", or "Namespace shop" for an object without a namespace.</summary>
    private static string Describe(ObjectReference reference)
        => reference.Namespace is null ? $"{reference.Kind} {reference.Name}" : $"{reference.Kind} {reference.Namespace}/{reference.Name}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Manifest text may hold characters XML 1.0 cannot carry (control characters, lone surrogates); they become U+FFFD.</summary>
    private static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
                if (pair)
                {
                    clean?.Append(text[++i]);
                }

                continue;
            }

            clean ??= new StringBuilder(text, 0, i, text.Length);
            clean.Append('\uFFFD');
        }

        return clean?.ToString() ?? text;
    }

    private sealed class Suite(string file)
    {
        private readonly Dictionary<string, TestCase> _byName = new(StringComparer.Ordinal);

        public string File { get; } = file;

        public List<TestCase> Cases { get; } = [];

        public TestCase CaseOf(string name)
        {
            if (!_byName.TryGetValue(name, out var testCase))
            {
                testCase = _byName[name] = new TestCase(name);
                Cases.Add(testCase);
            }

            return testCase;
        }
    }

    private sealed class TestCase(string name)
    {
        public string Name { get; } = name;

        public List<Finding> Findings { get; } = [];
    }
}
