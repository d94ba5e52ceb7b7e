using System.Collections.Concurrent;
using System.Collections.Immutable;
using KubeLint.Analyzer.Configuration;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Schema;
using KubeLint.Roslyn.Diagnostics;
using KubeLint.Roslyn.Inputs;
using KubeLint.Roslyn.Typed;
using KubeLint.Rules;
using KubeLint.Simulator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KubeLint.Roslyn;

/// <summary>
/// Runs the KubeLint engine at build time over the manifests added as AdditionalFiles and over Kubernetes objects
/// built in C# with KubernetesClient model types, and reports every finding as a compiler diagnostic (KLxxxx) at the
/// YAML line and column or at the C# property that caused it. All objects are checked together, so a Service in C#
/// is matched against a Deployment in YAML.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestAnalyzer : DiagnosticAnalyzer
{
    private readonly IReadOnlyList<AnalysisPass> _rules;
    private readonly DiagnosticCatalog _catalog;

    public ManifestAnalyzer()
        : this(BuiltInRules.All)
    {
    }

    internal ManifestAnalyzer(IEnumerable<AnalysisPass> rules)
    {
        _rules = rules.ToList();
        _catalog = new DiagnosticCatalog(_rules);
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _catalog.All;

    public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var typed = new ConcurrentBag<TypedManifest>();
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (TypedManifestReader.TryRead((BaseObjectCreationExpressionSyntax)node.Node, node.SemanticModel, node.CancellationToken) is { } manifest)
                    {
                        typed.Add(manifest);
                    }
                },
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
            start.RegisterCompilationEndAction(end => Analyze(end, typed));
        });
    }

    private void Analyze(CompilationAnalysisContext context, IEnumerable<TypedManifest> typedManifests)
    {
        var cancellationToken = context.CancellationToken;
        var optionsProvider = context.Options.AnalyzerConfigOptionsProvider;
        var files = context.Options.AdditionalFiles
            .GroupBy(f => f.Path, StringComparer.Ordinal) // Overlapping globs pass a file twice; it is one input.
            .Select(g => g.First())
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var config = files.FirstOrDefault(f => ManifestInputs.IsConfig(f, optionsProvider.GetOptions(f))) is { } configFile
            ? ReadConfiguration(context, configFile, cancellationToken)
            : null;
        var manifests = new List<(AdditionalText File, SourceText Text)>();
        foreach (var file in files)
        {
            if (ManifestInputs.IsManifest(file, optionsProvider.GetOptions(file))
                && config?.IsIgnored(file.Path) != true
                && file.GetText(cancellationToken) is { } text)
            {
                manifests.Add((file, text));
            }
        }

        var typed = typedManifests.OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        if (manifests.Count == 0 && typed.Count == 0)
        {
            return;
        }

        var settings = BuildSettings.Read(optionsProvider.GlobalOptions);
        var severity = new CompilerSeverity(context.Compilation);
        var options = new AnalysisOptions
        {
            KubernetesVersion = settings.KubernetesVersion,
            Rules = EditorConfigSettings(severity, cancellationToken),
        };
        options = config?.ApplyTo(options) ?? options;

        var loader = new ManifestLoader();
        var loaded = new LoadResult();
        foreach (var (file, text) in manifests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loaded.Add(loader.Load(new SourceFile(file.Path, text.ToString())));
        }

        foreach (var manifest in typed)
        {
            loaded.Add(loader.Load(new SourceFile(manifest.Path, manifest.Text)));
        }

        var passes = new List<AnalysisPass>(_rules);
        if (settings.ValidateSchema)
        {
            passes.Add(new SchemaValidationPass());
        }

        if (settings.Simulate)
        {
            passes.Add(new SimulationPass(new SimulationOptions()));
        }

        var texts = manifests.ToDictionary(m => m.File.Path, m => m.Text, StringComparer.Ordinal);
        var typedByPath = typed.ToDictionary(m => m.Path, StringComparer.Ordinal);
        foreach (var finding in new LintEngine(passes, options).Run(loaded))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_catalog.Find(finding.RuleId) is not { } descriptor)
            {
                continue;
            }

            var location = typedByPath.TryGetValue(finding.Location.FilePath, out var manifest)
                ? manifest.LocationOfLine(finding.Location.Span.Start.Line)
                : texts.TryGetValue(finding.Location.FilePath, out var text)
                    ? LocationIn(finding.Location.FilePath, text, finding.Location.Span)
                    : Location.None;
            var effective = DiagnosticCatalog.ToDiagnosticSeverity(finding.Severity);
            if (severity.Configured(finding.RuleId, location.SourceTree, cancellationToken) is { } configured)
            {
                if (CompilerSeverity.ToSeverity(configured) is not { } configuredSeverity)
                {
                    continue;
                }

                effective = configuredSeverity;
            }

            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, effective, additionalLocations: null, properties: null, finding.Message));
        }
    }

    /// <summary>
    /// The project's .kubelint.yaml, parsed as the command line does. A file the command line would reject (exit code
    /// 2) is not applied, so that a half-edited file does not break the build; KL1011 reports the problem at its position.
    /// </summary>
    private LintConfiguration? ReadConfiguration(CompilationAnalysisContext context, AdditionalText file, CancellationToken cancellationToken)
    {
        if (file.GetText(cancellationToken) is not { } text)
        {
            return null;
        }

        try
        {
            return LintConfiguration.Parse(file.Path, text.ToString(), _catalog.Rules);
        }
        catch (ConfigurationException ex)
        {
            if (_catalog.Find(RuleIds.InvalidConfiguration) is { } descriptor)
            {
                var location = ex.Location is { } at ? LocationIn(file.Path, text, at.Span) : Location.Create(file.Path, default, default);
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, ex.Detail));
            }

            return null;
        }
    }

    /// <summary>
    /// An .editorconfig severity turns a rule on (even one that is off by default) or, with "none", off, so that a
    /// disabled rule does not run at all. These settings win over .kubelint.yaml's, field by field.
    /// </summary>
    private Dictionary<string, RuleSettings> EditorConfigSettings(CompilerSeverity severity, CancellationToken cancellationToken)
    {
        var rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in _catalog.All)
        {
            if (severity.Configured(descriptor.Id, tree: null, cancellationToken) is { } configured)
            {
                rules[descriptor.Id] = new RuleSettings { Enabled = configured != ReportDiagnostic.Suppress };
            }
        }

        return rules;
    }

    private static Location LocationIn(string path, SourceText text, SourceSpan span)
    {
        var start = Clamp(text, span.Start);
        var end = Clamp(text, span.End);
        if (end < start)
        {
            end = start;
        }

        var lineSpan = new LinePositionSpan(start, end);
        return Location.Create(path, text.Lines.GetTextSpan(lineSpan), lineSpan);
    }

    /// <summary>1-based engine position to a 0-based position that exists in the compiler's view of the text.</summary>
    private static LinePosition Clamp(SourceText text, SourcePosition position)
    {
        var line = Math.Max(0, Math.Min(position.Line - 1, text.Lines.Count - 1));
        var textLine = text.Lines[line];
        var column = Math.Max(0, Math.Min(position.Column - 1, textLine.End - textLine.Start));
        return new LinePosition(line, column);
    }
}
