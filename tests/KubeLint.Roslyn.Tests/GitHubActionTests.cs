using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Roslyn.Tests;

/// <summary>The composite action's contract: install, lint to SARIF, upload with a category.</summary>
[TestFixture]
public sealed class GitHubActionTests
{
    private static YamlMapping Action => Load();

    [Test]
    public void Action_is_composite_and_parses_without_problems()
    {
        Assert.That(Action.GetPath("runs", "using")?.ToString(), Is.EqualTo("composite"));
    }

    [Test]
    public void Lint_step_writes_sarif_to_the_file_the_upload_reads()
    {
        var steps = Steps();
        var lint = steps.Single(s => s.GetString("id") == "lint");
        var upload = steps.Single(s => s.GetString("uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);

        Assert.That(lint.GetString("run"), Does.Contain("kubelint lint").And.Contain("--format sarif --output \"$KUBELINT_SARIF\""));
        Assert.That(lint.GetPath("env", "KUBELINT_SARIF")?.ToString(), Is.EqualTo("${{ inputs.sarif-file }}"));
        Assert.That(upload.GetPath("with", "sarif_file")?.ToString(), Is.EqualTo("${{ inputs.sarif-file }}"));
        Assert.That(upload.GetPath("with", "category")?.ToString(), Is.EqualTo("${{ inputs.category }}"));
    }

    [Test]
    public void Tool_is_installed_before_it_runs()
    {
        var runs = Steps().Select(s => s.GetString("run") ?? string.Empty).ToList();
        var install = runs.FindIndex(r => r.Contains("dotnet tool install", StringComparison.Ordinal));
        var lint = runs.FindIndex(r => r.Contains("kubelint lint", StringComparison.Ordinal));

        Assert.That(install, Is.GreaterThanOrEqualTo(0));
        Assert.That(install, Is.LessThan(lint));
    }

    [Test]
    public void Inputs_reach_the_shell_only_through_the_environment()
    {
        // A ${{ }} expression inside 'run' is pasted into the script before it runs: an input could inject commands.
        Assert.That(Steps().Select(s => s.GetString("run") ?? string.Empty), Has.None.Contain("${{"));
    }

    private static List<YamlMapping> Steps() => Action.GetPath("runs", "steps") is YamlSequence steps ? steps.Mappings.ToList() : [];

    private static YamlMapping Load()
    {
        var loaded = new ManifestLoader().Load(new SourceFile("action.yml", File.ReadAllText(Path.Combine(TestWorkspace.Root, "action.yml"))));
        Assert.That(loaded.Findings.Where(f => f.RuleId is "KL1001" or "KL1002" or "KL1005"), Is.Empty);
        return (YamlMapping)loaded.Documents.Single().Root!;
    }
}
