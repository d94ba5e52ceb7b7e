using System.Collections.Concurrent;
using System.Collections.Immutable;
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
        var manifests = new List<(AdditionalText File, SourceText Text)>();
        var config = ConfigFile.Empty;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in context.Options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // Overlapping globs (**/*.k8s.yaml and KubeLintManifests) pass a file twice; it is one manifest.
            if (!seen.Add(file.Path))
            {
                continue;
            }

            var fileOptions = optionsProvider.GetOptions(file);
            if (ManifestInputs.IsConfig(file, fileOptions))
            {
                config = file.GetText(cancellationToken) is { } configText ? ConfigFile.Parse(file.Path, configText.ToString()) : config;
            }
            else if (ManifestInputs.IsManifest(file, fileOptions) && file.GetText(cancellationToken) is { } text)
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
            KubernetesVersion = settings.KubernetesVersion ?? config.KubernetesVersion,
            Rules = RuleSettingsFor(config, severity, cancellationToken),
        };

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
        foreach (var finding in new LintEngine(passes, options).Run(loaded.Objects, loaded.Findings))
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
    /// .kubelint.yaml settings, with an .editorconfig severity turning a rule on (even one that is off by default) or,
    /// with "none", off, so that a disabled rule does not run at all.
    /// </summary>
    private Dictionary<string, RuleSettings> RuleSettingsFor(ConfigFile config, CompilerSeverity severity, CancellationToken cancellationToken)
    {
        var rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in _catalog.All)
        {
            var fromFile = config.Rules.TryGetValue(descriptor.Id, out var byId) ? byId : null;
            var configured = severity.Configured(descriptor.Id, tree: null, cancellationToken);
            if (configured is null)
            {
                if (fromFile is not null)
                {
                    rules[descriptor.Id] = fromFile;
                }

                continue;
            }

            rules[descriptor.Id] = new RuleSettings
            {
                Enabled = configured != ReportDiagnostic.Suppress,
                Severity = fromFile?.Severity,
                Parameters = fromFile?.Parameters ?? new Dictionary<string, string>(StringComparer.Ordinal),
            };
        }

        // Settings by rule name stay as they are: the engine looks a rule up by id first, then by name.
        foreach (var pair in config.Rules)
        {
            if (!rules.ContainsKey(pair.Key))
            {
                rules[pair.Key] = pair.Value;
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
