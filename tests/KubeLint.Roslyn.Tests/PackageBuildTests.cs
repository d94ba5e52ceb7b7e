using System.IO.Compression;

namespace KubeLint.Roslyn.Tests;

/// <summary>
/// Packs KubeLint.Analyzers, then builds a project that references it with 'dotnet build', as a user would: the
/// analyzer must load in the real compiler and report at the YAML file, line and column.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class PackageBuildTests
{
    private string _work = null!;
    private string _feed = null!;

    [OneTimeSetUp]
    public void PackAnalyzers()
    {
        _work = TestWorkspace.CreateTemporaryDirectory("kubelint-analyzers-");
        _feed = Path.Combine(_work, "feed");
        ProcessRunner.Check(
            "dotnet",
            ["pack", Path.Combine(TestWorkspace.Root, "src", "Roslyn", "KubeLint.Roslyn.csproj"), "-c", TestWorkspace.Configuration,
                "-p:KubeLintPackAnalyzers=true", "-o", _feed, "--disable-build-servers"],
            TestWorkspace.Root);
    }

    [OneTimeTearDown]
    public void Clean() => TestWorkspace.DeleteDirectory(_work);

    [Test]
    public void Package_holds_the_analyzer_with_its_dependencies_and_metadata()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_feed, "KubeLint.Analyzers.0.1.0.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.That(entries, Is.SupersetOf(new[]
        {
            "analyzers/dotnet/cs/KubeLint.Roslyn.dll",
            "analyzers/dotnet/cs/KubeLint.Analyzer.dll",
            "analyzers/dotnet/cs/KubeLint.Rules.dll",
            "analyzers/dotnet/cs/KubeLint.Simulator.dll",
            "build/KubeLint.Analyzers.props",
            "README.md",
            "icon.png",
        }));
        Assert.That(entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)), Is.Empty, "an analyzer package adds no reference to the project");
        Assert.That(entries.Where(e => e.Contains("Newtonsoft", StringComparison.OrdinalIgnoreCase)), Is.Empty, "no Newtonsoft inside the compiler");

        using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.ReadToEnd();
        Assert.That(metadata, Does.Contain("<readme>README.md</readme>"));
        Assert.That(metadata, Does.Contain("<icon>icon.png</icon>"));
        Assert.That(metadata, Does.Contain("<license type=\"expression\">Apache-2.0</license>"));
        Assert.That(metadata, Does.Contain("<developmentDependency>true</developmentDependency>"));
    }

    [Test]
    public void Dotnet_build_reports_manifest_findings_at_the_yaml_line_and_column()
    {
        var project = Path.Combine(_work, "sample");
        Directory.CreateDirectory(Path.Combine(project, "deploy"));
        // The packed analyzer comes from the test's feed; KubernetesClient from the machine's package folder, offline.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TestWorkspace.WriteNuGetConfig(project, _feed, globalPackages);
        File.WriteAllText(Path.Combine(project, "Sample.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KubeLint.Analyzers" Version="0.1.0" PrivateAssets="all" />
                <PackageReference Include="KubernetesClient" Version="21.0.8" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*]\ndotnet_diagnostic.KL1003.severity = warning\n");
        File.WriteAllText(Path.Combine(project, "Names.cs"), """
            namespace Sample;

            // Compiles only if the generator turned deploy/settings.k8s.yaml into constants.
            public static class Names
            {
                public const string Settings = KubeLint.Manifests.ConfigMapSettings.Name;
                public const string App = KubeLint.Manifests.ConfigMapSettings.Labels.App;
            }
            """);
        var objects = Path.Combine(project, "Objects.cs");
        File.WriteAllText(objects, """
            using k8s.Models;

            namespace Sample;

            public static class Objects
            {
                public static V1Pod Debug() => new V1Pod
                {
                    Metadata = new V1ObjectMeta { Name = "debug" },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "shell", Image = "busybox:latest" }] },
                };
            }
            """);
        var lines = File.ReadAllLines(objects);
        var imageLine = Array.FindIndex(lines, l => l.Contains("Image = ", StringComparison.Ordinal));
        var imagePosition = $"({imageLine + 1},{lines[imageLine].IndexOf("Image = ", StringComparison.Ordinal) + 1})";
        var web = Path.Combine(project, "deploy", "web.k8s.yaml");
        File.WriteAllText(web, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n");
        File.WriteAllText(Path.Combine(project, "deploy", "settings.k8s.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web\n");
        var broken = Path.Combine(project, "deploy", "broken.k8s.yaml");
        File.WriteAllText(broken, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  name: again\n---\nkind: ConfigMap\nmetadata:\n  name: x\n");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") };

        var (exitCode, output) = ProcessRunner.Run("dotnet", ["build", "--disable-build-servers"], project, environment);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero, output);
            Assert.That(output, Does.Contain($"{broken}(5,3): error KL1002: duplicate key \"name\""), output);
            Assert.That(output, Does.Contain($"{broken}(7,1): warning KL1003: object has no apiVersion"), "the .editorconfig severity applies");
            Assert.That(output, Does.Contain($"{web}(8,14): warning KL6005: "), "a built-in rule, in YAML");
            Assert.That(output, Does.Contain($"{objects}{imagePosition}: warning KL6005: "), "a built-in rule, on a C# object");
            Assert.That(output, Does.Not.Contain("error CS"), "the generated constants compile");
            Assert.That(output, Does.Not.Contain("CS8032").And.Not.Contain("AD0001"), "the analyzer loads and does not crash");
        });

        File.WriteAllText(broken, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n");
        var (fixedExitCode, fixedOutput) = ProcessRunner.Run("dotnet", ["build", "--disable-build-servers", "--no-restore"], project, environment);

        Assert.That(fixedExitCode, Is.Zero, fixedOutput);
        Assert.That(fixedOutput, Does.Not.Contain("error KL").And.Not.Contain("broken.k8s.yaml"));
    }
}
