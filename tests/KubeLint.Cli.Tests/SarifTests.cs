using System.Diagnostics;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Cli.Output;
using KubeLint.Testing;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using KubeLint.Cli.Tests.Repositories;
using static KubeLint.Cli.Tests.RepositoryRootSetUp;

namespace KubeLint.Cli.Tests;

public sealed class SarifTests
{
    [Test]
    public void Results_have_rule_index_level_repository_relative_location_and_fingerprint()
    {
        var log = JObject.Parse(CliRun.Of(Inputs + "/app.yaml", "-f", "sarif", "--no-simulate").Stdout);
        var run = log["runs"]![0]!;
        Assert.That((string?)log["version"], Is.EqualTo("2.1.0"));
        Assert.That((string?)run["tool"]!["driver"]!["name"], Is.EqualTo("kubelint"));
        var result = run["results"]!.First(r => (string?)r["ruleId"] == "KL1002");
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        Assert.That((string?)rules[(int)result["ruleIndex"]!]!["id"], Is.EqualTo("KL1002"));
        Assert.That((string?)result["level"], Is.EqualTo("error"));
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.That((string?)location["artifactLocation"]!["uri"], Is.EqualTo("tests/KubeLint.Cli.Tests/Inputs/app.yaml"));
        Assert.That((string?)location["artifactLocation"]!["uriBaseId"], Is.EqualTo("%SRCROOT%"));
        Assert.That((int)location["region"]!["startLine"]!, Is.EqualTo(14));
        Assert.That((int)location["region"]!["startColumn"]!, Is.EqualTo(3));
        Assert.That((string?)result["partialFingerprints"]!["kubelint/v1"], Has.Length.EqualTo(32));
    }

    [Test]
    public void Every_catalog_rule_is_described_with_help()
    {
        var rules = (JArray)JObject.Parse(CliRun.Of(Inputs + "/clean.yaml", "-f", "sarif").Stdout)["runs"]![0]!["tool"]!["driver"]!["rules"]!;
        Assert.That(rules.Select(r => (string?)r["id"]), Is.SupersetOf(RuleCatalog.All.Select(r => r.Id)));
        foreach (var rule in rules)
        {
            Assert.That((string?)rule["shortDescription"]!["text"], Is.Not.Empty);
            Assert.That((string?)rule["fullDescription"]!["text"], Is.Not.Empty);
            Assert.That((string?)rule["help"]!["markdown"], Is.Not.Empty);
            Assert.That((string?)rule["helpUri"], Does.StartWith("https://"));
        }
    }

    /// <summary>
    /// Sarif.Sdk is the oracle: its object model reads kubelint's file, and its own serializer writes exactly the same
    /// text back (with "level" and "defaultConfiguration" always written, which kubelint does on purpose). Covers
    /// repository-relative, absolute (a folder name with spaces, '#', '%' and non-ASCII) and stdin artifacts, disabled
    /// rules, Helm related locations and the truncation notice.
    /// </summary>
    [Test]
    public void Output_is_what_Sarif_Sdk_writes_for_the_same_log()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"kubelint sarif é #%{Environment.ProcessId}");
        Directory.CreateDirectory(outside);
        try
        {
            File.Copy(Inputs + "/app.yaml", Path.Combine(outside, "app copy.yaml"), overwrite: true);
            var outputs = new[]
            {
                CliRun.Of(Inputs, Path.Combine(outside, "app copy.yaml"), "-f", "sarif", "--no-simulate").Stdout,
                CliRun.WithStdin(File.ReadAllText(RepositoryFixtureTests.Fixture + "/rendered/shop.yaml"), "-", "-f", "sarif", "--no-simulate").Stdout,
                CliRun.WithStdin(File.ReadAllText(Inputs + "/app.yaml"), "-", "-f", "sarif").Stdout,
                Truncated(),
            };
            foreach (var output in outputs)
            {
                Assert.That(SarifSdkRewrite(output), Is.EqualTo(output));
            }
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }

        static string Truncated()
        {
            var findings = Enumerable.Range(1, 5)
                .Select(line => new Finding(InputRules.DuplicateKey, Severity.Error, "duplicate key", new SourceLocation("a.yaml", SourceSpan.At(line, 1)), null))
                .ToList();
            using var text = new StringWriter();
            new SarifFormatter(RuleCatalog.All, SharedPaths.RepositoryRoot, maxResults: 3).Write(new LintReport(findings, ["a.yaml"], []), text);
            return text.ToString();
        }
    }

    private static string SarifSdkRewrite(string sarif)
    {
        var log = JsonConvert.DeserializeObject<SarifLog>(sarif)!;
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = new ExplicitLevelContractResolver() }).Serialize(json, log);
        }

        return text + "\n";
    }

    [Test]
    public void Fingerprint_does_not_change_when_lines_are_added_above()
    {
        var rule = InputRules.DuplicateKey;
        var obj = new ObjectReference("v1", "ConfigMap", "shop", "settings");
        var before = new Finding(rule, Severity.Error, "duplicate key", new SourceLocation("a.yaml", SourceSpan.At(5, 3)), obj);
        var after = new Finding(rule, Severity.Error, "duplicate key", new SourceLocation("a.yaml", SourceSpan.At(9, 3)), obj);
        var otherObject = new Finding(rule, Severity.Error, "duplicate key", new SourceLocation("a.yaml", SourceSpan.At(5, 3)), obj with { Name = "other" });
        Assert.That(SarifFormatter.Fingerprint(after, "a.yaml"), Is.EqualTo(SarifFormatter.Fingerprint(before, "a.yaml")));
        Assert.That(SarifFormatter.Fingerprint(otherObject, "a.yaml"), Is.Not.EqualTo(SarifFormatter.Fingerprint(before, "a.yaml")));
    }

    [Test]
    public void More_results_than_the_limit_are_truncated_with_a_warning_result()
    {
        var findings = Enumerable.Range(1, 5)
            .Select(line => new Finding(InputRules.DuplicateKey, Severity.Error, "duplicate key", new SourceLocation("a.yaml", SourceSpan.At(line, 1)), null))
            .ToList();
        using var text = new StringWriter();
        new SarifFormatter(RuleCatalog.All, SharedPaths.RepositoryRoot, maxResults: 3).Write(new LintReport(findings, ["test.yaml"], []), text);
        var results = (JArray)JObject.Parse(text.ToString())["runs"]![0]!["results"]!;
        Assert.That(results.Select(r => (string?)r["ruleId"]), Is.EqualTo(new[] { "KL1002", "KL1002", "KL1010" }));
        Assert.That((string?)results[2]["level"], Is.EqualTo("warning"));
        Assert.That((string?)results[2]["message"]!["text"], Does.StartWith("3 of 5 results were omitted"));
    }

    [Test]
    public void Output_larger_than_the_compressed_size_limit_is_truncated()
    {
        var findings = Enumerable.Range(1, 200)
            .Select(line => new Finding(InputRules.DuplicateKey, Severity.Error, $"duplicate key {line * 7919}", new SourceLocation("a.yaml", SourceSpan.At(line, 1)), null))
            .ToList();
        using var text = new StringWriter();
        new SarifFormatter(RuleCatalog.All, SharedPaths.RepositoryRoot, maxGzipBytes: 4096).Write(new LintReport(findings, ["test.yaml"], []), text);
        var results = (JArray)JObject.Parse(text.ToString())["runs"]![0]!["results"]!;
        Assert.That(results, Has.Count.LessThan(200));
        Assert.That((string?)results.Last!["ruleId"], Is.EqualTo("KL1010"));
    }

    [Test]
    public void Examples_sarif_passes_the_validator_with_GitHub_rules()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubelint-examples-{Environment.ProcessId}.sarif");
        try
        {
            CliRun.Of("examples", Inputs, "-f", "sarif", "-o", path);
            var validator = SharedPaths.Require(Path.Combine(SharedPaths.Shared, "tools", "validate-sarif"));
            using var process = Process.Start(new ProcessStartInfo(validator, [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 2)
            {
                Assert.Inconclusive("the SARIF validator could not run: " + output);
            }

            Assert.That(process.ExitCode, Is.Zero, output);
            Assert.That(output, Does.Contain(": 0 error(s)"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Sarif.Sdk leaves out values equal to SARIF's defaults; kubelint always writes levels.</summary>
    private sealed class ExplicitLevelContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyName is "level" or "defaultConfiguration")
            {
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.ShouldSerialize = null;
            }

            return property;
        }
    }
}
