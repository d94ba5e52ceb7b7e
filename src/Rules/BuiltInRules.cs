using KubeLint.Analyzer.Engine;

namespace KubeLint.Rules;

/// <summary>The built-in lint rules, in id order. New rules are added here and to the id catalog.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } = Create();

    private static List<Rule> Create()
    {
        var rules = new List<Rule>
        {
        };
        rules.Sort((a, b) => string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id));
        return rules;
    }
}
