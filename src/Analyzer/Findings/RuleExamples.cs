namespace KubeLint.Analyzer.Findings;

/// <summary>
/// A pair of manifests that show a rule: <see cref="Bad"/> makes the rule report exactly one finding and nothing
/// else, <see cref="Good"/> (the same manifests, fixed) makes kubelint report nothing. A test runs both through the
/// whole engine, so the documentation cannot drift from what the rule does.
/// </summary>
public sealed class RuleExamples
{
    private readonly string _bad;
    private readonly string _good;

    /// <summary>
    /// Keeps the examples as written and normalizes them when read: every run builds the rule table, while only the
    /// rules command, the documentation and the tests read examples.
    /// </summary>
    public RuleExamples(string bad, string good)
    {
        _bad = bad;
        _good = good;
    }

    /// <summary>YAML that triggers the rule, ending with a newline.</summary>
    public string Bad => Normalize(_bad);

    /// <summary>The same YAML, fixed: kubelint reports nothing on it.</summary>
    public string Good => Normalize(_good);

    /// <summary>Raw string literals carry no final newline and may carry CR LF; examples are LF text ending with one.</summary>
    private static string Normalize(string yaml)
    {
        var text = yaml.Replace("\r\n", "\n");
        return text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n";
    }
}
