using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Schema;
using KubeLint.Rules;
using KubeLint.Simulator;

namespace KubeLint.Cli;

/// <summary>
/// Every rule kubelint can report, in id order: input problems, suppression notices, schema validation, the built-in lint rules,
/// simulation predictions and the command's own output notices. Composed from the passes themselves, so a rule
/// added to any of them appears here (and in rules.md and SARIF) without a second list to keep in sync.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<RuleDescriptor> All { get; } = Create();

    private static List<RuleDescriptor> Create()
    {
        var descriptors = InputRules.All
            .Concat(EngineRules.All)
            .Concat(new SchemaValidationPass().Rules)
            .Concat(BuiltInRules.All.SelectMany(rule => rule.Rules))
            .Concat(new SimulationPass(new SimulationOptions()).Rules)
            .Concat(OutputRules.All)
            .Concat(Repositories.RepositoryRules.All);
        var byId = new SortedDictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            byId.TryAdd(descriptor.Id, descriptor);
        }

        return [.. byId.Values];
    }
}
