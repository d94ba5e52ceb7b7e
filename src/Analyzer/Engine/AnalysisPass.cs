using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Engine;

/// <summary>
/// Anything that inspects the whole input set and reports findings for the rules it declares: a lint rule,
/// schema validation, the simulator. Passes must be stateless between runs and must not rely on running order.
/// </summary>
public abstract class AnalysisPass
{
    /// <summary>Every rule this pass may report; a pass whose rules are all disabled is not run.</summary>
    public abstract IReadOnlyList<RuleDescriptor> Rules { get; }

    public abstract void Run(AnalysisContext context);
}
