using System.Collections.Immutable;
using KubeLint.Roslyn.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KubeLint.Roslyn.Tests;

/// <summary>The constants generator: manifests in, typed constants out, usable from application code.</summary>
[TestFixture]
public sealed class GeneratorTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-api
          namespace: shop
          labels:
            app.kubernetes.io/name: web
            tier: front
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: web
          template:
            metadata:
              labels:
                app.kubernetes.io/name: web
            spec:
              containers:
                - name: api
                  image: shop/api:1.4
                  ports:
                    - name: http
                      containerPort: 8080
                    - containerPort: 9090
                - name: log-shipper
                  image: fluent-bit:3.1
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web-api
          namespace: shop
        spec:
          selector:
            app.kubernetes.io/name: web
          ports:
            - name: http
              port: 80
              targetPort: http
        """;

    [Test]
    public void Each_object_becomes_a_static_class_with_its_name_labels_containers_and_ports()
    {
        var (source, _) = Generate(("/src/deploy/web.k8s.yaml", Deployment));

        Assert.That(source, Does.Contain("public static class DeploymentWebApi"));
        Assert.That(source, Does.Contain("public const string Name = \"web-api\";"));
        Assert.That(source, Does.Contain("public const string Namespace = \"shop\";"));
        Assert.That(source, Does.Contain("public const string AppKubernetesIoName = \"web\";"));
        Assert.That(source, Does.Contain("public const int Http = 8080;"));
        Assert.That(source, Does.Contain("public const int Port9090 = 9090;"));
        Assert.That(source, Does.Contain("public static class LogShipper"));
        Assert.That(source, Does.Contain("public static class ServiceWebApi"));
        Assert.That(source, Does.Contain("public const int Http = 80;"));
    }

    [Test]
    public void Application_code_compiles_against_the_constants()
    {
        var (_, compilation) = Generate(
            ("/src/deploy/web.k8s.yaml", Deployment),
            code: """
                internal static class Startup
                {
                    public static string Describe()
                        => KubeLint.Manifests.DeploymentWebApi.Containers.Api.Name + ":"
                            + KubeLint.Manifests.DeploymentWebApi.Containers.Api.Ports.Http + " in "
                            + KubeLint.Manifests.ServiceWebApi.Namespace + " labelled "
                            + KubeLint.Manifests.DeploymentWebApi.Labels.Tier;
                }
                """);

        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [Test]
    public void Same_kind_and_name_in_two_namespaces_get_distinct_classes()
    {
        var (source, compilation) = Generate(
            ("/src/a.k8s.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: dev\n"),
            ("/src/b.k8s.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: prod\n"));

        Assert.That(source, Does.Contain("public static class ConfigMapSettings\n"));
        Assert.That(source, Does.Contain("public static class ConfigMapSettingsProd\n"));
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [Test]
    public void Names_that_are_not_identifiers_and_clashing_members_still_compile()
    {
        var (source, compilation) = Generate(
            ("/src/odd.k8s.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: 1-pod
                  labels:
                    labels: x
                    "a\"b": "quote\"d"
                spec:
                  containers:
                    - name: containers
                      ports:
                        - containerPort: 80
                          name: ports
                """));

        Assert.That(source, Does.Contain("public static class Pod1Pod"));
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [Test]
    public void A_file_added_twice_is_generated_once()
    {
        var (source, compilation) = Generate(("/src/web.k8s.yaml", Deployment), ("/src/web.k8s.yaml", Deployment));

        Assert.That(source, Does.Contain("public static class DeploymentWebApi\n"));
        Assert.That(source, Does.Not.Contain("DeploymentWebApi2"));
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [Test]
    public void Generation_can_be_switched_off_and_the_namespace_changed()
    {
        var (off, _) = Generate(("/src/web.k8s.yaml", Deployment), properties: ("KubeLintGenerateConstants", "false"));
        var (renamed, _) = Generate(("/src/web.k8s.yaml", Deployment), properties: ("KubeLintConstantsNamespace", "Shop.Deploy"));

        Assert.That(off, Is.Empty);
        Assert.That(renamed, Does.Contain("namespace Shop.Deploy"));
    }

    [Test]
    public void Unchanged_manifests_are_not_regenerated()
    {
        var compilation = CSharpCompilation.Create("app", [CSharpSyntaxTree.ParseText("class C { }")], AnalyzerTest.LoadReferences(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ManifestConstantsGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/src/web.k8s.yaml", Deployment)],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }")));

        var outputs = driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs);
        Assert.That(outputs.Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    private static (string Source, Compilation Compilation) Generate(
        (string Path, string Text) manifest,
        string code = "internal static class Empty { }",
        (string Name, string Value)? properties = null)
        => Generate([manifest], code, properties);

    private static (string Source, Compilation Compilation) Generate((string Path, string Text) first, (string Path, string Text) second)
        => Generate([first, second], "internal static class Empty { }", null);

    private static (string Source, Compilation Compilation) Generate(
        IEnumerable<(string Path, string Text)> manifests,
        string code,
        (string Name, string Value)? property)
    {
        var compilation = CSharpCompilation.Create(
            "app",
            [CSharpSyntaxTree.ParseText(code, path: "/src/Startup.cs")],
            AnalyzerTest.LoadReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var globals = property is { } p
            ? ImmutableDictionary<string, string>.Empty.Add("build_property." + p.Name, p.Value)
            : ImmutableDictionary<string, string>.Empty;
        var driver = CSharpGeneratorDriver.Create(
            [new ManifestConstantsGenerator().AsSourceGenerator()],
            manifests.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text)),
            optionsProvider: new GlobalOptionsProvider(globals));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var generated = output.SyntaxTrees.FirstOrDefault(t => t.FilePath.EndsWith(ManifestConstantsGenerator.HintName, StringComparison.Ordinal));
        return (generated?.ToString() ?? string.Empty, output);
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class GlobalOptionsProvider(ImmutableDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
