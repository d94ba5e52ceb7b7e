using Microsoft.CodeAnalysis;

namespace KubeLint.Roslyn.Diagnostics;

/// <summary>
/// Severities configured for the compilation: /nowarn and /warnaserror, global analyzer config files, and
/// .editorconfig sections that cover the project's C# files (<c>[*]</c>, <c>[*.cs]</c>).
/// </summary>
/// <remarks>
/// The compiler applies <c>dotnet_diagnostic.ID.severity</c> from .editorconfig only to diagnostics inside C# files:
/// for a diagnostic located in a YAML file it looks at global settings alone. So that a project configures KubeLint
/// like any other analyzer, the setting that applies to the project's first C# file is applied to the manifests too.
/// </remarks>
internal sealed class CompilerSeverity
{
    private readonly Compilation _compilation;
    private readonly SyntaxTree? _firstTree;

    public CompilerSeverity(Compilation compilation)
    {
        _compilation = compilation;
        _firstTree = compilation.SyntaxTrees.FirstOrDefault();
    }

    /// <summary>The configured setting for a diagnostic id, or null when the project leaves it at its default.</summary>
    public ReportDiagnostic? Configured(string id, CancellationToken cancellationToken)
    {
        var options = _compilation.Options;
        if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific != ReportDiagnostic.Default)
        {
            return specific;
        }

        var provider = options.SyntaxTreeOptionsProvider;
        if (provider is null)
        {
            return null;
        }

        if (provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global) && global != ReportDiagnostic.Default)
        {
            return global;
        }

        return _firstTree is not null && provider.TryGetDiagnosticValue(_firstTree, id, cancellationToken, out var perTree) && perTree != ReportDiagnostic.Default
            ? perTree
            : null;
    }

    public static DiagnosticSeverity? ToSeverity(ReportDiagnostic report) => report switch
    {
        ReportDiagnostic.Error => DiagnosticSeverity.Error,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
        _ => null,
    };
}
