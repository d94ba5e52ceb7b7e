using static KubeLint.Cli.Tests.RepositoryRootSetUp;

namespace KubeLint.Cli.Tests;

/// <summary>.kubelint.yaml as the command applies it: rule settings, ignored paths, and errors with line and column.</summary>
public sealed class ConfigurationTests
{
    private const string DuplicateKey = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n";
    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "kubelint-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Severity_set_in_the_configuration_changes_the_report_and_the_exit_code()
    {
        var config = Write(".kubelint.yaml", "rules:\n  duplicate-key: warning\n");

        var run = CliRun.WithStdin(DuplicateKey, "-", "--no-simulate", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stderr);
            Assert.That(run.Stdout, Does.StartWith("-:5:3: warning KL1002 duplicate-key:"));
        });
    }

    [Test]
    public void Disabled_rule_is_not_reported()
    {
        var config = Write(".kubelint.yaml", "rules:\n  KL1002: off\n");

        var run = CliRun.WithStdin(DuplicateKey, "-", "--no-simulate", "--config", config);

        Assert.That(run.Stdout, Does.Not.Contain("KL1002"));
    }

    [Test]
    public void Ignored_paths_are_not_linted()
    {
        Write("app/bad.yaml", DuplicateKey);
        Write("vendor/bad.yaml", DuplicateKey);
        var config = Write(".kubelint.yaml", "ignorePaths:\n  - vendor/\n");

        var run = CliRun.Of(_dir, "--no-simulate", "--config", config, "-f", "json");

        Assert.Multiple(() =>
        {
            Assert.That(run.Stdout, Does.Contain("app/bad.yaml"));
            Assert.That(run.Stdout, Does.Not.Contain("vendor/bad.yaml"));
        });
    }

    [Test]
    public void Bad_configuration_is_a_usage_error_with_line_and_column()
    {
        var config = Write(".kubelint.yaml", "rules:\n  KL1002:\n    severity: loud\n");

        var run = CliRun.WithStdin(DuplicateKey, "-", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(run.Stderr, Does.Contain(".kubelint.yaml:3:15"));
            Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        });
    }

    [Test]
    public void Missing_configuration_file_is_a_usage_error()
        => Assert.That(CliRun.Of(Inputs + "/clean.yaml", "--config", Path.Combine(_dir, "none.yaml")).ExitCode, Is.EqualTo(ExitCodes.Usage));

    [Test]
    public void Unused_suppressions_are_reported_on_request()
    {
        const string Suppressed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  # kubelint:ignore KL1002 nothing to hide here\n  labels: {}\n";

        var quiet = CliRun.WithStdin(Suppressed, "-", "--no-simulate");
        var asked = CliRun.WithStdin(Suppressed, "-", "--no-simulate", "--report-unused-suppressions");

        Assert.Multiple(() =>
        {
            Assert.That(quiet.Stdout, Does.Not.Contain("KL1009"));
            Assert.That(asked.Stdout, Does.Contain("-:5:3: info KL1009 unused-suppression"));
        });
    }

    [TestCase("v1.33")]
    [TestCase("1.33.4")]
    public void Kubernetes_version_accepts_a_v_prefix_and_a_patch_number(string version)
        => Assert.That(CliRun.Of(Inputs + "/clean.yaml", "--no-simulate", "--kubernetes-version", version).ExitCode, Is.EqualTo(ExitCodes.Success));

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
