namespace KubeLint.Analyzer.Findings;

/// <summary>A named setting of a rule, given under <c>rules: RULE: parameters:</c> in .kubelint.yaml.</summary>
public sealed class RuleParameter
{
    public RuleParameter(string name, string defaultValue, string description)
    {
        Name = name;
        DefaultValue = defaultValue;
        Description = description;
    }

    public string Name { get; }

    /// <summary>The value used when the configuration does not set the parameter, as it would be written there.</summary>
    public string DefaultValue { get; }

    public string Description { get; }
}
