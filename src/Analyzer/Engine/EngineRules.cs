using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Engine;

/// <summary>Descriptors of what the engine itself reports, independently of any pass.</summary>
public static class EngineRules
{
    public static RuleDescriptor UnusedSuppression { get; } = new(
        RuleIds.UnusedSuppression,
        "unused-suppression",
        Severity.Info,
        "Input",
        "A suppression annotation or comment suppresses nothing.",
        "A 'kubelint.io/ignore' annotation or a '# kubelint:ignore' comment names a rule that reported nothing there. "
            + "Stale suppressions hide future problems of the same kind, so they should be removed once the cause is fixed. "
            + "Only reported when unused suppressions are requested (--report-unused-suppressions).",
        "Remove the rule id from the annotation or comment, or the whole suppression when it names no other rule.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [UnusedSuppression];
}
