namespace KubeLint.Analyzer.Findings;

/// <summary>
/// The metadata of one rule: what it is called, how severe it is by default and how to fix what it reports.
/// Every finding carries the descriptor of the rule that produced it.
/// </summary>
public sealed class RuleDescriptor
{
    public const string HelpBaseUri = "https://github.com/kubelint/kubelint/blob/main/rules.md";

    public RuleDescriptor(
        string id,
        string name,
        Severity defaultSeverity,
        string category,
        string title,
        string description,
        string remediation,
        bool enabledByDefault = true)
    {
        Id = id;
        Name = name;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Title = title;
        Description = description;
        Remediation = remediation;
        EnabledByDefault = enabledByDefault;
    }

    /// <summary>"KL" followed by four digits, from <see cref="RuleIds"/>.</summary>
    public string Id { get; }

    /// <summary>Kebab-case name, e.g. "selector-template-mismatch".</summary>
    public string Name { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>The catalog section: Input, Schema, Selectors and references, Probes and resources, ...</summary>
    public string Category { get; }

    /// <summary>One sentence, used as the short description.</summary>
    public string Title { get; }

    /// <summary>What the rule checks and why it matters.</summary>
    public string Description { get; }

    /// <summary>How to fix a finding.</summary>
    public string Remediation { get; }

    public bool EnabledByDefault { get; }

    /// <summary>A manifest the rule reports and the same manifest fixed; shown by <c>kubelint rules ID</c> and in rules.md.</summary>
    public RuleExamples? Examples { get; init; }

    /// <summary>The settings the rule reads from the configuration file, with their defaults.</summary>
    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];

    /// <summary>The rule's section in rules.md (GitHub renders "KL2001 selector-template-mismatch" as this anchor).</summary>
    public string HelpUri => $"{HelpBaseUri}#{Id.ToLowerInvariant()}-{Name}";

    public override string ToString() => $"{Id} {Name}";
}
