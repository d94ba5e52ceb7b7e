using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Engine;

/// <summary>
/// The suppressions of one run: <c>kubelint.io/ignore</c> annotations on objects or pod templates (they cover
/// every finding inside the object) and <c># kubelint:ignore</c> comments (they cover their own line and, when the
/// comment stands alone on its line, the line below). Each named rule is tracked separately so that unused ones can
/// be reported.
/// </summary>
internal sealed class Suppressions
{
    /// <summary>What every suppression comment holds; a file without it has none.</summary>
    internal const string CommentMarker = "kubelint:ignore";

    public const string Annotation = "kubelint.io/ignore";
    public const string All = "all";

    // The parser drops comments, so they are found in the text: '#' at the start of a line or after a blank.
    private static readonly Regex CommentPattern = new(
        @"(?:^|[ \t])#[ \t]*kubelint:ignore(?:[ \t]+(?<rules>[^ \t\r]+))?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private readonly List<Entry> _entries = [];

    public static Suppressions Collect(ObjectIndex index)
    {
        var result = new Suppressions();
        var files = new HashSet<SourceFile>();
        foreach (var obj in index.Objects)
        {
            files.Add(obj.File);
            result.AddAnnotation(obj, obj.Metadata);
            if (index.TemplateOf(obj) is { Template: not null } template)
            {
                result.AddAnnotation(obj, template.Metadata);
            }
        }

        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            result.AddComments(file);
        }

        return result;
    }

    /// <summary>The <c># kubelint:ignore</c> comments of files whose findings were mapped there from elsewhere (a kustomize build).</summary>
    public static Suppressions CollectComments(IEnumerable<SourceFile> files)
    {
        var result = new Suppressions();
        foreach (var file in files)
        {
            result.AddComments(file);
        }

        return result;
    }

    /// <summary>True when a suppression covers the finding; every covering suppression is marked used.</summary>
    public bool Suppress(Finding finding)
    {
        var suppressed = false;
        foreach (var entry in _entries)
        {
            if (entry.Covers(finding))
            {
                entry.Used = true;
                suppressed = true;
            }
        }

        return suppressed;
    }

    /// <summary>KL1009 findings for suppressions that covered nothing and name a rule that ran (or "all").</summary>
    public IEnumerable<Finding> Unused(Func<string, bool> ran, AnalysisOptions options)
    {
        var rule = EngineRules.UnusedSuppression;
        foreach (var entry in _entries)
        {
            if (entry.Used || !(entry.IsAll || ran(entry.Rule)))
            {
                continue;
            }

            var what = entry.IsAll ? "suppression of all rules" : $"suppression of {entry.Rule}";
            yield return new Finding(rule, options.SeverityOf(rule), $"{what} is unused: nothing was reported here", entry.Location, entry.Object);
        }
    }

    private void AddAnnotation(KubeObject obj, YamlMapping? metadata)
    {
        if (metadata?.GetMapping("annotations")?[Annotation] is not YamlScalar { IsNull: false } value)
        {
            return;
        }

        var scope = obj.Root.Span;
        foreach (var rule in SplitRules(value.Value))
        {
            _entries.Add(new Entry(rule, obj.LocationOf(value), obj.Reference, (f, p) => f == obj.File.Path && p.CompareTo(scope.Start) >= 0 && p.CompareTo(scope.End) < 0));
        }
    }

    private void AddComments(SourceFile file)
    {
        if (!file.Contains(CommentMarker))
        {
            return;
        }

        var text = file.Text;

        var lineNumber = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            lineNumber++;
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.Substring(lineStart, lineEnd - lineStart);
            var match = line.IndexOf(CommentMarker, StringComparison.Ordinal) >= 0 ? CommentPattern.Match(line) : Match.Empty;
            if (match.Success)
            {
                AddComment(file, lineNumber, line, match);
            }

            lineStart = lineEnd + 1;
        }
    }

    private void AddComment(SourceFile file, int lineNumber, string line, Match match)
    {
        var hash = line.IndexOf('#', match.Index);
        var standsAlone = line.Substring(0, hash).Trim().Length == 0;
        var location = new SourceLocation(file.Path, new SourceSpan(
            new SourcePosition(lineNumber, hash + 1),
            new SourcePosition(lineNumber, match.Index + match.Length + 1)));
        var lastLine = standsAlone ? lineNumber + 1 : lineNumber;
        foreach (var rule in SplitRules(match.Groups["rules"].Value))
        {
            _entries.Add(new Entry(rule, location, null, (f, p) => f == file.Path && p.Line >= lineNumber && p.Line <= lastLine));
        }
    }

    private static IEnumerable<string> SplitRules(string text)
        => text.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);

    private sealed class Entry
    {
        private readonly Func<string, SourcePosition, bool> _covers;

        public Entry(string rule, SourceLocation location, ObjectReference? obj, Func<string, SourcePosition, bool> covers)
        {
            Rule = rule;
            Location = location;
            Object = obj;
            _covers = covers;
        }

        public string Rule { get; }

        public bool IsAll => string.Equals(Rule, All, StringComparison.OrdinalIgnoreCase);

        public SourceLocation Location { get; }

        public ObjectReference? Object { get; }

        public bool Used { get; set; }

        public bool Covers(Finding finding)
            => (IsAll || string.Equals(Rule, finding.RuleId, StringComparison.OrdinalIgnoreCase) || string.Equals(Rule, finding.Rule.Name, StringComparison.Ordinal))
               && _covers(finding.Location.FilePath, finding.Location.Span.Start);
    }
}
