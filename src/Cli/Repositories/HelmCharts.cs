using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;
using KubeLint.Cli.Output;

namespace KubeLint.Cli.Repositories;

/// <summary>
/// Helm chart folders among the inputs. A folder with Chart.yaml is a chart; its Chart.yaml, Chart.lock,
/// requirements, values files, templates/ and charts/ (subcharts) are the chart's sources, not manifests
/// (helm.sh/helm/v3/pkg/chart/loader load.go reads exactly these). Each chart gets one notice with the command that
/// renders it into something to lint.
/// </summary>
internal sealed class HelmCharts
{
    public const string ChartFile = "Chart.yaml";

    // Release names are DNS-1123 labels of at most 53 characters (helm.sh/helm/v3/pkg/chartutil validate_name.go).
    private static readonly Regex ReleaseName = new("^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$", RegexOptions.CultureInvariant);

    private static readonly Regex ChartPart = new(
        @"^(?:Chart\.ya?ml|Chart\.lock|requirements\.(?:ya?ml|lock)|values[^/]*\.(?:ya?ml|json)|templates/.*|charts/.*)$",
        RegexOptions.CultureInvariant);

    private readonly Dictionary<string, bool> _hasChart = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _found = new(StringComparer.Ordinal);
    private readonly Func<string, string> _display;

    public HelmCharts(Func<string, string> display)
    {
        _display = display;
    }

    /// <summary>
    /// True when <paramref name="file"/> (absolute) is a source of a chart: the outermost such chart is remembered for
    /// <see cref="Notices"/>. Folders are searched upwards to the repository root.
    /// </summary>
    public bool IsChartSource(string file)
    {
        string? outermost = null;
        for (var dir = Path.GetDirectoryName(file); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (HasChart(dir) && ChartPart.IsMatch(Path.GetRelativePath(dir, file).Replace('\\', '/')))
            {
                outermost = dir;
            }

            if (RepositoryRoot.IsRoot(dir))
            {
                break;
            }
        }

        if (outermost is not null)
        {
            _found[outermost] = _display(outermost);
        }

        return outermost is not null;
    }

    /// <summary>One KL1016 notice per chart whose sources were among the inputs, at its name in Chart.yaml.</summary>
    public IEnumerable<Finding> Notices()
    {
        var rule = RepositoryRules.HelmChartNotRendered;
        foreach (var (directory, display) in _found)
        {
            var chartFile = Path.Combine(directory, ChartFile);
            var location = new SourceLocation(_display(chartFile), SourceSpan.At(1, 1));
            var name = Path.GetFileName(directory);
            try
            {
                var chart = new ManifestLoader().Load(new SourceFile(location.FilePath, File.ReadAllText(chartFile)));
                if (chart.Documents.Select(d => d.Root).OfType<YamlMapping>().FirstOrDefault()?.GetEntry("name") is { Value: YamlScalar { IsNull: false } value } entry)
                {
                    name = value.Value;
                    location = new SourceLocation(location.FilePath, entry.Key.Span);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The notice is still given, at the top of the file.
            }

            var release = ReleaseName.IsMatch(name) ? name : "release";
            var chartPath = display.Length == 0 ? "." : display;
            yield return new Finding(
                rule,
                rule.DefaultSeverity,
                $"Helm chart \"{name}\" is not rendered, so its templates are not checked; lint what it renders with: helm template {release} {Quote(chartPath)} | kubelint -",
                location,
                null);
        }
    }

    private static string Quote(string path) => path.IndexOfAny([' ', '\'', '"', '$', '`', '\\']) >= 0 ? "'" + path.Replace("'", "'\\''") + "'" : path;

    private bool HasChart(string directory)
    {
        if (!_hasChart.TryGetValue(directory, out var has))
        {
            has = File.Exists(Path.Combine(directory, ChartFile));
            _hasChart[directory] = has;
        }

        return has;
    }
}
