using System.Text.RegularExpressions;

namespace KubeLint.Roslyn.Tests;

/// <summary>
/// Both hooks of .pre-commit-hooks.yaml run by the real pre-commit (the Debian package) in a throwaway git
/// repository, from a snapshot of this repository as pre-commit would fetch it: pre-commit packs and installs the
/// tool itself. The staged files include pre-commit's own configuration and a CI workflow, which must never fail
/// a commit; a broken manifest must; and the folder hook sees objects that are not staged.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class PreCommitRunTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              securityContext: { runAsNonRoot: true, runAsUser: 10001 }
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: { cpu: 100m, memory: 64Mi }
                    limits: { memory: 128Mi }
        """;

    // A release version (dotnet tool install ignores prereleases; assembly version parts stop at 65534) that no real package has.
    private readonly string _version = $"0.1.0.{Random.Shared.Next(1, 65535)}";
    private string _work = null!;
    private string _repository = null!;
    private Dictionary<string, string> _environment = null!;

    [OneTimeSetUp]
    public void CreateRepositories()
    {
        if (!OnPath("pre-commit"))
        {
            const string message = "needs pre-commit on PATH (Debian package 'pre-commit')";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(message + "; .ci/run installs it");
            }

            Assert.Ignore(message);
        }

        _work = TestWorkspace.CreateTemporaryDirectory("kubelint-pre-commit-run-");
        _environment = new Dictionary<string, string> { ["PRE_COMMIT_HOME"] = Path.Combine(_work, "cache") };

        // The hook repository as pre-commit fetches it: a git repository at a commit, here of the working tree.
        var hooks = Path.Combine(_work, "kubelint");
        foreach (var file in Git(TestWorkspace.Root, "ls-files", "--cached", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(TestWorkspace.Root, file);
            if (File.Exists(source))
            {
                var target = Path.Combine(hooks, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }

        // A version of its own, so that the tool pre-commit installs is the one it packed and never one from the
        // package cache (where the teardown removes it again).
        var props = Path.Combine(hooks, "Directory.Build.props");
        File.WriteAllText(props, Regex.Replace(File.ReadAllText(props), "<Version>[^<]*</Version>", $"<Version>{_version}</Version>"));
        Git(hooks, "init", "-q");
        Git(hooks, "add", "-A");
        Git(hooks, "commit", "-q", "-m", "snapshot");
        var revision = Git(hooks, "rev-parse", "HEAD").Trim();

        _repository = Path.Combine(_work, "repository");
        Directory.CreateDirectory(_repository);
        Git(_repository, "init", "-q");
        Write(".pre-commit-config.yaml", $"""
            repos:
              - repo: {hooks}
                rev: {revision}
                hooks:
                  - id: kubelint
                  - id: kubelint-all
                    args: [--fail-level, warning, --no-simulate, deploy/]
            """);
        Write(".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n");
        Write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        Write("charts/web/values.yaml", "replicas: 2\n");
        Write("charts/web/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
        Write("deploy/deployment.yaml", Deployment);
        Git(_repository, "add", "-A");
        Git(_repository, "commit", "-q", "--no-verify", "-m", "initial");

        // pre-commit builds the hook environment once ('dotnet pack' of the whole repository in Release, then
        // 'dotnet tool install'); the tests then run the installed hooks.
        var (exitCode, output) = ProcessRunner.Run("pre-commit", ["install-hooks"], _repository, _environment, TimeSpan.FromMinutes(25));
        Assert.That(exitCode, Is.Zero, output);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        TestWorkspace.DeleteDirectory(_work);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TestWorkspace.DeleteDirectory(Path.Combine(packages, "kubelint", _version));
    }

    /// <summary>Every test starts from the initial commit with nothing staged.</summary>
    [SetUp]
    public void Reset()
    {
        Git(_repository, "reset", "-q", "--hard", "HEAD");
        Git(_repository, "clean", "-q", "-f", "-d");
    }

    [Test]
    public void Staged_yaml_that_is_not_a_manifest_passes_both_hooks()
    {
        Write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n");
        Write(".github/workflows/release.yml", "name: release\non:\n  push:\n    tags: ['v*']\njobs: {}\n");
        Write("charts/web/values-prod.yaml", "replicas: 5\n");
        Git(_repository, "add", "-A");

        var (exitCode, output) = PreCommit("run");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("kubelint.").And.Contain("Passed"));
    }

    [Test]
    public void A_broken_staged_manifest_fails_the_file_hook_at_its_position()
    {
        Write("deploy/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  name: again\n");
        Git(_repository, "add", "deploy/settings.yaml");

        var (exitCode, output) = PreCommit("run", "kubelint");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("deploy/settings.yaml:5:3: error KL1002 duplicate-key"));
    }

    [Test]
    public void The_folder_hook_sees_the_objects_that_are_not_staged()
    {
        Write("deploy/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: wbe }\n  ports: [{ port: 80 }]\n");
        Git(_repository, "add", "deploy/service.yaml");

        var (files, filesOutput) = PreCommit("run", "kubelint");
        var (folders, foldersOutput) = PreCommit("run", "kubelint-all");

        Assert.Multiple(() =>
        {
            // Alone, the Service selects nothing that the input shows; with its folder, it misses the Deployment.
            Assert.That(files, Is.Zero, filesOutput);
            Assert.That(folders, Is.EqualTo(1), foldersOutput);
            Assert.That(foldersOutput, Does.Contain("deploy/service.yaml:6:13: warning KL2002 service-selects-nothing"));
        });
    }

    private (int ExitCode, string Output) PreCommit(params string[] arguments)
        => ProcessRunner.Run("pre-commit", arguments, _repository, _environment);

    private void Write(string path, string text)
    {
        var file = Path.Combine(_repository, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text.Replace("\r\n", "\n") + (text.EndsWith('\n') ? string.Empty : "\n"));
    }

    private static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));

    private static string Git(string repository, params string[] arguments)
        => ProcessRunner.Check("git", ["-c", "user.name=KubeLint", "-c", "user.email=kubelint@example.invalid", "-c", "commit.gpgsign=false", .. arguments], repository);
}
