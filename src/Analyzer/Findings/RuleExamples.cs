namespace KubeLint.Analyzer.Findings;

/// <summary>
/// A pair of manifests that show a rule: <see cref="Bad"/> makes the rule report exactly one finding and nothing
/// else, <see cref="Good"/> (the same manifests, fixed) makes kubelint report nothing. A test runs both through the
/// whole engine, so the documentation cannot drift from what the rule does.
/// </summary>
public sealed class RuleExamples
{
    public RuleExamples(string bad, string good)
    {
        Bad = Normalize(bad);
        Good = Normalize(good);
    }

    /// <summary>YAML that triggers the rule, ending with a newline.</summary>
    public string Bad { get; }

    /// <summary>The same YAML, fixed: kubelint reports nothing on it.</summary>
    public string Good { get; }

    /// <summary>Raw string literals carry no final newline and may carry CR LF; examples are LF text ending with one.</summary>
    private static string Normalize(string yaml)
    {
        var text = yaml.Replace("\r\n", "\n");
        return text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n";
    }
}
