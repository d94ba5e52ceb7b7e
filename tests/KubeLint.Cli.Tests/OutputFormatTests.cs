using static KubeLint.Cli.Tests.RepositoryRootSetUp;

namespace KubeLint.Cli.Tests;

public sealed class OutputFormatTests
{
    [Test]
    public void Text_output_matches_golden_file()
    {
        var run = CliRun.Of(Inputs, "--no-simulate");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Golden.AssertMatches("text.txt", run.Stdout);
    }

    [Test]
    public void Text_ends_with_findings_per_rule_and_their_help_links_before_the_summary()
    {
        var lines = CliRun.Of(Inputs, "--no-simulate").Stdout.Split('\n');
        var table = lines.SkipWhile(l => !l.StartsWith("count", StringComparison.Ordinal)).ToList();
        Assert.That(table, Has.Count.GreaterThan(4));
        Assert.That(table[1], Does.Match(@"^ +1  KL1001 yaml-syntax-error +https://github\.com/kubelint/kubelint/blob/main/rules\.md#kl1001-yaml-syntax-error$"));
        Assert.That(table, Has.Some.Contains("KL1002 duplicate-key").And.Some.Contains("#kl1004-document-not-an-object"));
        Assert.That(table[^2], Is.EqualTo("3 errors, 0 warnings, 0 info (3 files, 3 objects)."));
    }

    [TestCase("--quiet")]
    [TestCase("-q")]
    public void Quiet_text_is_the_findings_and_the_summary_only(string quiet)
    {
        var lines = CliRun.Of(Inputs, "--no-simulate", quiet).Stdout.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines.Take(3), Has.All.StartWith("tests/KubeLint.Cli.Tests/Inputs/"));
        Assert.That(lines[3], Does.StartWith("3 errors"));
    }

    [Test]
    public void Clean_text_output_is_the_summary_alone()
        => Assert.That(CliRun.Of("tests/KubeLint.Cli.Tests/Inputs/clean.yaml", "--no-simulate").Stdout, Does.StartWith("No problems found").And.Not.Contains("count"));

    [Test]
    public void Text_lines_are_file_line_column_severity_id_name_message()
    {
        var run = CliRun.Of(Inputs + "/app.yaml", "--no-simulate");
        Assert.That(run.Stdout, Does.Contain(
            "tests/KubeLint.Cli.Tests/Inputs/app.yaml:14:3: error KL1002 duplicate-key: duplicate key \"name\""));
    }

    [Test]
    public void Json_output_matches_golden_file()
    {
        var run = CliRun.Of(Inputs, "--no-simulate", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Golden.AssertMatches("report.json", run.Stdout);
    }

    [Test]
    public void Sarif_output_matches_golden_file()
    {
        var run = CliRun.Of(Inputs, "--no-simulate", "--format", "sarif");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Golden.AssertMatches("report.sarif", Golden.WithoutCheckoutPath(run.Stdout));
    }

    [Test]
    public void GitHub_output_matches_golden_file()
    {
        var run = CliRun.Of(Inputs, "--no-simulate", "--format", "github");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Golden.AssertMatches("github.txt", run.Stdout);
    }

    [Test]
    public void Output_option_writes_the_report_to_a_file_and_nothing_to_stdout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubelint-output-{Environment.ProcessId}.json");
        try
        {
            var run = CliRun.Of(Inputs, "--no-simulate", "-f", "json", "-o", path);
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(File.ReadAllText(path), Is.EqualTo(CliRun.Of(Inputs, "--no-simulate", "-f", "json").Stdout));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Text_is_colored_on_a_terminal_unless_NO_COLOR_is_set()
    {
        static string Run()
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            CliApp.Run([Inputs + "/app.yaml", "--no-simulate"], new CliConsole(stdout, stderr, null, stdoutIsTerminal: true));
            return stdout.ToString();
        }

        var previous = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", null);
            Assert.That(Run(), Does.Contain("\u001b[31merror"));
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            Assert.That(Run(), Does.Not.Contain("\u001b["));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", previous);
        }
    }

    [Test]
    public void Text_is_not_colored_when_not_on_a_terminal()
        => Assert.That(CliRun.Of(Inputs, "--no-simulate").Stdout, Does.Not.Contain("\u001b["));

    [TestCase("json")]
    [TestCase("sarif")]
    [TestCase("text")]
    [TestCase("github")]
    public void Two_runs_give_the_same_bytes(string format)
    {
        var first = CliRun.Of("examples", Inputs, "-f", format);
        var second = CliRun.Of("examples", Inputs, "-f", format);
        Assert.That(second.Stdout, Is.EqualTo(first.Stdout));
        Assert.That(first.Stdout, Is.Not.Empty);
    }

    [Test]
    public void Findings_are_sorted_by_file_line_column_and_rule()
    {
        var lines = CliRun.Of(Inputs, "--no-simulate").Stdout.Split('\n').Where(l => l.StartsWith("tests/", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines[0], Does.StartWith("tests/KubeLint.Cli.Tests/Inputs/app.yaml:14:3:"));
        Assert.That(lines[2], Does.StartWith("tests/KubeLint.Cli.Tests/Inputs/broken.yaml:"));
    }
}
