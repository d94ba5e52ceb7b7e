using System.Collections.Immutable;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KubeLint.Roslyn.Tests;

/// <summary>The analyzer as shipped (its parameterless constructor): the registered built-in rules, whatever they are.</summary>
[TestFixture]
public sealed class BuiltInRulesTests
{
    [Test]
    public void Every_registered_rule_has_a_compiler_descriptor_with_its_metadata()
    {
        var descriptors = new ManifestAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id, StringComparer.Ordinal);

        Assert.That(descriptors.Keys, Is.SupersetOf(BuiltInRules.All.Select(r => r.Descriptor.Id)));
        foreach (var rule in BuiltInRules.All.Select(r => r.Descriptor))
        {
            var descriptor = descriptors[rule.Id];
            Assert.That(descriptor.Title.ToString(), Is.EqualTo(rule.Title), rule.Id);
            Assert.That(descriptor.Category, Is.EqualTo(rule.Category), rule.Id);
            Assert.That(descriptor.HelpLinkUri, Is.EqualTo(rule.HelpUri), rule.Id);
            Assert.That(descriptor.DefaultSeverity, Is.EqualTo(rule.DefaultSeverity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            }), rule.Id);
        }
    }

    [Test]
    public async Task A_built_in_rule_reports_at_the_yaml_value()
    {
        Assume.That(BuiltInRules.All.Select(r => r.Descriptor.Id), Does.Contain(RuleIds.LatestImageTag));
        const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n";

        var diagnostics = await AnalyzeAsync(("/app/web.k8s.yaml", Pod));

        var latest = diagnostics.Where(d => d.Id == RuleIds.LatestImageTag).Select(d => d.Location.GetLineSpan()).ToList();
        Assert.That(latest.Select(s => $"{s.Path}:{s.StartLinePosition.Line + 1}:{s.StartLinePosition.Character + 1}"), Is.EqualTo(new[] { "/app/web.k8s.yaml:8:14" }));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create(
            "app",
            [CSharpSyntaxTree.ParseText("internal static class Program { }", path: "/app/Program.cs")],
            AnalyzerTest.LoadReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers([new ManifestAnalyzer()], new AnalyzerOptions(additional));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
