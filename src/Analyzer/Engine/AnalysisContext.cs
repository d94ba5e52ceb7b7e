using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Engine;

/// <summary>What a pass sees: every object of the run, an index over them, the options, and a place to report.</summary>
public sealed class AnalysisContext
{
    private readonly List<Finding> _findings = [];

    // For each finding, the key of a report made once per run (ReportOnce), else null; the keys said so far.
    private readonly List<string?> _onceKeys = [];
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);

    public AnalysisContext(ObjectIndex index, AnalysisOptions options)
        : this(index, options, InputGaps.None)
    {
    }

    public AnalysisContext(ObjectIndex index, AnalysisOptions options, InputGaps gaps)
    {
        Index = index;
        Options = options;
        Gaps = gaps;
    }

    public ObjectIndex Index { get; }

    public IReadOnlyList<KubeObject> Objects => Index.Objects;

    public AnalysisOptions Options { get; }

    /// <summary>The documents of the input that could not be read, and what the rules held back because of them.</summary>
    public InputGaps Gaps { get; }

    /// <summary>
    /// For rules that report something as absent from the input: true when a document that could not be read may
    /// define what the finding about <paramref name="subject"/> says is missing. The rule must then not report; the
    /// engine says once per rule which documents made it hold back.
    /// </summary>
    public bool HoldsBack(RuleDescriptor rule, KubeObject subject) => Gaps.HoldsBack(rule, subject);

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>
    /// A context of the same run whose findings are kept apart: work on one object can run in parallel with other
    /// objects' in forks, which <see cref="Merge"/> then adds back in the objects' order, so the result does not
    /// depend on how the work was scheduled.
    /// </summary>
    public AnalysisContext Fork() => new(Index, Options, Gaps);

    /// <summary>Adds a fork's findings, in their order; a once-per-run report already said here is dropped.</summary>
    public void Merge(AnalysisContext fork)
    {
        for (var i = 0; i < fork._findings.Count; i++)
        {
            if (fork._onceKeys[i] is not { } key || _said.Add(key))
            {
                _findings.Add(fork._findings[i]);
                _onceKeys.Add(fork._onceKeys[i]);
            }
        }
    }

    /// <summary>
    /// Reports at most once per run for <paramref name="key"/> (a limitation of the engine met by many objects): the
    /// first report, in the objects' order, is the one kept.
    /// </summary>
    public void ReportOnce(string key, RuleDescriptor rule, KubeObject obj, YamlNode node, string message)
    {
        if (Options.IsEnabled(rule) && _said.Add(key))
        {
            Add(new Finding(rule, Options.SeverityOf(rule), message, obj.LocationOf(node), obj.Reference), key);
        }
    }

    /// <summary>Reports at a node of an object; the finding points at that node's exact span.</summary>
    public void Report(RuleDescriptor rule, KubeObject obj, YamlNode node, string message)
        => Report(rule, obj.LocationOf(node), message, obj.Reference);

    /// <summary>
    /// Reports with <paramref name="severity"/> in place of the rule's default (a prediction about an assumed
    /// cluster is only a warning); a severity the user configured for the rule still wins.
    /// </summary>
    public void Report(RuleDescriptor rule, KubeObject obj, YamlNode node, string message, Severity severity)
    {
        if (Options.IsEnabled(rule))
        {
            Add(new Finding(rule, Options.SettingsFor(rule)?.Severity ?? severity, message, obj.LocationOf(node), obj.Reference), null);
        }
    }

    public void Report(RuleDescriptor rule, SourceLocation location, string message, ObjectReference? obj)
    {
        if (!Options.IsEnabled(rule))
        {
            return;
        }

        Add(new Finding(rule, Options.SeverityOf(rule), message, location, obj), null);
    }

    private void Add(Finding finding, string? onceKey)
    {
        _findings.Add(finding);
        _onceKeys.Add(onceKey);
    }
}
