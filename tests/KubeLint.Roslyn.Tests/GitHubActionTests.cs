using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;
using System.Text.Json;

namespace KubeLint.Roslyn.Tests;

/// <summary>
/// The composite action, run here as the runner runs it: each 'run' step of action.yml through bash with the runner's
/// environment (RUNNER_TEMP, RUNNER_OS, RUNNER_ARCH, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY,
/// GITHUB_ACTION_PATH), its 'env' and 'if' expressions evaluated, on a fixture repository. 'uses' steps
/// (setup-dotnet, cache, upload) are not run; their conditions are checked. The first run builds kubelint from
/// this checkout (native AOT, as on a runner); the others find that build where the cache restores it.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed partial class GitHubActionTests
{
    private string _work = null!;
    private string _repository = null!;
    private ActionRun _build = null!;

    [OneTimeSetUp]
    public void BuildFromTheActionsSource()
    {
        _work = TestWorkspace.CreateTemporaryDirectory("kubelint-action-");
        _repository = Path.Combine(_work, "repository");
        Write("deploy/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  name: again\n");
        Write("deploy/base/clean.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: clean\ndata:\n  mode: fast\n");
        Write("deploy/base/web/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels:\n    app: api\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: api\n      image: example/api:1.0.0\n      resources:\n        requests: {cpu: 100m, memory: 64Mi}\n        limits: {memory: 64Mi}\n");
        Write("notes/readme.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n");

        _build = Run(new() { ["paths"] = "deploy/**/*.yaml", ["args"] = "--no-simulate", ["sarif-file"] = "reports/lint/kubelint.sarif" });
    }

    [OneTimeTearDown]
    public void Clean() => TestWorkspace.DeleteDirectory(_work);

    [Test]
    public void First_run_builds_the_native_executable_from_the_action_checkout()
    {
        var install = _build.Steps["install"];
        Assert.That(install.ExitCode, Is.Zero, install.Output);
        Assert.That(install.Output, Does.Contain("KubeLint.Cli -> " + Path.Combine(_build.RunnerTemp, "kubelint-build")), "published from source");
        Assert.That(install.Outputs["kubelint"], Is.EqualTo(Path.Combine(_build.RunnerTemp, "kubelint-build", "kubelint")));
        Assert.That(File.Exists(Path.Combine(_build.RunnerTemp, "kubelint-build", "kubelint.dll")), Is.False, "a native executable, not the portable build");
    }

    [Test]
    public void Findings_are_annotations_and_a_text_report_in_the_log_and_a_sarif_file_in_a_new_folder()
    {
        var lint = _build.Steps["lint"];
        Assert.Multiple(() =>
        {
            Assert.That(lint.ExitCode, Is.Zero, lint.Output);
            Assert.That(lint.Outputs["exit-code"], Is.EqualTo("1"));
            Assert.That(lint.Output, Does.Contain("::error file=deploy/settings.yaml,line=5,col=3,endLine=5,endColumn=7,title=KL1002 duplicate-key::"));
            Assert.That(lint.Output, Does.Contain("::warning file=deploy/base/web/service.yaml,line=7,col=5"));
            Assert.That(lint.Output, Does.Contain("deploy/settings.yaml:5:3: error KL1002 duplicate-key:"));
            Assert.That(lint.Output, Does.Contain("KL1002 duplicate-key").And.Contain("rules.md#kl1002-duplicate-key"), "per-rule table");
            Assert.That(lint.Output, Does.Contain("(3 files, 4 objects)."), "the pattern reached kubelint unexpanded: bash alone finds 1 file");
            Assert.That(File.ReadAllText(_build.StepSummary), Does.Contain("### kubelint").And.Contain("1 error, 1 warning"));
        });

        var sarif = Path.Combine(_repository, "reports", "lint", "kubelint.sarif");
        Assert.That(lint.Outputs["sarif-file"], Is.EqualTo("reports/lint/kubelint.sarif"));
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();
        Assert.That(results.Select(r => r.GetProperty("ruleId").GetString()), Is.EquivalentTo(new[] { "KL1002", "KL2002" }));
    }

    [Test]
    public void Findings_fail_the_job_after_the_upload()
    {
        Assert.That(_build.Ran("Upload SARIF to code scanning"), Is.True);
        var fail = _build.Steps["Fail on findings"];
        Assert.That(fail.ExitCode, Is.EqualTo(1));
        Assert.That(fail.Output, Does.StartWith("::error::kubelint reported findings"));
    }

    [Test]
    public void Any_lint_option_may_be_given_and_the_actions_own_formats_win()
    {
        var run = Run(new() { ["paths"] = "deploy", ["args"] = "--format text --fail-level none -o x.txt --kubernetes-version 1.33" });
        var lint = run.Steps["lint"];
        Assert.Multiple(() =>
        {
            Assert.That(lint.ExitCode, Is.Zero, lint.Output);
            Assert.That(lint.Outputs["exit-code"], Is.EqualTo("0"));
            Assert.That(lint.Output, Does.Contain("::notice::kubelint action: '--format text' in args is ignored"));
            Assert.That(lint.Output, Does.Contain("::error file=deploy/settings.yaml"), "annotations are still written");
            Assert.That(File.Exists(Path.Combine(_repository, "kubelint.sarif")), Is.True);
            Assert.That(run.Ran("Fail on findings"), Is.False);
            Assert.That(run.Ran("Upload SARIF to code scanning"), Is.True);
        });
    }

    [Test]
    public void Usage_error_fails_the_step_and_skips_the_upload()
    {
        var run = Run(new() { ["paths"] = "missing/", ["sarif-file"] = "usage/kubelint.sarif" });
        var lint = run.Steps["lint"];
        Assert.Multiple(() =>
        {
            Assert.That(lint.ExitCode, Is.EqualTo(2), lint.Output);
            Assert.That(lint.Outputs["exit-code"], Is.EqualTo("2"));
            Assert.That(lint.Outputs.ContainsKey("sarif-file"), Is.False);
            Assert.That(lint.Output, Does.Contain("kubelint: missing/: no such file or directory"));
            Assert.That(run.Ran("Upload SARIF to code scanning"), Is.False, "no SARIF file: no upload");
        });
    }

    [Test]
    public void Clean_manifests_pass()
    {
        var run = Run(new() { ["paths"] = "deploy/base/clean.yaml", ["upload"] = "false" });
        Assert.That(run.Steps["lint"].Outputs["exit-code"], Is.EqualTo("0"), run.Steps["lint"].Output);
        Assert.That(run.Steps["lint"].Output, Does.Contain("No problems found (1 file, 1 object)."));
        Assert.That(run.Ran("Upload SARIF to code scanning"), Is.False);
        Assert.That(run.Ran("Fail on findings"), Is.False);
    }

    [Test]
    public void Inputs_reach_the_shell_only_through_the_environment()
    {
        // A ${{ }} expression inside 'run' is pasted into the script before it runs: an input could inject commands.
        Assert.That(Steps().Select(s => s.GetString("run") ?? string.Empty), Has.None.Contain("${{"));
    }

    [Test]
    public void Build_is_cached_per_runner_platform_and_action_ref()
    {
        var cache = Steps().Single(s => s.GetString("id") == "cache");
        Assert.That(cache.GetString("uses"), Does.StartWith("actions/cache@"));
        Assert.That(cache.GetPath("with", "path")?.ToString(), Is.EqualTo("${{ runner.temp }}/kubelint-build"));
        Assert.That(cache.GetPath("with", "key")?.ToString(), Does.Contain("${{ runner.os }}").And.Contain("${{ runner.arch }}").And.Contain("github.action_ref"));
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_repository, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Runs the action's steps in order with these inputs (the others at their defaults).</summary>
    private ActionRun Run(Dictionary<string, string> given)
    {
        var action = Load();
        var inputs = ((YamlMapping)action.GetPath("inputs")!).Entries.ToDictionary(
            e => e.KeyText, e => given.TryGetValue(e.KeyText, out var value) ? value : ((YamlMapping)e.Value).GetString("default") ?? string.Empty, StringComparer.Ordinal);
        var run = new ActionRun(Path.Combine(_work, "runner-temp"));
        Directory.CreateDirectory(run.RunnerTemp);
        File.WriteAllText(run.StepSummary, string.Empty);
        foreach (var step in Steps())
        {
            var name = step.GetString("name")!;
            var failed = run.Steps.Values.Any(s => s.ExitCode != 0);
            if (step.GetString("if") is { } condition ? !Evaluate(condition, inputs, run) : failed)
            {
                continue;
            }

            run.Executed.Add(name);
            if (step.GetString("run") is not { } script)
            {
                continue; // A 'uses' step: its condition is what this test checks.
            }

            var output = Path.Combine(_work, $"output-{run.Executed.Count}");
            File.WriteAllText(output, string.Empty);
            var environment = new Dictionary<string, string>
            {
                ["RUNNER_TEMP"] = run.RunnerTemp,
                ["RUNNER_OS"] = "Linux",
                ["RUNNER_ARCH"] = "X64",
                ["GITHUB_ACTION_PATH"] = TestWorkspace.Root,
                ["GITHUB_WORKSPACE"] = _repository,
                ["GITHUB_OUTPUT"] = output,
                ["GITHUB_PATH"] = Path.Combine(_work, "path"),
                ["GITHUB_STEP_SUMMARY"] = run.StepSummary,
            };
            foreach (var entry in step.GetMapping("env")?.Entries ?? [])
            {
                environment[entry.KeyText] = Substitute(entry.Value.ToString() ?? string.Empty, inputs, run);
            }

            var file = Path.Combine(_work, $"step-{run.Executed.Count}.sh");
            File.WriteAllText(file, script);
            // The command line GitHub uses for 'shell: bash'.
            var (exitCode, text) = ProcessRunner.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], _repository, environment);
            var outputs = File.ReadAllLines(output).Where(l => l.Contains('=', StringComparison.Ordinal))
                .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            run.Steps[step.GetString("id") ?? name] = new StepRun(exitCode, text, outputs);
        }

        return run;
    }

    /// <summary>
    /// The expressions action.yml uses: always(), and comparisons of inputs and step outputs joined by &amp;&amp;; as on
    /// GitHub, a condition without always() is false once a step has failed.
    /// </summary>
    private static bool Evaluate(string condition, Dictionary<string, string> inputs, ActionRun run)
    {
        var expression = WholeExpression().Match(condition) is { Success: true } m ? m.Groups[1].Value : condition;
        var failed = run.Steps.Values.Any(s => s.ExitCode != 0);
        var always = false;
        foreach (var clause in expression.Split("&&").Select(c => c.Trim()))
        {
            if (clause == "always()")
            {
                always = true;
                continue;
            }

            var comparison = Comparison().Match(clause);
            Assert.That(comparison.Success, Is.True, $"unsupported expression '{clause}' in action.yml");
            var actual = Value(comparison.Groups[1].Value, inputs, run);
            var equal = actual == comparison.Groups[3].Value;
            if (equal != (comparison.Groups[2].Value == "=="))
            {
                return false;
            }
        }

        return always || !failed;
    }

    private static string Substitute(string text, Dictionary<string, string> inputs, ActionRun run)
        => Expression().Replace(text, m => Value(m.Groups[1].Value.Trim(), inputs, run));

    private static string Value(string reference, Dictionary<string, string> inputs, ActionRun run)
    {
        var parts = reference.Split('.');
        return parts switch
        {
            ["inputs", var name] => inputs[name],
            ["steps", var id, "outputs", var name] => run.Steps.TryGetValue(id, out var step) && step.Outputs.TryGetValue(name, out var value) ? value : string.Empty,
            ["runner", "temp"] => run.RunnerTemp,
            _ => throw new AssertionException($"unsupported reference '{reference}' in action.yml"),
        };
    }

    private static List<YamlMapping> Steps() => Load().GetPath("runs", "steps") is YamlSequence steps ? steps.Mappings.ToList() : [];

    private static YamlMapping Load()
    {
        var loaded = new ManifestLoader().Load(new SourceFile("action.yml", File.ReadAllText(Path.Combine(TestWorkspace.Root, "action.yml"))));
        Assert.That(loaded.Findings.Where(f => f.RuleId is "KL1001" or "KL1002" or "KL1005"), Is.Empty);
        return (YamlMapping)loaded.Documents.Single().Root!;
    }

    [GeneratedRegex(@"^\s*\$\{\{\s*(.*?)\s*\}\}\s*$")]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"\$\{\{\s*(.*?)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^([\w.-]+)\s*(==|!=)\s*'([^']*)'$")]
    private static partial Regex Comparison();

    private sealed record StepRun(int ExitCode, string Output, Dictionary<string, string> Outputs);

    private sealed class ActionRun(string runnerTemp)
    {
        public string RunnerTemp { get; } = runnerTemp;

        // Runs share the runner's temporary folder (where the build is cached), each writes a summary of its own.
        public string StepSummary { get; } = Path.Combine(runnerTemp, $"step-summary-{Guid.NewGuid():N}.md");

        public Dictionary<string, StepRun> Steps { get; } = new(StringComparer.Ordinal);

        public List<string> Executed { get; } = [];

        public bool Ran(string name) => Executed.Contains(name);
    }
}
