using KubeLint.Analyzer.Engine;
using KubeLint.Rules.Selectors;

namespace KubeLint.Rules;

/// <summary>The built-in lint rules, in id order. New rules are added here and to the id catalog.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } = Create();

    private static List<Rule> Create()
    {
        var rules = new List<Rule>
        {
            new SelectorTemplateMismatch(),
            new ServiceSelectsNothing(),
            new ServiceTargetPortMissing(),
            new PdbSelectsNothing(),
            new NetworkPolicySelectsNothing(),
            new HpaTargetMissing(),
            new IngressBackendMissing(),
            new MissingReference(),
            new OverlappingSelectors(),
        };
        rules.Sort((a, b) => string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id));
        return rules;
    }
}
