using System.Xml;
using System.Xml.Schema;
using KubeLint.Testing;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using static KubeLint.Cli.Tests.RepositoryRootSetUp;

namespace KubeLint.Cli.Tests;

/// <summary>
/// The CI report formats: JUnit XML (validated against Schemas/junit.xsd, the structure CI servers read) and GitLab
/// Code Quality (validated against Schemas/gitlab-code-quality.schema.json, GitLab's published field list).
/// </summary>
public sealed class CiReportFormatTests
{
    private static readonly string SchemaFolder = Path.Combine(SharedPaths.RepositoryRoot, "tests", "KubeLint.Cli.Tests", "Schemas");

    private static readonly Lazy<JsonSchema> GitLabSchema = new(() => JsonSchema.FromJsonAsync(
        File.ReadAllText(Path.Combine(SchemaFolder, "gitlab-code-quality.schema.json"))).GetAwaiter().GetResult());

    [Test]
    public void JUnit_output_matches_golden_file()
    {
        var run = CliRun.Of(Inputs, "--no-simulate", "--format", "junit");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Golden.AssertMatches("junit.xml", run.Stdout);
    }

    [Test]
    public void GitLab_output_matches_golden_file()
    {
        var run = CliRun.Of(Inputs, "--no-simulate", "--format", "gitlab");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Golden.AssertMatches("gitlab.json", run.Stdout);
    }

    [TestCase("tests/KubeLint.Cli.Tests/Inputs")]
    [TestCase("examples")]
    public void JUnit_output_is_valid_against_the_JUnit_schema(string input)
        => Assert.That(JUnitSchemaErrors(CliRun.Of(input, "--format", "junit").Stdout), Is.Empty);

    [Test]
    public void JUnit_schema_check_rejects_what_CI_servers_reject()
    {
        Assert.That(JUnitSchemaErrors("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase /></testsuite></testsuites>"), Is.Not.Empty);
        Assert.That(JUnitSchemaErrors("<testsuites><testsuite name=\"a\" tests=\"-1\" failures=\"0\" errors=\"0\" /></testsuites>"), Is.Not.Empty);
        Assert.That(JUnitSchemaErrors("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase name=\"b\"><failed /></testcase></testsuite></testsuites>"), Is.Not.Empty);
    }

    [Test]
    public void JUnit_has_a_suite_per_file_a_case_per_object_and_failures_at_the_fail_level()
    {
        var xml = new XmlDocument();
        xml.LoadXml(CliRun.Of("examples", "--format", "junit").Stdout);
        var suites = xml.SelectNodes("/testsuites/testsuite")!.Cast<XmlElement>().ToList();
        var examples = CliRun.Of("examples", "-f", "json").Stdout;
        var summary = JObject.Parse(examples)["summary"]!;

        Assert.That(suites.Select(s => s.GetAttribute("name")), Is.EqualTo(Directory.GetFiles("examples").Order(StringComparer.Ordinal).Select(f => f.Replace('\\', '/'))));
        var cases = suites.SelectMany(s => s.SelectNodes("testcase")!.Cast<XmlElement>()).ToList();
        Assert.That(cases.Count(c => c.GetAttribute("name") != "input"), Is.EqualTo((int)summary["objects"]!));
        Assert.That(cases, Has.Some.Matches<XmlElement>(c => c!.GetAttribute("name") == "Deployment shop/shop-web"));
        Assert.That(xml.SelectNodes("//failure")!.Count, Is.EqualTo((int)summary["errors"]!), "errors are failures at the default fail level");
        Assert.That(xml.SelectNodes("//testcase/system-out")!.Count, Is.GreaterThan(0), "warnings are kept as output");
        Assert.That(int.Parse(xml.DocumentElement!.GetAttribute("failures"), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(cases.Count(c => c.SelectNodes("failure")!.Count > 0)));

        var strict = new XmlDocument();
        strict.LoadXml(CliRun.Of("examples", "--format", "junit", "--fail-level", "warning").Stdout);
        Assert.That(strict.SelectNodes("//failure")!.Count, Is.EqualTo((int)summary["errors"]! + (int)summary["warnings"]!));
    }

    [Test]
    public void JUnit_replaces_characters_XML_cannot_carry()
    {
        var run = CliRun.WithStdin("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"a\\u0001b\"\n", "-", "--no-simulate", "-f", "junit");
        Assert.That(JUnitSchemaErrors(run.Stdout), Is.Empty, run.Stderr);
        Assert.That(run.Stdout, Does.Contain("a\uFFFDb"));
    }

    [TestCase("tests/KubeLint.Cli.Tests/Inputs")]
    [TestCase("examples")]
    public void GitLab_output_has_exactly_GitLabs_fields(string input)
    {
        var json = CliRun.Of(input, "--format", "gitlab").Stdout;
        Assert.That(GitLabSchema.Value.Validate(json).Select(e => e.ToString()), Is.Empty);
        var items = JArray.Parse(json);
        Assert.That(items, Is.Not.Empty);
        Assert.That(items.Select(i => (string)i["fingerprint"]!), Is.Unique);
        Assert.That(items.Select(i => (string)i["location"]!["path"]!), Has.All.StartWith(input + "/"));
    }

    [Test]
    public void GitLab_schema_check_rejects_missing_and_unknown_fields()
    {
        Assert.That(GitLabSchema.Value.Validate("[{\"description\":\"d\",\"check_name\":\"c\",\"fingerprint\":\"f\",\"severity\":\"error\",\"location\":{\"path\":\"a.yaml\",\"lines\":{\"begin\":1}}}]"), Is.Not.Empty);
        Assert.That(GitLabSchema.Value.Validate("[{\"description\":\"d\",\"check_name\":\"c\",\"severity\":\"major\",\"location\":{\"path\":\"a.yaml\",\"lines\":{\"begin\":1}}}]"), Is.Not.Empty);
        Assert.That(GitLabSchema.Value.Validate("[{\"description\":\"d\",\"check_name\":\"c\",\"fingerprint\":\"f\",\"severity\":\"major\",\"location\":{\"path\":\"/abs/a.yaml\",\"lines\":{\"begin\":1}}}]"), Is.Not.Empty);
    }

    [Test]
    public void GitLab_fingerprints_ignore_the_line_but_tell_identical_findings_apart()
    {
        // The same object defined twice with the same misspelt field: two findings with the same rule, object and message.
        const string Twice = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  label: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  label: x\n";
        var items = JArray.Parse(CliRun.WithStdin(Twice, "-", "--no-simulate", "-f", "gitlab").Stdout);
        var moved = JArray.Parse(CliRun.WithStdin("\n\n" + Twice, "-", "--no-simulate", "-f", "gitlab").Stdout);

        Assert.That(items, Has.Count.EqualTo(2));
        Assert.That(items.Select(i => (string)i["fingerprint"]!), Is.Unique);
        Assert.That(moved.Select(i => (string)i["fingerprint"]!), Is.EqualTo(items.Select(i => (string)i["fingerprint"]!)));
        Assert.That((string)items[0]["location"]!["path"]!, Is.EqualTo("stdin"));
        Assert.That((string)items[0]["severity"]!, Is.EqualTo("major"));
        Assert.That((string)items[0]["check_name"]!, Is.EqualTo("KL1102 unknown-field"));
    }

    private static List<string> JUnitSchemaErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.Schemas.Add(null, Path.Combine(SchemaFolder, "junit.xsd"));
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception.LineNumber}:{e.Exception.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
