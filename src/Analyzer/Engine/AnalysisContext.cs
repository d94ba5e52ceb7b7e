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
    {
        Index = index;
        Options = options;
    }

    public ObjectIndex Index { get; }

    public IReadOnlyList<KubeObject> Objects => Index.Objects;

    public AnalysisOptions Options { get; }

    /// <summary>
    /// True when the loader could not turn all of the input into objects (syntax errors, unrendered templates,
    /// undecodable or oversized files): rules that report something as absent from the input should not run then.
    /// </summary>
    public bool InputIncomplete { get; init; }

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
