using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Schema;

/// <summary>Runs schema validation alone over inline YAML.</summary>
internal static class SchemaTestHelper
{
    public static IReadOnlyList<Finding> Validate(string yaml, AnalysisOptions? options = null, IReadOnlyList<KubeObject>? crds = null)
        => Manifests.Lint(yaml, options ?? AnalysisOptions.Default, new SchemaValidationPass(crds));

    public static string[] Summaries(string yaml, AnalysisOptions? options = null)
        => Manifests.Summaries(Validate(yaml, options));

    public static string Message(string yaml, AnalysisOptions? options = null)
        => Validate(yaml, options).Single().Message;

    /// <summary>Asserts that the YAML has one finding, with this id@line:col and this message.</summary>
    public static void AssertSingleFinding(string yaml, string summary, string message)
    {
        var findings = Validate(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { summary }));
            Assert.That(findings.Select(f => f.Message), Is.EqualTo(new[] { message }));
        });
    }

    /// <summary>Asserts that the YAML has these findings, in any order: id@line:col and messages.</summary>
    public static void AssertFindings(string yaml, string[] summaries, string[] messages)
    {
        var findings = Validate(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(findings), Is.EquivalentTo(summaries));
            Assert.That(findings.Select(f => f.Message), Is.EquivalentTo(messages));
        });
    }
}
