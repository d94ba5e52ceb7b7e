using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace KubeLint.Roslyn.Tests;

/// <summary>Kubernetes objects built in C# with KubernetesClient types: diagnostics at the offending property.</summary>
[TestFixture]
public sealed class TypedManifestTests
{
    [Test]
    public async Task Selector_label_missing_from_the_template_is_reported_at_its_initializer_entry()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule())
        {
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                internal static class Objects
                {
                    public static V1Deployment Web() => new V1Deployment
                    {
                        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" },
                        Spec = new V1DeploymentSpec
                        {
                            Replicas = 2,
                            Selector = new V1LabelSelector
                            {
                                MatchLabels = new Dictionary<string, string> { {|KL2001:["app"] = "api"|} },
                            },
                            Template = new V1PodTemplateSpec
                            {
                                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }] },
                            },
                        },
                    };
                }
                """,
        };
        await test.RunAsync();
    }

    [Test]
    public async Task Collection_initializers_constants_and_target_typed_new_are_read()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule())
        {
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                internal static class Objects
                {
                    private const string App = "web";

                    public static V1Deployment Web() => new()
                    {
                        Metadata = new() { Name = "web" },
                        Spec = new()
                        {
                            Selector = new() { MatchLabels = new Dictionary<string, string> { { "app", App }, {|KL2001:{ "tier", "front" }|} } },
                            Template = new()
                            {
                                Metadata = new() { Labels = new Dictionary<string, string> { { "app", "web" } } },
                                Spec = new() { Containers = new List<V1Container> { new() { Name = "web" } } },
                            },
                        },
                    };
                }
                """,
        };
        await test.RunAsync();
    }

    [Test]
    public async Task Object_with_a_value_known_only_at_run_time_is_not_guessed_about()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule())
        {
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                internal static class Objects
                {
                    public static V1Deployment Web(string app) => new V1Deployment
                    {
                        Metadata = new V1ObjectMeta { Name = "web" },
                        Spec = new V1DeploymentSpec
                        {
                            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                            Template = new V1PodTemplateSpec
                            {
                                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
                            },
                        },
                    };
                }
                """,
        };
        await test.RunAsync();
    }

    [Test]
    public async Task Matching_selector_has_no_diagnostic()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule())
        {
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                internal static class Objects
                {
                    public static V1Deployment Web() => new V1Deployment
                    {
                        Metadata = new V1ObjectMeta { Name = "web" },
                        Spec = new V1DeploymentSpec
                        {
                            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                            Template = new V1PodTemplateSpec
                            {
                                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" } },
                                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }] },
                            },
                        },
                    };
                }
                """,
        };
        await test.RunAsync();
    }

    [Test]
    public async Task Editorconfig_severity_applies_inside_csharp()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule())
        {
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                internal static class Objects
                {
                    public static V1Deployment Web() => new V1Deployment
                    {
                        Spec = new V1DeploymentSpec
                        {
                            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
                        },
                    };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KL2001.severity = error\n"));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("KL2001", DiagnosticSeverity.Error).WithSpan(10, 93, 10, 108));
        await test.RunAsync();
    }

    [Test]
    public async Task Csharp_objects_and_yaml_manifests_are_checked_together()
    {
        var test = new AnalyzerTest(new SelectorMismatchTestRule())
        {
            TestCode = """
                using k8s.Models;

                internal static class Objects
                {
                    public static V1ConfigMap Settings() => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } };
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/web.k8s.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  {|KL1002:name|}: again\n"));
        await test.RunAsync();
    }
}
