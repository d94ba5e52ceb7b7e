using System.CommandLine;
using static KubeLint.Cli.Tests.RepositoryRootSetUp;

namespace KubeLint.Cli.Tests;

/// <summary>How the command line answers: help pages, unknown options, paths that look like options, empty input, completion.</summary>
public sealed class CommandLineTests
{
    private static readonly string[][] HelpPages = [["--help"], ["lint", "--help"], ["rules", "--help"], ["simulate", "--help"]];

    private static IEnumerable<TestCaseData> Helps()
        => HelpPages.Select(args => new TestCaseData((object)args).SetName("Help of " + string.Join(' ', args)));

    [TestCaseSource(nameof(Helps))]
    public void Help_matches_golden_file(string[] args)
    {
        var run = CliRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stderr);
        Golden.AssertMatches("help-" + (args.Length == 1 ? "kubelint" : args[0]) + ".txt", run.Stdout);
    }

    [TestCaseSource(nameof(Helps))]
    public void Usage_names_the_command_and_its_own_arguments_once(string[] args)
    {
        var lines = CliRun.Of(args).Stdout.Split('\n');
        var usage = lines[Array.IndexOf(lines, "Usage:") + 1].Trim();
        var command = args.Length == 1 ? string.Empty : args[0];
        Assert.That(usage, Does.StartWith(("kubelint " + command).TrimEnd() + " "));
        var arguments = usage.Split(' ').Where(w => w.Contains('<', StringComparison.Ordinal)).ToList();
        Assert.That(arguments, Is.Unique);
        Assert.That(arguments, Has.Count.EqualTo(command switch { "lint" or "simulate" or "rules" => 1, _ => 0 }), usage);
    }

    [TestCase("examples", "--fromat", "json")]
    [TestCase("lint", "examples", "--fromat", "json")]
    [TestCase("rules", "--fromat", "json")]
    [TestCase("simulate", "examples", "--fromat", "json")]
    [TestCase("examples", "--fromat=json")]
    public void Misspelt_option_is_a_usage_error_naming_the_option_it_resembles(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr.Split('\n')[0], Is.EqualTo("kubelint: unknown option '--fromat'; did you mean '--format'?"));
        Assert.That(run.Stderr, Does.Not.Contain("no such file"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [TestCase("--no-simulation", "--no-simulate")]
    [TestCase("--Timings", "--timings")]
    [TestCase("--report-unused-supressions", "--report-unused-suppressions")]
    public void Near_misses_of_long_options_are_suggested(string typed, string meant)
        => Assert.That(CliRun.Of("examples", typed).Stderr, Does.StartWith($"kubelint: unknown option '{typed}'; did you mean '{meant}'?\n"));

    [TestCase("lint", "-x")]
    [TestCase("lint", "--color")]
    [TestCase("simulate", "-q")]
    [TestCase("rules", "--verbose")]
    public void Unknown_option_of_any_command_is_never_a_path(string command, string option)
    {
        var run = CliRun.Of(command, "examples", option);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Is.EqualTo($"kubelint: unknown option '{option}' (a path that starts with '-' goes after '--')\nRun 'kubelint {command} --help' for usage.\n"));
    }

    [Test]
    public void Options_added_to_a_command_later_are_suggested_without_more_code()
    {
        var root = CliApp.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null, null));
        root.Subcommands.Single(c => c.Name == "lint").Options.Add(new Option<string>("--stdin-filename"));

        var parse = root.Parse(["lint", "-", "--stdin-filenme", "deploy.yaml"]);

        Assert.That(UnknownOptions.Check(parse), Is.EqualTo("unknown option '--stdin-filenme'; did you mean '--stdin-filename'?"));
        Assert.That(UnknownOptions.Check(root.Parse(["lint", "-", "--stdin-filename", "deploy.yaml"])), Is.Null);
    }

    [Test]
    public void Arguments_after_double_dash_are_paths_even_when_they_start_with_a_dash()
    {
        var run = CliRun.Of("--", "-deploy.yaml");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Is.EqualTo("kubelint: -deploy.yaml: no such file or directory\n"));
    }

    [Test]
    public void Option_values_may_start_with_a_dash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"-kubelint-{Environment.ProcessId}.json");
        try
        {
            var run = CliRun.Of(Inputs + "/clean.yaml", "--no-simulate", "-f", "json", "--output", path);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stderr);
            Assert.That(File.ReadAllText(path), Does.StartWith("{"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("lint")]
    [TestCase("simulate")]
    public void Empty_input_is_a_one_line_usage_error_unless_allowed(string command)
    {
        var empty = Directory.CreateTempSubdirectory("kubelint-empty-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(empty, "notes.txt"), "not a manifest");
            var run = CliRun.Of(command, empty);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(run.Stderr, Is.EqualTo($"kubelint: no manifests found in '{empty}' (*.yaml, *.yml and *.json files not excluded by ignorePaths); --allow-empty accepts that\n"));
            Assert.That(run.Stdout, Is.Empty);

            var allowed = CliRun.Of(command, empty, "--allow-empty");
            Assert.That(allowed.ExitCode, Is.EqualTo(ExitCodes.Success), allowed.Stderr);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public void Simulate_writes_the_report_to_the_output_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubelint-simulate-{Environment.ProcessId}.html");
        try
        {
            // On the embedded default cluster the predictions are warnings: the run succeeds.
            var run = CliRun.Of("simulate", "examples", "-f", "html", "-o", path);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stderr);
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(File.ReadAllText(path), Does.StartWith("<!DOCTYPE html>").IgnoreCase);
            Assert.That(CliRun.Of("simulate", "examples", "--output", path, "-f", "json").Stdout, Is.Empty);
            Assert.That(File.ReadAllText(path), Does.StartWith("{"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("kubelint li", "lint")]
    [TestCase("kubelint examples/ --fo", "--format")]
    [TestCase("kubelint lint examples/ --fail-level ", "warning")]
    [TestCase("kubelint rules KL200", "KL2001")]
    [TestCase("kubelint simulate examples/ --clu", "--cluster")]
    public void Suggest_directive_completes_with_the_default_command_applied(string line, string expected)
    {
        var run = CliRun.Of($"[suggest:{line.Length}]", line);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stderr);
        Assert.That(run.Stdout.Split('\n'), Does.Contain(expected));
    }
}
