using KubeLint.Analyzer.Schema;
using static KubeLint.Cli.Tests.RepositoryRootSetUp;

namespace KubeLint.Cli.Tests;

public sealed class ExitCodeTests
{
    [Test]
    public void Clean_input_exits_0()
    {
        var run = CliRun.Of(Inputs + "/clean.yaml", "--no-simulate");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo("No problems found (1 file, 1 object).\n"));
    }

    [Test]
    public void Error_findings_exit_1()
        => Assert.That(CliRun.Of(Inputs + "/broken.yaml").ExitCode, Is.EqualTo(ExitCodes.Findings));

    [Test]
    public void Fail_level_none_exits_0_even_with_errors()
        => Assert.That(CliRun.Of(Inputs + "/broken.yaml", "--fail-level", "none").ExitCode, Is.EqualTo(ExitCodes.Success));

    [Test]
    public void Lint_subcommand_and_default_command_give_the_same_output()
    {
        var implicitLint = CliRun.Of(Inputs, "-f", "json");
        var explicitLint = CliRun.Of("lint", Inputs, "-f", "json");
        Assert.That(explicitLint, Is.EqualTo(implicitLint));
    }

    [Test]
    public void Standard_input_is_read_for_dash_and_reported_as_dash()
    {
        var run = CliRun.WithStdin("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n", "-", "--no-simulate");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Assert.That(run.Stdout, Does.StartWith("-:5:3: error KL1002 duplicate-key:"));
    }

    [Test]
    public void Missing_file_is_a_usage_error_with_one_line()
    {
        var run = CliRun.Of("no/such/file.yaml");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Is.EqualTo("kubelint: no/such/file.yaml: no such file or directory\n"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void No_input_is_a_usage_error()
    {
        var run = CliRun.Of();
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Does.StartWith("kubelint: no input"));
    }

    [Test]
    public void Unknown_option_is_a_usage_error()
    {
        var run = CliRun.Of(Inputs, "--no-such-option");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Does.Contain("--no-such-option"));
    }

    [Test]
    public void Unknown_format_is_a_usage_error()
    {
        var run = CliRun.Of(Inputs, "--format", "xml");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Does.Contain("xml"));
    }

    [Test]
    public void Unknown_kubernetes_version_is_a_usage_error_listing_the_supported_ones()
    {
        var run = CliRun.Of(Inputs, "--kubernetes-version", "1.12");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Is.EqualTo(
            $"kubelint: unknown Kubernetes version '1.12'; supported versions: {string.Join(", ", SchemaValidationPass.SupportedVersions)}\n"));
    }

    [Test]
    public void Supported_kubernetes_version_is_accepted()
        => Assert.That(CliRun.Of(Inputs + "/clean.yaml", "--kubernetes-version", SchemaValidationPass.SupportedVersions[0]).ExitCode, Is.EqualTo(ExitCodes.Success));

    [TestCase("--crd")]
    [TestCase("--cluster")]
    [TestCase("--baseline")]
    public void Missing_auxiliary_input_is_a_usage_error(string option)
    {
        var run = CliRun.Of(Inputs + "/clean.yaml", option, "missing.yaml");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Is.EqualTo("kubelint: missing.yaml: no such file or directory\n"));
    }

    [Test]
    public void Problems_in_auxiliary_inputs_are_reported()
    {
        var run = CliRun.Of(Inputs + "/clean.yaml", "--cluster", Inputs + "/broken.yaml");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Assert.That(run.Stdout, Does.Contain("broken.yaml:6:11: error KL1001"));
    }

    [Test]
    public void Unwritable_output_file_is_a_usage_error()
    {
        var run = CliRun.Of(Inputs, "-o", "no/such/folder/report.txt");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Does.StartWith("kubelint: no/such/folder/report.txt: cannot write the report:"));
        Assert.That(run.Stderr.TrimEnd('\n'), Does.Not.Contain("\n"));
    }

    [Test]
    public void File_without_read_permission_is_a_usage_error()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            Assert.Ignore("Unix permissions only restrict non-root users");
            return;
        }

        var dir = Directory.CreateTempSubdirectory("kubelint-noaccess-").FullName;
        File.WriteAllText(Path.Combine(dir, "a.yaml"), "a: 1\n");
        File.SetUnixFileMode(Path.Combine(dir, "a.yaml"), UnixFileMode.None);
        try
        {
            var run = CliRun.Of(Path.Combine(dir, "a.yaml"));
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(run.Stderr, Does.Contain("cannot read"));
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(dir, "a.yaml"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Timings_go_to_stderr_and_leave_the_report_unchanged()
    {
        var run = CliRun.Of(Inputs, "--timings");
        Assert.That(run.Stderr, Does.Contain("timings:").And.Contain("load"));
        Assert.That(run.Stdout, Is.EqualTo(CliRun.Of(Inputs).Stdout));
    }

    [Test]
    public void Version_prints_the_version()
    {
        var run = CliRun.Of("--version");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(run.Stdout.Trim(), Is.EqualTo(ToolInfo.Version));
    }

    [Test]
    public void Help_describes_the_commands_and_options()
    {
        var run = CliRun.Of("--help");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(run.Stdout, Does.Contain("lint <paths>").And.Contain("rules <ID|NAME>").And.Contain("simulate <paths>"));
        Assert.That(CliRun.Of("lint", "--help").Stdout, Does.Contain("--format").And.Contain("--fail-level"));
        Assert.That(CliRun.Of("examples", "--help").Stdout, Is.EqualTo(CliRun.Of("lint", "--help").Stdout), "help of the default command");
    }
}
