namespace KubeLint.Analyzer.Findings;

/// <summary>Finding severities, ordered so that a higher value is more severe.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
