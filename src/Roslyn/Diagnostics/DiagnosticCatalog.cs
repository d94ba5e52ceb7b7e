using System.Collections.Immutable;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Schema;
using KubeLint.Simulator;
using Microsoft.CodeAnalysis;

namespace KubeLint.Roslyn.Diagnostics;

/// <summary>One compiler descriptor per rule the engine may report: loader problems, the given rules, schema and simulation.</summary>
internal sealed class DiagnosticCatalog
{
    private readonly Dictionary<string, DiagnosticDescriptor> _byId = new(StringComparer.Ordinal);

    public DiagnosticCatalog(IEnumerable<AnalysisPass> rulePasses)
    {
        IEnumerable<RuleDescriptor> rules = InputRules.All
            .Concat(EngineRules.All)
            .Concat(rulePasses.SelectMany(p => p.Rules))
            .Concat(new SchemaValidationPass().Rules)
            .Concat(new SimulationPass(new SimulationOptions()).Rules);
        var known = new List<RuleDescriptor>();
        foreach (var rule in rules)
        {
            if (!_byId.ContainsKey(rule.Id))
            {
                _byId.Add(rule.Id, Create(rule));
                known.Add(rule);
            }
        }

        Rules = known;

        All = _byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    public ImmutableArray<DiagnosticDescriptor> All { get; }

    /// <summary>The engine's descriptors behind <see cref="All"/>, which .kubelint.yaml may name by id or name.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public DiagnosticDescriptor? Find(string id) => _byId.TryGetValue(id, out var descriptor) ? descriptor : null;

    public static DiagnosticSeverity ToDiagnosticSeverity(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    // Every descriptor is enabled for the compiler: whether a rule runs at all is the engine's decision (its default,
    // .kubelint.yaml, or a severity set in .editorconfig), and a finding the engine reports must reach the build.
    // The findings are produced once the whole compilation is known, hence the CompilationEnd tag.
    private static DiagnosticDescriptor Create(RuleDescriptor rule) => new(
        rule.Id,
        rule.Title,
        "{0}",
        rule.Category,
        ToDiagnosticSeverity(rule.DefaultSeverity),
        isEnabledByDefault: true,
        description: rule.Description + " " + rule.Remediation,
        helpLinkUri: rule.HelpUri,
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
