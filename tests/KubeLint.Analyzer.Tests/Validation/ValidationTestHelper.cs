using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Schema;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Validation;

/// <summary>Schema and API validation over inline YAML at one Kubernetes version (1.32, the verdicts' version, unless given).</summary>
internal static class ValidationTestHelper
{
    public static IReadOnlyList<Finding> Validate(string yaml, string version = "1.32", AnalysisOptions? options = null)
    {
        var effective = options is null
            ? new AnalysisOptions { KubernetesVersion = version }
            : new AnalysisOptions
            {
                KubernetesVersion = version,
                Rules = options.Rules,
                DisabledValidationAreas = options.DisabledValidationAreas,
            };
        return Manifests.Lint(yaml, effective, new SchemaValidationPass());
    }

    /// <summary>"KL1106@7:5" per finding.</summary>
    public static string[] Summaries(string yaml, string version = "1.32", AnalysisOptions? options = null)
        => Manifests.Summaries(Validate(yaml, version, options));

    /// <summary>"KL1106@7:5 message" per finding.</summary>
    public static string[] Reported(string yaml, string version = "1.32", AnalysisOptions? options = null)
        => Validate(yaml, version, options).Select(f => $"{f.Rule.Id}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column} {f.Message}").ToArray();
}
