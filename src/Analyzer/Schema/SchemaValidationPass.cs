using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// Validates every object against the Kubernetes API schema of <see cref="AnalysisOptions.KubernetesVersion"/>,
/// plus CustomResourceDefinitions found in the input or given as <paramref name="extraDefinitions"/>.
/// </summary>
public sealed class SchemaValidationPass(IReadOnlyList<KubeObject>? extraDefinitions = null) : AnalysisPass
{
    /// <summary>Kubernetes minor versions with a bundled schema, oldest first.</summary>
    public static IReadOnlyList<string> SupportedVersions { get; } = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35"];

    public IReadOnlyList<KubeObject> ExtraDefinitions { get; } = extraDefinitions ?? [];

    public override IReadOnlyList<RuleDescriptor> Rules { get; } = [];

    public override void Run(AnalysisContext context)
    {
        // Filled in by the schema work (issue 3).
    }
}
