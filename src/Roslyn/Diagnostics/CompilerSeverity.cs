using Microsoft.CodeAnalysis;

namespace KubeLint.Roslyn.Diagnostics;

/// <summary>
/// Severities configured for the compilation, in the compiler's order: /nowarn and /warnaserror, then .editorconfig
/// (the file's own sections), then global analyzer config files.
/// </summary>
/// <remarks>
/// The compiler applies <c>dotnet_diagnostic.ID.severity</c> from .editorconfig only to diagnostics inside C# files:
/// for a diagnostic located in a YAML file it looks at global settings alone. So that a project configures KubeLint
/// like any other analyzer, the sections that apply to the project's first C# file (<c>[*]</c>, <c>[*.cs]</c>)
/// apply to the manifests too. The analyzer resolves C# locations itself as well, so both kinds of finding follow
/// one lookup.
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

    /// <summary>
    /// The setting for a diagnostic id in a C# file (or, for null, in a manifest), or null when the project leaves it
    /// at its default.
    /// </summary>
    public ReportDiagnostic? Configured(string id, SyntaxTree? tree, CancellationToken cancellationToken)
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

        tree ??= _firstTree;
        if (tree is not null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var perTree) && perTree != ReportDiagnostic.Default)
        {
            return perTree;
        }

        return provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global) && global != ReportDiagnostic.Default
            ? global
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
