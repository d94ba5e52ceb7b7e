namespace KubeLint.Cli.Tests.Repositories;

/// <summary>--include and --exclude: gitignore-style globs relative to the current directory, like ignorePaths.</summary>
public sealed class PathFilterTests
{
    private const string Fixture = RepositoryFixtureTests.Fixture;

    [Test]
    public void Exclude_skips_matching_files_and_folders()
    {
        var run = CliRun.Of(Fixture + "/deploy", "--quiet", "--exclude", "kustomize/", "--exclude", "*.yaml.bak", "--exclude", Fixture + "/deploy/gke/*");

        Assert.That(run.Stdout, Is.EqualTo($"{Fixture}/deploy/plain/worker.yaml:43:5: warning KL2002 service-selects-nothing: selector app=wroker matches no pod template in namespace jobs\n"
            + "0 errors, 1 warning, 0 info (1 file, 2 objects).\n"));
    }

    [Test]
    public void Include_keeps_only_matching_files()
    {
        var run = CliRun.Of(Fixture, "--include", "plain/", "--include", "**/worker.yaml");

        Assert.That(run.Stdout, Does.EndWith("(1 file, 2 objects).\n"));
    }

    [Test]
    public void Include_and_exclude_combine()
    {
        var run = CliRun.Of(Fixture, "--include", "deploy/", "--exclude", "kustomize", "--exclude", "gke");

        Assert.That(run.Stdout, Does.EndWith("(1 file, 2 objects).\n"));
    }
}
