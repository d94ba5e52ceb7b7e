using System.CommandLine;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Cli.Output;
using KubeLint.Simulator;
using KubeLint.Simulator.Reports;

namespace KubeLint.Cli.Simulation;

/// <summary>
/// <c>kubelint simulate PATH... [--cluster PATH] [--baseline PATH] [--format text|json|html]</c>: the full prediction
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
            Description = "Cluster objects (Node, StorageClass, PersistentVolume, PriorityClass, Namespace, LimitRange, Pod), e.g. kubectl get nodes,sc,pv -o yaml. Repeatable. Without it an embedded 4-node cluster is used.",
            Arity = ArgumentArity.OneOrMore,
        };
        var baseline = new Option<string[]>("--baseline")
        {
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
            Description = "Kubernetes minor version whose scheduler messages to reproduce (default 1.35).",
        };
        var command = new Command("simulate", "Dry-run the manifests on a cluster model: pod placement, rollouts, volume binding.")
        {
            paths,
            cluster,
            baseline,
            format,
            version,
        };
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            parse.GetValue(paths) ?? [],
            parse.GetValue(cluster) ?? [],
            parse.GetValue(baseline) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(version)));
        return command;
    }

    internal static int Run(TextWriter output, TextWriter error, string[] paths, string[] cluster, string[] baseline, string format, string? kubernetesVersion)
    {
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            error.WriteLine("kubelint: unknown format '" + format + "' (expected text, json or html)");
            return 2;
        }

        var problems = new List<string>();
        var manifests = Load(paths, problems);
        var clusterObjects = Load(cluster, problems);
        var baselineObjects = Load(baseline, problems);
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
        output.Write(format switch
        {
            "json" => JsonReport.Render(result),
            "html" => HtmlReport.Render(result),
            _ => TextReport.Render(result),
        });
        if (format == "text" && findings.Count > 0)
        {
            output.WriteLine();
            foreach (var finding in findings)
            {
                output.WriteLine(TextFormatter.Line(finding));
            }
        }
        else
        {
            foreach (var finding in findings.Where(f => !f.RuleId.StartsWith("KL5", StringComparison.Ordinal)))
            {
                error.WriteLine(TextFormatter.Line(finding));
            }
        }

        return findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
    }

    private static LoadResult Load(string[] inputs, List<string> problems)
    {
        var loaded = ManifestInputs.Load(new ManifestLoader(), inputs, Console.OpenStandardInput);
        problems.AddRange(loaded.Errors);
        return loaded.Result;
    }
}
