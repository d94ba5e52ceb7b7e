using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Engine;

/// <summary>What a pass sees: every object of the run, an index over them, the options, and a place to report.</summary>
public sealed class AnalysisContext
{
    private readonly List<Finding> _findings = [];

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
            _findings.Add(new Finding(rule, Options.SettingsFor(rule)?.Severity ?? severity, message, obj.LocationOf(node), obj.Reference));
        }
    }

    public void Report(RuleDescriptor rule, SourceLocation location, string message, ObjectReference? obj)
    {
        if (!Options.IsEnabled(rule))
        {
            return;
        }

        _findings.Add(new Finding(rule, Options.SeverityOf(rule), message, location, obj));
    }
}
