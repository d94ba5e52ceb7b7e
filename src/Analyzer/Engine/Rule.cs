using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Engine;

/// <summary>A pass that reports exactly one rule, whose metadata lives on the class.</summary>
public abstract class Rule : AnalysisPass
{
    private IReadOnlyList<RuleDescriptor>? _rules;

    public abstract RuleDescriptor Descriptor { get; }

    public sealed override IReadOnlyList<RuleDescriptor> Rules => _rules ??= [Descriptor];
}
