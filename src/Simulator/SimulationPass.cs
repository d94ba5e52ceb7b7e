using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Simulator;

/// <summary>Runs the cluster simulation and reports its predictions (KL5xxx) as findings.</summary>
public sealed class SimulationPass(SimulationOptions options) : AnalysisPass
{
    public SimulationOptions Options { get; } = options;

    public override IReadOnlyList<RuleDescriptor> Rules { get; } = [];

    public override void Run(AnalysisContext context)
    {
        // Filled in by the simulator work (issue 5).
    }
}
