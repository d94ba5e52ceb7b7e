using System.Diagnostics;
using KubeLint.Analyzer.Documents;
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

    /// <summary>
    /// Drops the findings that <c># kubelint:ignore</c> comments of <paramref name="files"/> cover: for findings a
    /// caller moved into those files after the run (from a kustomize build's output to the sources it was built from).
    /// </summary>
    public static void SuppressByComments(List<Finding> findings, IEnumerable<SourceFile> files)
        => findings.RemoveAll(Suppressions.CollectComments(files).Suppress);

    /// <summary>Time spent in each pass during the last run, for benchmarks (keyed by the pass's type name).</summary>
    public IReadOnlyDictionary<string, TimeSpan> LastTimings { get; private set; } = new Dictionary<string, TimeSpan>();

    /// <summary>Bytes allocated by each pass during the last run (on .NET; empty on netstandard2.0), keyed as <see cref="LastTimings"/>.</summary>
    public IReadOnlyDictionary<string, long> LastAllocations { get; private set; } = new Dictionary<string, long>();

    /// <summary>
    /// Runs every enabled pass; <paramref name="inputFindings"/> (loader problems) are merged into the result.
    /// Findings covered by a <c>kubelint.io/ignore</c> annotation (on the object or its pod template) or a
    /// <c># kubelint:ignore RULE[,RULE|all] reason</c> comment (on the finding's line, or alone on the line above)
    /// are dropped; with <see cref="AnalysisOptions.ReportUnusedSuppressions"/>, suppressions that covered nothing
    /// are reported as KL1009.
    /// </summary>
    public IReadOnlyList<Finding> Run(IReadOnlyList<KubeObject> objects, IEnumerable<Finding>? inputFindings = null)
    {
        var findings = inputFindings?.ToList() ?? [];

        // Without the loader's account of the unreadable documents, each input problem that loses a document is one,
        // of unknown namespace.
        var unreadable = findings
            .Where(f => UnreadableDocuments.LosesDocument(f.RuleId) || f.RuleId is RuleIds.MissingTypeMeta or RuleIds.UnreadableInput)
            .Select(f => UnreadableDocument.At(f.Location));
        return Run(objects, findings, unreadable);
    }

    /// <summary>Runs over everything a load produced: its objects, its input problems and its unreadable documents.</summary>
    public IReadOnlyList<Finding> Run(LoadResult input) => Run(input.Objects, input.Findings, input.Unreadable);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{KubeObject}, IEnumerable{Finding})"/>, with the documents that could not be
    /// read: cross-object rules hold back the conclusions those could change, and say so (KL1013).
    /// </summary>
    public IReadOnlyList<Finding> Run(IReadOnlyList<KubeObject> objects, IEnumerable<Finding> inputFindings, IEnumerable<UnreadableDocument> unreadable)
    {
        var index = new ObjectIndex(objects);
        var gaps = new InputGaps(unreadable);
        var results = new List<Finding>();
        foreach (var finding in inputFindings)
        {
            if (Options.IsEnabled(finding.Rule))
            {
                results.Add(finding.WithSeverity(Options.SeverityOf(finding.Rule)));
            }
        }

        var timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var allocations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pass in _passes)
        {
            if (!pass.Rules.Any(Options.IsEnabled))
            {
                continue;
            }

            var context = new AnalysisContext(index, Options, gaps);
            var watch = Stopwatch.StartNew();
#if NET
            var allocated = GC.GetTotalAllocatedBytes();
#endif
            pass.Run(context);
            timings[pass.GetType().Name] = watch.Elapsed;
#if NET
            allocations[pass.GetType().Name] = GC.GetTotalAllocatedBytes() - allocated;
#endif
            results.AddRange(context.Findings);
        }

        LastTimings = timings;
        LastAllocations = allocations;
        results.AddRange(gaps.Notices(Options));
        var suppressions = Suppressions.Collect(index);
        results.RemoveAll(suppressions.Suppress);
        if (Options.ReportUnusedSuppressions && Options.IsEnabled(EngineRules.UnusedSuppression))
        {
            var ran = new HashSet<string>(
                _passes.SelectMany(p => p.Rules).Concat(InputRules.All).Where(Options.IsEnabled).SelectMany(r => new[] { r.Id, r.Name }),
                StringComparer.OrdinalIgnoreCase);
            results.AddRange(suppressions.Unused(ran.Contains, Options));
        }

        HelmSources.Annotate(results, objects.Select(o => o.File));
        results.Sort(FindingOrder.Instance);
        return results;
    }
}
