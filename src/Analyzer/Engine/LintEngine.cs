using System.Diagnostics;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Engine;

/// <summary>Runs analysis passes over a set of objects and returns their findings in the canonical order.</summary>
public sealed class LintEngine
{
    private readonly IReadOnlyList<AnalysisPass> _passes;

    public LintEngine(IEnumerable<AnalysisPass> passes, AnalysisOptions? options = null)
    {
        _passes = passes.ToList();
        Options = options ?? AnalysisOptions.Default;
    }

    public AnalysisOptions Options { get; }

    /// <summary>Time spent in each pass during the last run, for benchmarks (keyed by the pass's type name).</summary>
    public IReadOnlyDictionary<string, TimeSpan> LastTimings { get; private set; } = new Dictionary<string, TimeSpan>();

    /// <summary>
    /// Runs every enabled pass; <paramref name="inputFindings"/> (loader problems) are merged into the result.
    /// Findings covered by a <c>kubelint.io/ignore</c> annotation (on the object or its pod template) or a
    /// <c># kubelint:ignore RULE[,RULE|all] reason</c> comment (on the finding's line, or alone on the line above)
    /// are dropped; with <see cref="AnalysisOptions.ReportUnusedSuppressions"/>, suppressions that covered nothing
    /// are reported as KL1009.
    /// </summary>
    public IReadOnlyList<Finding> Run(IReadOnlyList<KubeObject> objects, IEnumerable<Finding>? inputFindings = null)
    {
        var index = new ObjectIndex(objects);
        var results = new List<Finding>();
        var incomplete = false;
        foreach (var finding in inputFindings ?? [])
        {
            incomplete |= LosesObjects(finding.RuleId);
            if (Options.IsEnabled(finding.Rule))
            {
                results.Add(finding.WithSeverity(Options.SeverityOf(finding.Rule)));
            }
        }

        var timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var pass in _passes)
        {
            if (!pass.Rules.Any(Options.IsEnabled))
            {
                continue;
            }

            var context = new AnalysisContext(index, Options) { InputIncomplete = incomplete };
            var watch = Stopwatch.StartNew();
            pass.Run(context);
            timings[pass.GetType().Name] = watch.Elapsed;
            results.AddRange(context.Findings);
        }

        LastTimings = timings;
        var suppressions = Suppressions.Collect(index);
        results.RemoveAll(suppressions.Suppress);
        if (Options.ReportUnusedSuppressions && Options.IsEnabled(EngineRules.UnusedSuppression))
        {
            var ran = new HashSet<string>(
                _passes.SelectMany(p => p.Rules).Concat(InputRules.All).Where(Options.IsEnabled).SelectMany(r => new[] { r.Id, r.Name }),
                StringComparer.OrdinalIgnoreCase);
            results.AddRange(suppressions.Unused(ran.Contains, Options));
        }

        results.Sort(FindingOrder.Instance);
        return results;
    }

    /// <summary>Input problems after which some objects of the input are missing from the object list.</summary>
    private static bool LosesObjects(string ruleId) => ruleId is RuleIds.YamlSyntaxError or RuleIds.MissingTypeMeta
        or RuleIds.TabIndentation or RuleIds.UnrenderedTemplate or RuleIds.UnreadableEncoding or RuleIds.InputLimitExceeded
        or RuleIds.UnreadableInput;
}
