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

    [TestCase("true", ExpectedResult = true)]
    [TestCase("false", ExpectedResult = false)]
    public async Task<bool> KubeLintSimulate_switches_the_cluster_simulation_on(string simulate)
    {
        // No node of the embedded default cluster has 5 allocatable CPUs, so the simulated scheduler cannot place the pod.
        const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: big}\n  template:\n    metadata:\n      labels: {app: big}\n    spec:\n      containers:\n        - name: app\n          image: app:1\n          resources:\n            requests:\n              cpu: \"5\"\n";

        var diagnostics = await AnalyzeAsync(("build_property.KubeLintSimulate", simulate), [ ("/app/big.k8s.yaml", Deployment)]);

        return diagnostics.Any(d => d.Id == RuleIds.PodUnschedulable);
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params (string Path, string Text)[] files)
        => AnalyzeAsync(null, files);

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync((string Key, string Value)? globalOption, (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create(
            "app",
            [CSharpSyntaxTree.ParseText("internal static class Program { }", path: "/app/Program.cs")],
            AnalyzerTest.LoadReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        var globals = globalOption is { } option
            ? ImmutableDictionary<string, string>.Empty.Add(option.Key, option.Value)
            : ImmutableDictionary<string, string>.Empty;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional, new GlobalOptionsProvider(globals)),
            onAnalyzerException: (exception, _, _) => throw new InvalidOperationException("the analyzer failed", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers([new ManifestAnalyzer()], options);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    private sealed class GlobalOptionsProvider(ImmutableDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
