using System.Text.RegularExpressions;

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
    /// The pattern compiled for .NET. Kubernetes uses Go's RE2; the common subset (classes, anchors, quantifiers,
    /// groups) behaves the same, and a pattern .NET cannot compile is not checked rather than guessed.
    /// </summary>
    public Regex? Pattern { get; set; }
}
