using System.IO.Compression;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Roslyn.Tests;

/// <summary>
/// The pre-commit hook, run the way pre-commit runs a 'language: dotnet' hook: 'dotnet pack' of the repository, the
/// resulting tool installed into a tool path from that output alone, then the hook's entry with the staged file
/// names appended, in the repository being committed.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class PreCommitHookTests
{
    private string _work = null!;
    private string _toolPath = null!;
    private YamlMapping _hook = null!;
    private string _toolNuspec = null!;
    private List<string> _toolEntries = null!;

    [OneTimeSetUp]
    public void InstallHookEnvironment()
    {
        var hooks = new ManifestLoader().Load(new SourceFile(".pre-commit-hooks.yaml", File.ReadAllText(Path.Combine(TestWorkspace.Root, ".pre-commit-hooks.yaml"))));
        _hook = ((YamlSequence)hooks.Documents.Single().Root!).Mappings.Single(h => h.GetString("id") == "kubelint");

        _work = TestWorkspace.CreateTemporaryDirectory("kubelint-pre-commit-");
        var feed = Path.Combine(_work, "pre-commit-build");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") };

        // pre-commit packs the whole repository; the packable-projects test below shows that this is the only package.
        ProcessRunner.Check(
            "dotnet",
            ["pack", Path.Combine(TestWorkspace.Root, "src", "Cli", "KubeLint.Cli.csproj"), "-c", TestWorkspace.Configuration, "--output", feed, "--disable-build-servers"],
            TestWorkspace.Root);
        var package = Directory.GetFiles(feed, "*.nupkg").Single();
        using (var archive = ZipFile.OpenRead(package))
        using (var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()))
        {
            _toolNuspec = nuspec.ReadToEnd();
            _toolEntries = archive.Entries.Select(e => e.FullName).ToList();
        }

        var toolId = Path.GetFileName(package).Split('.')[0];

        _toolPath = Path.Combine(_work, "dotnetenv-default", "bin");
        var noSources = TestWorkspace.WriteNuGetConfig(_work);
        ProcessRunner.Check(
            "dotnet",
            ["tool", "install", "--tool-path", _toolPath, "--configfile", noSources, "--add-source", feed, toolId],
            _work,
            environment);
    }

    [OneTimeTearDown]
    public void Clean() => TestWorkspace.DeleteDirectory(_work);

    [Test]
    public void Hook_is_a_dotnet_hook_on_yaml_files()
    {
        Assert.That(_hook.GetString("language"), Is.EqualTo("dotnet"));
        Assert.That(_hook.GetSequence("types")?.Items.Select(t => t.ToString()), Is.EqualTo(new[] { "yaml" }));
        Assert.That(_hook.GetString("entry"), Does.StartWith("kubelint "));
    }

    [Test]
    public void Tool_package_carries_readme_license_and_icon()
    {
        Assert.That(_toolNuspec, Does.Contain("<packageType name=\"DotnetTool\" />"));
        Assert.That(_toolNuspec, Does.Contain("<readme>README.md</readme>"));
        Assert.That(_toolNuspec, Does.Contain("<icon>icon.png</icon>"));
        Assert.That(_toolNuspec, Does.Contain("<license type=\"expression\">Apache-2.0</license>"));
        Assert.That(_toolEntries, Is.SupersetOf(new[] { "README.md", "icon.png" }));
    }

    [Test]
    public void Installed_tool_is_the_native_package_of_this_platform()
    {
        var project = File.ReadAllText(Path.Combine(TestWorkspace.Root, "src", "Cli", "KubeLint.Cli.csproj"));
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        Assume.That(project, Does.Contain(rid), $"no native package is built for {rid}");

        var store = Path.Combine(_toolPath, ".store");
        Assert.That(Directory.GetDirectories(store, "*", SearchOption.AllDirectories).Select(Path.GetFileName), Does.Contain($"kubelint.{rid}"));
        var files = Directory.GetFiles(store, "kubelint*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.That(files, Does.Not.Contain("kubelint.dll"), "the native executable, not the JIT build");
    }

    [Test]
    public void Installed_tool_runs_from_the_tool_path()
    {
        var directory = Path.Combine(_work, "run");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  name: again\n");

        var (exitCode, output) = ProcessRunner.Run(Path.Combine(_toolPath, "kubelint"), ["bad.yaml"], directory);

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("bad.yaml:5:3").And.Contain("KL1002"));
    }

    [Test]
    public void Only_the_command_line_tool_is_packable_by_default()
    {
        var targets = Path.Combine(_work, "list-packable.targets");
        File.WriteAllText(targets, """
            <Project>
              <Target Name="KubeLintListPackable">
                <Message Importance="high" Text="packable: $(MSBuildProjectFullPath)=$(IsPackable)" />
              </Target>
            </Project>
            """);

        var output = ProcessRunner.Check(
            "dotnet",
            ["msbuild", "KubeLint.sln", "-t:KubeLintListPackable", "-nologo", "-nodeReuse:false",
                $"-p:CustomAfterMicrosoftCommonTargets={targets}", $"-p:CustomAfterMicrosoftCommonCrossTargetingTargets={targets}"],
            TestWorkspace.Root);

        var projects = output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("packable: ", StringComparison.Ordinal))
            .Select(l => l["packable: ".Length..])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var packable = projects.Where(p => p.EndsWith("=true", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetRelativePath(TestWorkspace.Root, p[..p.LastIndexOf('=')]).Replace('\\', '/'));

        Assert.That(projects, Has.Count.GreaterThan(5), output);
        Assert.That(packable, Is.EqualTo(new[] { "src/Cli/KubeLint.Cli.csproj" }));
    }

    [Test]
    public void Entry_lints_the_staged_yaml_files_and_fails_the_commit_on_findings()
    {
        var repository = Path.Combine(_work, "repository");
        Directory.CreateDirectory(Path.Combine(repository, "deploy"));
        Git(repository, "init", "-q");
        File.WriteAllText(Path.Combine(repository, "deploy", "good.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n");
        File.WriteAllText(Path.Combine(repository, "deploy", "bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  name: again\n");
        File.WriteAllText(Path.Combine(repository, "deploy", "unstaged.yaml"), "kind: ConfigMap\n");
        File.WriteAllText(Path.Combine(repository, "notes.txt"), "a: 1\na: 2\n");
        Git(repository, "add", "deploy/good.yaml", "deploy/bad.yaml", "notes.txt");

        var (exitCode, output) = RunHook(repository, StagedYamlFiles(repository));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("deploy/bad.yaml:5:3"));
            Assert.That(output, Does.Contain("KL1002"));
            Assert.That(output, Does.Not.Contain("unstaged.yaml").And.Not.Contain("notes.txt"));
        });

        Git(repository, "rm", "-q", "--cached", "deploy/bad.yaml");
        var (cleanExitCode, cleanOutput) = RunHook(repository, StagedYamlFiles(repository));

        Assert.That(cleanExitCode, Is.Zero, cleanOutput);
    }

    /// <summary>The staged files that pre-commit's 'types: [yaml]' selects, in git's order.</summary>
    private static List<string> StagedYamlFiles(string repository)
        => Git(repository, "diff", "--cached", "--name-only", "--diff-filter=ACMR")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .ToList();

    private (int ExitCode, string Output) RunHook(string repository, IEnumerable<string> files)
    {
        var entry = _hook.GetString("entry")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ProcessRunner.Run(Path.Combine(_toolPath, entry[0]), [.. entry.Skip(1), .. files], repository);
    }

    private static string Git(string repository, params string[] arguments)
        => ProcessRunner.Check("git", ["-c", "user.name=KubeLint", "-c", "user.email=kubelint@example.invalid", .. arguments], repository);
}
