using Microsoft.CodeAnalysis.Diagnostics;

namespace KubeLint.Roslyn.Inputs;

/// <summary>The MSBuild properties of build/KubeLint.Analyzers.props, as the compiler sees them.</summary>
internal sealed class BuildSettings
{
    public const string DefaultConstantsNamespace = "KubeLint.Manifests";

    private BuildSettings(AnalyzerConfigOptions options)
    {
        ValidateSchema = IsTrue(options, "KubeLintValidateSchema");
        Simulate = IsTrue(options, "KubeLintSimulate");
        KubernetesVersion = Value(options, "KubeLintKubernetesVersion");
        GenerateConstants = !string.Equals(Value(options, "KubeLintGenerateConstants"), "false", StringComparison.OrdinalIgnoreCase);
        ConstantsNamespace = Value(options, "KubeLintConstantsNamespace") ?? DefaultConstantsNamespace;
    }

    public bool ValidateSchema { get; }

    public bool Simulate { get; }

    public string? KubernetesVersion { get; }

    public bool GenerateConstants { get; }

    public string ConstantsNamespace { get; }

    public static BuildSettings Read(AnalyzerConfigOptions globalOptions) => new(globalOptions);

    private static bool IsTrue(AnalyzerConfigOptions options, string property)
        => string.Equals(Value(options, property), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Value(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
