using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Roslyn.Tests;

/// <summary>
/// The GitHub workflows and the action call only what exists in the repository (scripts, projects), the release
/// pushes with the NUGET_API_KEY secret, and the native platforms are named in one place: the tool project's
/// ToolPackageRuntimeIdentifiers, which .ci/rids reads.
/// </summary>
[TestFixture]
public sealed partial class WorkflowTests
{
    private static readonly string[] Files = [".github/workflows/ci.yml", ".github/workflows/release.yml", "action.yml"];

    private static IEnumerable<TestCaseData> WorkflowFiles() => Files.Select(f => new TestCaseData(f).SetName("Calls of " + f));

    [TestCaseSource(nameof(WorkflowFiles))]
    public void Steps_call_scripts_and_projects_that_exist(string file)
    {
        var scripts = Steps(file).Select(s => s.GetString("run") ?? string.Empty).ToList();
        var referenced = scripts.SelectMany(s => RepositoryPath().Matches(s).Select(m => m.Value)).Distinct().ToList();
        foreach (var path in referenced)
        {
            Assert.That(File.Exists(Path.Combine(TestWorkspace.Root, path)) || Directory.Exists(Path.Combine(TestWorkspace.Root, path)), Is.True, $"{file} calls {path}, which does not exist");
        }

        Assert.That(Steps(file).Where(s => s.GetString("uses") is { } uses && !uses.StartsWith("./", StringComparison.Ordinal)).Select(s => s.GetString("uses")),
            Has.All.Match(@"^[\w.-]+/[\w./-]+@v\d+$"), "actions are pinned to a major version");
    }

    [Test]
    public void Release_scripts_call_projects_that_exist()
    {
        foreach (var script in new[] { ".ci/release", ".ci/rids", ".ci/run" })
        {
            var text = File.ReadAllText(Path.Combine(TestWorkspace.Root, script));
            foreach (var path in RepositoryPath().Matches(text).Select(m => m.Value).Distinct())
            {
                Assert.That(File.Exists(Path.Combine(TestWorkspace.Root, path)), Is.True, $"{script} uses {path}, which does not exist");
            }
        }
    }

    [Test]
    public void Ci_runs_the_ci_script_on_pull_requests_and_main()
    {
        var ci = Load(".github/workflows/ci.yml");
        Assert.That(((YamlMapping)ci.GetPath("on")!).Entries.Select(e => e.KeyText), Is.SupersetOf(new[] { "pull_request", "push" }));
        Assert.That(Items(ci.GetPath("on", "push", "branches")), Does.Contain("main"));
        Assert.That(Steps(".github/workflows/ci.yml").Select(s => s.GetString("run")), Has.Some.EqualTo("bash .ci/run"));
    }

    [Test]
    public void Release_runs_on_version_tags_and_pushes_with_the_api_key_secret()
    {
        var release = Load(".github/workflows/release.yml");
        Assert.That(Items(release.GetPath("on", "push", "tags")), Is.EqualTo(new[] { "v*" }));
        var push = Steps(".github/workflows/release.yml").Single(s => s.GetString("run") == "bash .ci/release push");
        Assert.That(push.GetPath("env", "NUGET_API_KEY")?.ToString(), Is.EqualTo("${{ secrets.NUGET_API_KEY }}"));
        Assert.That(Steps(".github/workflows/release.yml").Select(s => s.GetString("run") ?? string.Empty), Has.Some.Contains("gh release create").And.Some.Contains(".ci/release native"));
        Assert.That(File.ReadAllText(Path.Combine(TestWorkspace.Root, ".ci/release")), Does.Contain(".sha256"), "checksums beside the binaries");
    }

    [Test]
    public void Native_platforms_are_listed_once_in_the_tool_project()
    {
        var project = File.ReadAllText(Path.Combine(TestWorkspace.Root, "src", "Cli", "KubeLint.Cli.csproj"));
        var listed = RuntimeIdentifiers().Match(project).Groups[1].Value.Split(';');
        Assert.That(listed, Is.SupersetOf(new[] { "linux-x64", "linux-arm64", "osx-arm64", "win-x64", "any" }));

        var rids = ProcessRunner.Check("bash", [".ci/rids"], TestWorkspace.Root).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(rids, Is.EqualTo(listed.Where(r => r != "any")));
        var matrix = ProcessRunner.Check("bash", [".ci/rids", "--matrix"], TestWorkspace.Root);
        Assert.That(RidInMatrix().Matches(matrix).Select(m => m.Groups[1].Value), Is.EqualTo(rids));

        foreach (var file in Files.Append(".ci/release"))
        {
            var text = File.ReadAllText(Path.Combine(TestWorkspace.Root, file));
            Assert.That(rids.Where(rid => text.Contains(rid, StringComparison.Ordinal)), Is.Empty, $"{file} names a runtime identifier; read .ci/rids instead");
        }
    }

    private static List<string?> Items(YamlNode? node) => node is YamlSequence sequence ? sequence.Items.Select(i => i.ToString()).ToList() : [];

    private static List<YamlMapping> Steps(string file)
    {
        var root = Load(file);
        var steps = new List<YamlMapping>();
        if (root.GetPath("runs", "steps") is YamlSequence actionSteps)
        {
            steps.AddRange(actionSteps.Mappings);
        }

        foreach (var job in (root.GetMapping("jobs")?.Entries ?? []).Select(e => e.Value).OfType<YamlMapping>())
        {
            steps.AddRange(job.GetSequence("steps")?.Mappings ?? []);
        }

        return steps;
    }

    private static YamlMapping Load(string file)
    {
        var loaded = new ManifestLoader().Load(new SourceFile(file, File.ReadAllText(Path.Combine(TestWorkspace.Root, file))));
        Assert.That(loaded.Findings.Where(f => f.RuleId is "KL1001" or "KL1002" or "KL1005"), Is.Empty, file);
        return (YamlMapping)loaded.Documents.Single().Root!;
    }

    /// <summary>Repository paths a script names: the CI scripts and project files or folders under src/.</summary>
    [GeneratedRegex(@"(?<![\w.-])(\.ci/[\w-]+|src/[\w./-]+\.csproj)")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex("<ToolPackageRuntimeIdentifiers>([^<]*)</ToolPackageRuntimeIdentifiers>")]
    private static partial Regex RuntimeIdentifiers();

    [GeneratedRegex("\"rid\":\"([^\"]+)\"")]
    private static partial Regex RidInMatrix();
}
