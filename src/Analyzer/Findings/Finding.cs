using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Findings;

/// <summary>One reported problem, at the exact node it concerns.</summary>
public sealed class Finding
{
    public Finding(RuleDescriptor rule, Severity severity, string message, SourceLocation location, ObjectReference? obj)
    {
        Rule = rule;
        Severity = severity;
        Message = message;
        Location = location;
        Object = obj;
    }

    public RuleDescriptor Rule { get; }

    public string RuleId => Rule.Id;

    public Severity Severity { get; }

    public string Message { get; }

    public SourceLocation Location { get; }

    /// <summary>The object the finding concerns, when the problem is inside one.</summary>
    public ObjectReference? Object { get; }

    public Finding WithSeverity(Severity severity) => new(Rule, severity, Message, Location, Object);

    public override string ToString()
        => $"{Location}: {Severity.ToName()} {Rule.Id} {Rule.Name}: {Message}";
}
