using System.Diagnostics;
using System.Text;
using KubeLint.Analyzer.Configuration;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;
using KubeLint.Cli.Output;
using KubeLint.Cli.Repositories;
using KubeLint.Rules;
using KubeLint.Simulator;

namespace KubeLint.Cli;

/// <summary>One lint run: resolve and load the inputs, run every pass, write the report, compute the exit code.</summary>
public sealed class LintRunner(CliConsole console)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public int Run(LintSettings settings)
    {
        var version = ResolveVersion(settings.KubernetesVersion);

        if (settings.Paths.Count == 0)
        {
            throw new UsageException("no input; give files, folders, glob patterns or - for standard input (see --help)");
        }

        var configuration = LoadConfiguration(settings.ConfigFile);
        var watch = Stopwatch.StartNew();
        var options = CreateOptions(settings, version, configuration);
        var definitions = new LoadedDefinitions(options);
        var loader = new ManifestLoader { ObjectLoaded = definitions.Loaded };
        var filter = new PathPatterns(settings.Include, settings.Exclude, Directory.GetCurrentDirectory());
        bool Excluded(string path) => filter.IsExcluded(path) || configuration?.IsIgnored(path) == true;
        var inputs = Check(ManifestInputs.LoadRepository(
            loader, settings.Paths, console.OpenStandardInput, settings.FollowSymbolicLinks, Excluded, settings.KustomizeCommand, settings.StdinFilename));
        var (files, loaded) = (inputs.Entries, inputs.Result);
        if (files.Count == 0 && !settings.AllowEmpty)
        {
            // As ESLint does: a wrong path or pattern in CI must not pass silently.
            throw new UsageException(NoManifests(settings.Paths));
        }

        // The auxiliary inputs are not validated: their definitions are read for their schemas alone, which are let
        // go as the input's are.
        var auxiliary = new ManifestLoader(loader.Limits) { ObjectLoaded = LoadedDefinitions.ReleaseSchemas };
        var crds = Load(auxiliary, settings.CrdPaths, settings.FollowSymbolicLinks);
        var cluster = Load(auxiliary, settings.ClusterPaths, settings.FollowSymbolicLinks);
        var baseline = Load(auxiliary, settings.BaselinePaths, settings.FollowSymbolicLinks);
        var loadTime = watch.Elapsed;
        var loadAllocated = GC.GetTotalAllocatedBytes();

        // Problems in the auxiliary inputs are reported too: a broken cluster or CRD file silently ignored would
        // make the analysis quietly wrong.
        var inputFindings = loaded.Findings.Concat(crds.Findings).Concat(cluster.Findings).Concat(baseline.Findings);
        var engine = new LintEngine(CreatePasses(settings, crds.Objects, cluster.Objects, baseline.Objects, definitions), options);
        var findings = inputs.Finish(engine.Run(loaded.Objects, inputFindings, loaded.Unreadable));
        var report = new LintReport(findings, files, loaded.Objects, loaded.OtherDocuments.Count);

        WriteReport(settings, report);
        if (settings.Timings)
        {
            WriteTimings(loadTime, loadAllocated, engine, loaded.Documents.Count);
        }

        var failing = settings.FailLevel is { } failLevel && findings.Any(f => f.Severity >= failLevel);
        return failing ? ExitCodes.Findings : ExitCodes.Success;
    }

    internal static string NoManifests(IEnumerable<string> paths)
        => $"no manifests found in {string.Join(", ", paths.Select(p => $"'{p}'"))} (*.yaml, *.yml and *.json files not excluded by ignorePaths); --allow-empty accepts that";

    /// <summary>
    /// Schema validation (with the given CRDs, and the input's definitions that <paramref name="definitions"/>
    /// validated while loading), every built-in rule and, unless disabled, the simulation.
    /// </summary>
    internal static List<AnalysisPass> CreatePasses(
        LintSettings settings,
        IReadOnlyList<KubeObject> crds,
        IReadOnlyList<KubeObject> cluster,
        IReadOnlyList<KubeObject> baseline,
        LoadedDefinitions? definitions = null)
    {
        var passes = new List<AnalysisPass> { new SchemaValidationPass(crds, definitions) };
        passes.AddRange(BuiltInRules.All);
        if (settings.Simulate)
        {
            passes.Add(new SimulationPass(new SimulationOptions { Cluster = cluster, Baseline = baseline }));
        }

        return passes;
    }

    /// <summary>The command-line options, with the configuration file's rule settings and ignored paths applied.</summary>
    internal static AnalysisOptions CreateOptions(LintSettings settings, string? version, LintConfiguration? configuration)
    {
        var options = new AnalysisOptions
        {
            KubernetesVersion = version,
            Strict = settings.Strict,
            RejectUnknownKinds = settings.RejectUnknownKinds,
            ReportUnusedSuppressions = settings.ReportUnusedSuppressions,
        };
        return configuration?.ApplyTo(options) ?? options;
    }

    /// <summary>Accepts "1.33", "v1.33" and "1.33.2"; anything not bundled is a usage error naming what is.</summary>
    private static string ResolveVersion(string? requested)
        => SchemaValidationPass.ResolveVersion(requested)
            ?? throw new UsageException(
                $"unknown Kubernetes version '{requested}'; supported versions: {string.Join(", ", SchemaValidationPass.SupportedVersions)}");

    /// <summary>The --config file, or the .kubelint.yaml found from the current directory up; a bad file is a usage error.</summary>
    private static LintConfiguration? LoadConfiguration(string? configFile)
    {
        var path = configFile ?? LintConfiguration.Discover(Directory.GetCurrentDirectory());
        if (path is null)
        {
            return null;
        }

        if (configFile is not null && !File.Exists(configFile))
        {
            throw new UsageException($"{configFile}: no such configuration file");
        }

        try
        {
            return LintConfiguration.Load(path, RuleCatalog.All);
        }
        catch (ConfigurationException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    private LoadResult Load(ManifestLoader loader, IReadOnlyList<string> paths, bool followSymbolicLinks)
        => Check(ManifestInputs.Load(loader, paths, console.OpenStandardInput, followSymbolicLinks)).Result;

    /// <summary>The inputs, once every path named exists.</summary>
    private static ManifestInputs Check(ManifestInputs inputs)
        => inputs.Errors.Count > 0 ? throw new UsageException(string.Join("\n", inputs.Errors)) : inputs;

    private void WriteReport(LintSettings settings, LintReport report)
    {
        var toFile = settings.OutputFile is not null;
        IReportFormatter formatter = settings.Format switch
        {
            OutputFormat.Json => new JsonFormatter(),
            OutputFormat.Sarif => new SarifFormatter(RuleCatalog.All, RepositoryRoot.Find(Directory.GetCurrentDirectory())),
            OutputFormat.GitHub => new GitHubFormatter(new HelmTemplateFiles(RepositoryRoot.Find(Directory.GetCurrentDirectory()))),
            OutputFormat.JUnit => new JUnitFormatter(settings.FailLevel),
            OutputFormat.GitLab => new GitLabFormatter(RepositoryRoot.Find(Directory.GetCurrentDirectory())),
            _ => new TextFormatter(
                color: !toFile && console.StdoutIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
                quiet: settings.Quiet),
        };

        if (settings.OutputFile is not { } path)
        {
            formatter.Write(report, console.Out);
            console.Out.Flush();
            return;
        }

        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Write(report, text);
        try
        {
            File.WriteAllText(path, text.ToString(), Utf8NoBom);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write the report: {ex.Message}", ex);
        }
    }

    private void WriteTimings(TimeSpan loadTime, long loadAllocated, LintEngine engine, int documents)
    {
        var passes = engine.LastTimings;
        var total = loadTime + passes.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        var rows = passes.Select(p => (Name: p.Key, Time: p.Value))
            .Prepend((Name: "load", Time: loadTime))
            .OrderByDescending(row => row.Time)
            .ThenBy(row => row.Name, StringComparer.Ordinal);
        console.Error.Write($"timings: {documents} documents, {total.TotalMilliseconds:F1} ms in load and analysis\n");
        foreach (var (name, time) in rows)
        {
            var share = total > TimeSpan.Zero ? 100 * time.TotalMilliseconds / total.TotalMilliseconds : 0;
            var allocated = name == "load" ? loadAllocated : engine.LastAllocations.GetValueOrDefault(name);
            console.Error.Write($"timings: {time.TotalMilliseconds,9:F2} ms {share,5:F1}% {allocated / 1e6,8:F1} MB  {name}\n");
        }

        // The garbage collector's own figures: what the run allocated and what collecting it cost, which explain
        // most of the difference between two runs' times on the same input.
        using var process = Process.GetCurrentProcess();
        console.Error.Write(
            $"timings: memory: {GC.GetTotalAllocatedBytes() / 1e6:F1} MB allocated, collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, " +
            $"{GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms paused, peak working set {process.PeakWorkingSet64 / 1e6:F1} MB\n");
    }
}
