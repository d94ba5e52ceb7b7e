using System.CommandLine;
using System.CommandLine.Parsing;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Schema;
using KubeLint.Cli.Output;

namespace KubeLint.Cli;

/// <summary>
/// The options of <c>kubelint lint</c>. The root command carries the same options so that <c>kubelint PATH...</c>
/// behaves exactly like <c>kubelint lint PATH...</c>; each command gets its own instances.
/// </summary>
public sealed class LintCommand
{
    private readonly Argument<string[]> _paths = new("paths")
    {
        CustomParser = Strings,
        Description = "Files, folders (searched recursively for *.yaml, *.yml, *.json), glob patterns, or - for standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Output format: text, json, sarif, github (workflow annotations), junit (JUnit XML) or gitlab (GitLab Code Quality).",
        DefaultValueFactory = _ => "text",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        HelpName = "file",
        Description = "Write the report to this file instead of standard output.",
    };

    private readonly Option<string> _failLevel = new("--fail-level")
    {
        Description = "Exit with 1 when a finding has this severity or higher: error, warning, info or none.",
        DefaultValueFactory = _ => "error",
    };

    private readonly Option<string?> _kubernetesVersion = new("--kubernetes-version")
    {
        HelpName = "version",
        Description = "Kubernetes minor version to validate against (" + string.Join(", ", SchemaValidationPass.SupportedVersions) + "); default: the newest.",
    };

    private readonly Option<bool> _noStrict = new("--no-strict")
    {
        Description = "Non-strict field validation: do not report unknown fields, and report duplicate keys as warnings.",
    };

    private readonly Option<bool> _rejectUnknownKinds = new("--reject-unknown-kinds")
    {
        Description = "Report objects of a kind no schema or CRD describes as errors.",
    };

    private readonly Option<string[]> _crd = new("--crd")
    {
        CustomParser = Strings,
        HelpName = "path",
        Description = "CustomResourceDefinition files or folders to validate custom resources against (repeatable).",
    };

    private readonly Option<bool> _noSimulate = new("--no-simulate")
    {
        Description = "Skip the cluster simulation (KL5xxx predictions).",
    };

    private readonly Option<string[]> _cluster = new("--cluster")
    {
        CustomParser = Strings,
        HelpName = "path",
        Description = "Cluster objects (Nodes, StorageClasses, PersistentVolumes, ...) to simulate against (repeatable); default: a small built-in cluster.",
    };

    private readonly Option<string[]> _baseline = new("--baseline")
    {
        CustomParser = Strings,
        HelpName = "path",
        Description = "The previous revision of the manifests, to simulate the rollout from it (repeatable).",
    };

    private readonly Option<string?> _config = new("--config", "-c")
    {
        HelpName = "file",
        Description = "Configuration file; default: .kubelint.yaml in the current directory or its parents.",
    };

    private readonly Option<bool> _reportUnusedSuppressions = new("--report-unused-suppressions")
    {
        Description = "Report kubelint.io/ignore annotations and '# kubelint:ignore' comments that suppress nothing (KL1009).",
    };

    private readonly Option<bool> _followSymlinks = new("--follow-symlinks")
    {
        Description = "Follow symbolic links to folders while walking folders (each folder is read once, so link cycles end).",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "Text format: print only the findings and the summary line, without the per-rule table.",
    };

    private readonly Option<bool> _allowEmpty = new("--allow-empty")
    {
        Description = "Accept inputs that hold no manifest (an empty folder) instead of failing with exit code 2.",
    };

    private readonly Option<bool> _timings = new("--timings")
    {
        Description = "Print the time spent loading and in each analysis pass to standard error.",
    };

    private readonly Option<string[]> _include = new("--include")
    {
        CustomParser = Strings,
        HelpName = "glob",
        Description = "Lint only input files matching this gitignore-style glob, relative to the current directory (repeatable; config: includePaths).",
    };

    private readonly Option<string[]> _exclude = new("--exclude")
    {
        CustomParser = Strings,
        HelpName = "glob",
        Description = "Skip input files matching this gitignore-style glob, relative to the current directory (repeatable; config: ignorePaths).",
    };

    private readonly Option<string?> _stdinFilename = new("--stdin-filename")
    {
        HelpName = "name",
        Description = "The file name shown in findings for standard input (-).",
    };

    private readonly Option<string?> _kustomizeCommand = new("--kustomize-command")
    {
        HelpName = "command",
        Description = "Command that builds a kustomization folder given as its last argument, e.g. \"kustomize build\" or \"kubectl kustomize\"; default: whichever is on PATH; none: lint kustomization files one by one.",
    };

    public LintCommand()
    {
        _format.AcceptOnlyFromAmong("text", "json", "sarif", "github", "junit", "gitlab");
        _failLevel.AcceptOnlyFromAmong("error", "warning", "info", "none");
    }

    /// <summary>
    /// The values of a list of strings as given. System.CommandLine's own conversion makes the array by reflection
    /// (<see cref="Array.CreateInstance(Type, int)"/>), whose first use was about a fiftieth of a one-file run in the
    /// native build.
    /// </summary>
    private static string[] Strings(ArgumentResult result)
    {
        var values = new string[result.Tokens.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = result.Tokens[i].Value;
        }

        return values;
    }

    /// <summary>Adds the lint argument and options to <paramref name="command"/> and makes linting its action.</summary>
    public void AttachTo(Command command, CliConsole console)
    {
        command.Arguments.Add(_paths);
        command.Options.Add(_format);
        command.Options.Add(_output);
        command.Options.Add(_failLevel);
        command.Options.Add(_kubernetesVersion);
        command.Options.Add(_noStrict);
        command.Options.Add(_rejectUnknownKinds);
        command.Options.Add(_crd);
        command.Options.Add(_noSimulate);
        command.Options.Add(_cluster);
        command.Options.Add(_baseline);
        command.Options.Add(_config);
        command.Options.Add(_reportUnusedSuppressions);
        command.Options.Add(_quiet);
        command.Options.Add(_allowEmpty);
        command.Options.Add(_timings);
        command.Options.Add(_include);
        command.Options.Add(_exclude);
        command.Options.Add(_stdinFilename);
        command.Options.Add(_kustomizeCommand);
        command.Options.Add(_followSymlinks);
        command.SetAction(parseResult => new LintRunner(console).Run(Settings(parseResult)));
    }

    internal LintSettings Settings(ParseResult parseResult) => new()
    {
        Paths = Given(parseResult, _paths),
        Format = parseResult.GetValue(_format) switch
        {
            "json" => OutputFormat.Json,
            "sarif" => OutputFormat.Sarif,
            "github" => OutputFormat.GitHub,
            "junit" => OutputFormat.JUnit,
            "gitlab" => OutputFormat.GitLab,
            _ => OutputFormat.Text,
        },
        OutputFile = parseResult.GetValue(_output),
        FailLevel = SeverityNames.TryParse(parseResult.GetValue(_failLevel), out var level) ? level : null,
        KubernetesVersion = parseResult.GetValue(_kubernetesVersion),
        Strict = !parseResult.GetValue(_noStrict),
        RejectUnknownKinds = parseResult.GetValue(_rejectUnknownKinds),
        CrdPaths = Given(parseResult, _crd),
        Simulate = !parseResult.GetValue(_noSimulate),
        ClusterPaths = Given(parseResult, _cluster),
        BaselinePaths = Given(parseResult, _baseline),
        ConfigFile = parseResult.GetValue(_config),
        ReportUnusedSuppressions = parseResult.GetValue(_reportUnusedSuppressions),
        Quiet = parseResult.GetValue(_quiet),
        Timings = parseResult.GetValue(_timings),
        Include = Given(parseResult, _include),
        Exclude = Given(parseResult, _exclude),
        StdinFilename = parseResult.GetValue(_stdinFilename),
        KustomizeCommand = parseResult.GetValue(_kustomizeCommand),
        FollowSymbolicLinks = parseResult.GetValue(_followSymlinks),
        AllowEmpty = parseResult.GetValue(_allowEmpty),
    };

    // The values of a list the command line gave, else none. An absent list is not asked for its value:
    // System.CommandLine would make its empty default array by reflection, which the native build pays for on
    // every run.
    private static string[] Given(ParseResult parseResult, Argument<string[]> argument)
        => parseResult.GetResult(argument) is { Tokens.Count: > 0 } ? parseResult.GetValue(argument) ?? [] : [];

    private static string[] Given(ParseResult parseResult, Option<string[]> option)
        => parseResult.GetResult(option) is not null ? parseResult.GetValue(option) ?? [] : [];
}
