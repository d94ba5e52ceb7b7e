using KubeLint.Analyzer.Re2;

namespace KubeLint.Analyzer.Schema;

/// <summary>The value validations of a structural schema (OpenAPI minimum, maximum, lengths, item counts, pattern).</summary>
internal sealed class SchemaBounds
{
    public double? Minimum { get; set; }

    public bool ExclusiveMinimum { get; set; }

    public double? Maximum { get; set; }

    public bool ExclusiveMaximum { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    /// <summary>The pattern as written, for messages.</summary>
    public string? PatternText { get; set; }

    /// <summary>
    /// The pattern with Go's regexp semantics, as the API server matches it; null when Go rejects the pattern, which
    /// the CRD's own validation reports (the server would not have accepted the CRD).
    /// </summary>
    public Re2Regex? Pattern { get; set; }
}
