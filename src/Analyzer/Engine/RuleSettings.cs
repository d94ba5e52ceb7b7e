using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Engine;

/// <summary>User settings for one rule: on/off, severity and named parameters.</summary>
public sealed class RuleSettings
{
    public bool? Enabled { get; init; }

    public Severity? Severity { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
