using System.Collections.Immutable;
using KubeLint.Analyzer.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KubeLint.Roslyn.Tests;

/// <summary>
/// Runs <see cref="ManifestAnalyzer"/> with chosen rules. References come from the running .NET and the test's own
/// KubernetesClient package, so no reference pack is downloaded.
/// </summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<ManifestAnalyzer, DefaultVerifier>
{
    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();
    private readonly AnalysisPass[] _rules;

    public AnalyzerTest(params AnalysisPass[] rules)
    {
        _rules = rules;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(References);
    }

    public static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return platform
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal) && p.EndsWith(".dll", StringComparison.Ordinal))
            .Append(typeof(k8s.Models.V1Deployment).Assembly.Location)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [new ManifestAnalyzer(_rules)];
}
