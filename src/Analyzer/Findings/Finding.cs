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

    /// <summary>
    /// For findings in <c>helm template</c> output: the template the document was rendered from
    /// ("chart/templates/deployment.yaml"), while <see cref="Location"/> is the line in the rendered stream.
    /// </summary>
    public string? Template { get; private init; }

    public Finding WithSeverity(Severity severity) => new(Rule, severity, Message, Location, Object) { Template = Template };

    public Finding WithTemplate(string template) => new(Rule, Severity, Message, Location, Object) { Template = template };

    /// <summary>The same finding somewhere else (a rendered position mapped back to its source).</summary>
    public Finding WithLocation(SourceLocation location) => new(Rule, Severity, Message, location, Object) { Template = Template };

    /// <summary>The message, followed by the template it came from for findings in Helm output.</summary>
    public string MessageWithTemplate => Template is null ? Message : $"{Message} (template {Template})";

    public override string ToString() => $"{Location}: {Severity.ToName()} {Rule.Id} {Rule.Name}: {MessageWithTemplate}";
}
