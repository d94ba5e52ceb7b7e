using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Engine;

/// <summary>Options shared by every pass of one run.</summary>
public sealed class AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Kubernetes minor version to check against, e.g. "1.35"; null means the newest bundled.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>
    /// The API server's strict field validation (kubectl's default): unknown fields and duplicate keys are errors.
    /// Without it unknown fields are not reported and duplicate keys, whose last value the decoder keeps, are warnings.
    /// </summary>
    public bool Strict { get; init; } = true;

    /// <summary>Objects of a kind no schema describes are errors instead of a one-time info finding.</summary>
    public bool RejectUnknownKinds { get; init; }

    /// <summary>Report suppressions (annotations and comments) that suppressed nothing, as KL1009 findings.</summary>
    public bool ReportUnusedSuppressions { get; init; }

    /// <summary>
    /// Areas of API-server validation that are turned off (<see cref="Validation.ValidationAreas"/>), from the
    /// configuration's <c>validation:</c> block.
    /// </summary>
    public IReadOnlyCollection<string> DisabledValidationAreas { get; init; } = [];

    /// <summary>Settings by rule id ("KL2001") or name ("selector-template-mismatch").</summary>
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);

    public RuleSettings? SettingsFor(RuleDescriptor rule)
        => Rules.TryGetValue(rule.Id, out var byId) ? byId : Rules.TryGetValue(rule.Name, out var byName) ? byName : null;

    public bool IsAreaEnabled(string area) => DisabledValidationAreas.Count == 0 || !DisabledValidationAreas.Contains(area);

    public bool IsEnabled(RuleDescriptor rule) => SettingsFor(rule)?.Enabled ?? rule.EnabledByDefault;

    public Severity SeverityOf(RuleDescriptor rule)
        => SettingsFor(rule)?.Severity ?? (!Strict && rule.Id == RuleIds.DuplicateKey ? Severity.Warning : rule.DefaultSeverity);

    /// <summary>A rule parameter as configured, or null when the user left it at its default.</summary>
    public string? Parameter(RuleDescriptor rule, string name)
        => SettingsFor(rule)?.Parameters.TryGetValue(name, out var value) == true ? value : null;
}
