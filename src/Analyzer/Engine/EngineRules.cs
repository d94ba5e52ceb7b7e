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
        "Remove the rule id from the annotation or comment, or the whole suppression when it names no other rule.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    kubelint.io/ignore: KL6005
                data:
                  mode: fast
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """),
    };

    /// <summary>
    /// A .kubelint.yaml that cannot be applied. The command line stops with exit code 2 instead; inside the compiler,
    /// where a build must not fail on a half-edited file, the file is ignored and this diagnostic says why.
    /// </summary>
    public static RuleDescriptor InvalidConfiguration { get; } = new(
        RuleIds.InvalidConfiguration,
        "invalid-configuration",
        Severity.Warning,
        "Input",
        "The .kubelint.yaml configuration is invalid and is not applied.",
        "The configuration file has an unknown key or rule, a wrong type or an invalid severity. kubelint (the command) "
            + "refuses to run with it (exit code 2); the build-time analyzer ignores the file and reports this diagnostic "
            + "at the offending line and column, so the rules run with their defaults until the file is fixed.",
        "Fix the configuration at the reported position; the file's JSON schema is schemas/kubelint-config.schema.json.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [UnusedSuppression, InvalidConfiguration];
}
