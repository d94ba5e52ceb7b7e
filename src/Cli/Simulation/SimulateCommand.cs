using System.CommandLine;
using System.Globalization;
using System.Text;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Cli.Output;
using KubeLint.Simulator;
using KubeLint.Simulator.Reports;

namespace KubeLint.Cli.Simulation;

/// <summary>
/// <c>kubelint simulate PATH... [--cluster PATH] [--baseline PATH] [--format text|json|html] [--output FILE]</c>: the full prediction
/// of the cluster simulation. Exit codes as lint: 0 nothing wrong, 1 an error-severity prediction (or unreadable
/// input), 2 bad usage or a path that does not exist.
/// </summary>
internal static class SimulateCommand
{
    private static readonly string[] Formats = ["text", "json", "html"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Manifest files, folders or globs; - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var cluster = new Option<string[]>("--cluster")
        {
            HelpName = "path",
            Description = "Cluster objects (Node, StorageClass, PersistentVolume, PriorityClass, Namespace, LimitRange, Pod), e.g. kubectl get nodes,sc,pv -o yaml. Repeatable. Without it an embedded 4-node cluster is used.",
            Arity = ArgumentArity.OneOrMore,
        };
        var baseline = new Option<string[]>("--baseline")
        {
            HelpName = "path",
            Description = "The previous revision of the manifests, to simulate the real rollout from it. Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json or html.",
            DefaultValueFactory = _ => "text",
        };
        var version = new Option<string?>("--kubernetes-version")
        {
            HelpName = "version",
            Description = "Kubernetes minor version whose scheduler messages to reproduce (default 1.35).",
        };
        var outputFile = new Option<string?>("--output", "-o")
        {
            HelpName = "file",
            Description = "Write the report to this file instead of standard output.",
        };
        var allowEmpty = new Option<bool>("--allow-empty")
        {
            Description = "Accept inputs that hold no manifest (an empty folder) instead of failing with exit code 2.",
        };
        var command = new Command("simulate", "Dry-run the manifests on a cluster model: pod placement, rollouts, volume binding.")
        {
            paths,
            cluster,
            baseline,
            format,
            version,
            outputFile,
            allowEmpty,
        };
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            parse.GetValue(paths) ?? [],
            parse.GetValue(cluster) ?? [],
            parse.GetValue(baseline) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(version),
            parse.GetValue(outputFile),
            parse.GetValue(allowEmpty)));
        return command;
    }

    internal static int Run(
        TextWriter output,
        TextWriter error,
        string[] paths,
        string[] cluster,
        string[] baseline,
        string format,
        string? kubernetesVersion,
        string? outputFile = null,
        bool allowEmpty = false)
    {
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            error.WriteLine("kubelint: unknown format '" + format + "' (expected text, json or html)");
            return 2;
        }

        var problems = new List<string>();
        var manifests = Load(paths, problems, out var files);
        if (files == 0 && problems.Count == 0 && !allowEmpty)
        {
            problems.Add(LintRunner.NoManifests(paths));
        }

        var clusterObjects = Load(cluster, problems, out _);
        var baselineObjects = Load(baseline, problems, out _);
        foreach (var problem in problems)
        {
            error.WriteLine("kubelint: " + problem);
        }

        if (problems.Count > 0)
        {
            return 2;
        }

        var options = new SimulationOptions { Cluster = clusterObjects.Objects, Baseline = baselineObjects.Objects };
        var analysis = new AnalysisOptions { KubernetesVersion = kubernetesVersion };
        var context = new AnalysisContext(new ObjectIndex(manifests.Objects), analysis);
        var result = SimulationPass.RunAndReport(context, options);
        var findings = manifests.Findings.Concat(clusterObjects.Findings).Concat(baselineObjects.Findings).Concat(context.Findings).ToList();
        findings.Sort(FindingOrder.Instance);
        var report = outputFile is null ? output : new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        report.Write(format switch
        {
            "json" => JsonReport.Render(result),
            "html" => HtmlReport.Render(result),
            _ => TextReport.Render(result),
        });
        if (format == "text" && findings.Count > 0)
        {
            report.WriteLine();
            foreach (var finding in findings)
            {
                report.WriteLine(TextFormatter.Line(finding));
            }
        }
        else
        {
            foreach (var finding in findings.Where(f => !f.RuleId.StartsWith("KL5", StringComparison.Ordinal)))
            {
                error.WriteLine(TextFormatter.Line(finding));
            }
        }

        if (outputFile is not null && report is StringWriter buffer && !WriteFile(outputFile, buffer.ToString(), error))
        {
            return 2;
        }

        return findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
    }

    private static bool WriteFile(string path, string text, TextWriter error)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"kubelint: {path}: cannot write the report: {ex.Message}");
            return false;
        }
    }

    private static LoadResult Load(string[] inputs, List<string> problems, out int files)
    {
        var loaded = ManifestInputs.Load(new ManifestLoader(), inputs, Console.OpenStandardInput);
        problems.AddRange(loaded.Errors);
        files = loaded.Entries.Count;
        return loaded.Result;
    }
}
