using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// The templates of <c>helm template</c> output. Helm starts every rendered document with <c>---</c> and a
/// <c># Source: chart/templates/file.yaml</c> comment (helm.sh/helm/v3/pkg/action install.go, renderResources),
/// so the lines of a document up to the next <c>---</c> came from the template that comment names.
/// </summary>
public static class HelmSources
{
    internal const string SourcePrefix = "# Source: ";

    /// <summary>The findings with <see cref="Finding.Template"/> set where the file they point into is Helm output.</summary>
    public static void Annotate(List<Finding> findings, IEnumerable<SourceFile> files)
    {
        var maps = new Dictionary<string, TemplateLines?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!maps.ContainsKey(file.Path))
            {
                maps[file.Path] = file.Contains(SourcePrefix) ? new TemplateLines(file.Text) : null;
            }
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (finding.Template is null && maps.TryGetValue(finding.Location.FilePath, out var map) && map?.At(finding.Location.Span.Start.Line) is { } template)
            {
                findings[i] = finding.WithTemplate(template);
            }
        }
    }

    /// <summary>Which template each line of a rendered stream came from.</summary>
    private sealed class TemplateLines
    {
        // The first line of each stretch with the same template (null between a "---" and the next Source comment).
        private readonly List<int> _starts = [];
        private readonly List<string?> _templates = [];

        public TemplateLines(string text)
        {
            var line = 1;
            for (var start = 0; start <= text.Length; line++)
            {
                var end = text.IndexOf('\n', start);
                var content = text.Substring(start, (end < 0 ? text.Length : end) - start).TrimEnd('\r');
                if (content.StartsWith("---", StringComparison.Ordinal) && (content.Length == 3 || content[3] is ' ' or '\t'))
                {
                    Add(line, null);
                }
                else if (content.StartsWith(SourcePrefix, StringComparison.Ordinal) && content.Length > SourcePrefix.Length)
                {
                    Add(line, content.Substring(SourcePrefix.Length).Trim());
                }

                if (end < 0)
                {
                    break;
                }

                start = end + 1;
            }
        }

        public string? At(int line)
        {
            var index = _starts.BinarySearch(line);
            index = index >= 0 ? index : ~index - 1;
            return index >= 0 ? _templates[index] : null;
        }

        private void Add(int line, string? template)
        {
            _starts.Add(line);
            _templates.Add(template);
        }
    }
}
