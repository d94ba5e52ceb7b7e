using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace KubeLint.Roslyn.Tests;

/// <summary>Manifests passed as AdditionalFiles: diagnostics at the YAML file, line and column.</summary>
[TestFixture]
public sealed class ManifestFileTests
{
    private const string Code = "internal static class Program { }";

    private const string MismatchedDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              {|KL2001:app|}: api
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """;

    [Test]
    public async Task Rule_finding_is_reported_at_the_yaml_line_and_column()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment));
        await test.RunAsync();
    }

    [Test]
    public async Task Duplicate_key_from_the_loader_is_an_error_at_the_second_key()
    {
        var test = new AnalyzerTest { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/app.k8s.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              {|KL1002:name|}: other
            """));
        await test.RunAsync();
    }

    [Test]
    public async Task Editorconfig_severity_for_the_project_applies_to_manifests()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment.Replace("{|KL2001:app|}", "app")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.KL2001.severity = error\n"));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("KL2001", DiagnosticSeverity.Error).WithSpan("/0/deploy/web.k8s.yaml", 8, 7, 8, 10));
        await test.RunAsync();
    }

    [Test]
    public async Task Editorconfig_severity_none_turns_the_rule_off()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment.Replace("{|KL2001:app|}", "app")));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.KL2001.severity = none\n"));
        await test.RunAsync();
    }

    [Test]
    public async Task Kubelint_yaml_sets_the_severity()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment.Replace("{|KL2001:app|}", "app")));
        test.TestState.AdditionalFiles.Add(("/0/.kubelint.yaml", "rules:\n  selector-template-mismatch: error\n"));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("KL2001", DiagnosticSeverity.Error).WithSpan("/0/deploy/web.k8s.yaml", 8, 7, 8, 10));
        await test.RunAsync();
    }

    [Test]
    public async Task Kubelint_yaml_turns_a_rule_off()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment.Replace("{|KL2001:app|}", "app")));
        test.TestState.AdditionalFiles.Add(("/0/.kubelint.yaml", "rules:\n  KL2001: off\n"));
        await test.RunAsync();
    }

    [Test]
    public async Task Kubelint_yaml_ignore_paths_skip_manifests()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment.Replace("{|KL2001:app|}", "app")));
        test.TestState.AdditionalFiles.Add(("/0/.kubelint.yaml", "ignorePaths:\n  - deploy/\n"));
        await test.RunAsync();
    }

    [Test]
    public async Task Kubelint_yaml_the_command_line_would_reject_is_not_applied()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment));
        test.TestState.AdditionalFiles.Add(("/0/.kubelint.yaml", "rules:\n  KL2001: off\nunknownSetting: 1\n"));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("KL1011", DiagnosticSeverity.Warning).WithSpan("/0/.kubelint.yaml", 3, 1, 3, 15));
        await test.RunAsync();
    }

    [Test]
    public async Task Other_additional_files_are_not_read_as_manifests()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/stylecop.json", "{ \"settings\": { \"a\": 1, \"a\": 2 } }"));
        test.TestState.AdditionalFiles.Add(("/0/notes.yaml", "a: 1\na: 2\n"));
        await test.RunAsync();
    }

    [Test]
    public async Task A_file_marked_by_the_props_is_a_manifest_whatever_its_name()
    {
        var test = new AnalyzerTest { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/app.yaml", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\n[/0/deploy/app.yaml]\nbuild_metadata.AdditionalFiles.KubeLintManifest = true\n"));
        test.TestState.ExpectedDiagnostics.Add(
            new DiagnosticResult("KL1002", DiagnosticSeverity.Error).WithSpan("/0/deploy/app.yaml", 3, 1, 3, 5));
        await test.RunAsync();
    }

    [Test]
    public async Task A_file_added_twice_by_overlapping_globs_is_checked_once()
    {
        var test = new AnalyzerTest { TestCode = Code };
        const string Duplicate = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  name: again\n";
        test.TestState.AdditionalFiles.Add(("/0/app.k8s.yaml", Duplicate));
        test.TestState.AdditionalFiles.Add(("/0/app.k8s.yaml", Duplicate));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("KL1002", DiagnosticSeverity.Error).WithSpan("/0/app.k8s.yaml", 5, 3, 5, 7));
        await test.RunAsync();
    }

    [Test]
    public async Task Schema_validation_runs_when_the_build_switches_it_on()
    {
        var test = new AnalyzerTest { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/app.k8s.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  {|KL1102:colour|}: blue\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.KubeLintValidateSchema = true\n"));
        await test.RunAsync();
    }

    [Test]
    public async Task Schema_validation_is_off_by_default()
    {
        var test = new AnalyzerTest { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/app.k8s.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  colour: blue\n"));
        await test.RunAsync();
    }

    [Test]
    public async Task Correct_manifest_has_no_diagnostic()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule()) { TestCode = Code };
        test.TestState.AdditionalFiles.Add(("/0/deploy/web.k8s.yaml", MismatchedDeployment.Replace("{|KL2001:app|}: api", "app: web")));
        await test.RunAsync();
    }
}
