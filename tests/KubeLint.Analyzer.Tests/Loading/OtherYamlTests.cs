using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>
/// Manifests are told from the other YAML of a repository by content: files shaped like the ones a platform team
/// keeps next to its manifests are skipped and counted (KL1012, off by default), never errors; an object without
/// apiVersion or kind still is one.
/// </summary>
public sealed class OtherYamlTests
{
    private static readonly Dictionary<string, string> RepositoryFiles = new()
    {
        [".pre-commit-config.yaml"] = """
            repos:
              - repo: https://github.com/pre-commit/pre-commit-hooks
                rev: v4.6.0
                hooks:
                  - id: check-yaml
            """,
        [".github/workflows/ci.yml"] = """
            name: ci
            on: [push, pull_request]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
            """,
        ["charts/web/Chart.yaml"] = """
            apiVersion: v2
            name: web
            version: 1.2.0
            dependencies:
              - name: redis
                version: 19.x
                repository: oci://registry-1.docker.io/bitnamicharts
            """,
        ["charts/web/values.yaml"] = """
            replicaCount: 2
            image:
              repository: nginx
              tag: "1.27"
            foo: bar
            """,
        ["cloudbuild.yaml"] = """
            steps:
              - name: gcr.io/cloud-builders/docker
                args: [build, -t, gcr.io/$PROJECT_ID/web, .]
            images: [gcr.io/$PROJECT_ID/web]
            """,
        ["docker-compose.yml"] = """
            services:
              db:
                image: postgres:16
                volumes: [data:/var/lib/postgresql/data]
            volumes:
              data: {}
            """,
        ["overlays/prod/kustomization.yaml"] = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [../../base]
            """,
        ["renovate.json"] = """{ "extends": ["config:recommended"] }""",
    };

    [TestCaseSource(nameof(Names))]
    public void Repository_files_are_other_yaml_not_errors(string path)
    {
        var result = Manifests.Load(RepositoryFiles[path], path);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1012@1:1" }), path);
            Assert.That(result.Objects, Is.Empty);
            Assert.That(result.OtherDocuments, Has.Count.EqualTo(1));
            Assert.That(result.Unreadable, Is.Empty, "other YAML holds back no conclusion");
        });
    }

    [Test]
    public void The_notice_is_off_by_default()
    {
        var findings = Manifests.Lint(RepositoryFiles["docker-compose.yml"]);

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void An_object_without_api_version_is_still_an_error()
    {
        var result = Manifests.Load("""
            kind: InferencePool
            metadata:
              name: vllm-llama3-8b-instruct
            spec:
              targetPortNumber: 8000
            """);

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1003@1:1" }));
        Assert.That(result.Findings[0].Message, Is.EqualTo("object has no apiVersion"));
    }

    [TestCase("metadata:\n  name: settings\ndata:\n  mode: fast\n", TestName = "Metadata with a name")]
    [TestCase("metadata: {}\nspec:\n  replicas: 1\n", TestName = "Metadata next to spec")]
    [TestCase("apiVersion: v1\nmetadata:\n  name: settings\n", TestName = "apiVersion alone")]
    public void Documents_shaped_like_objects_are_candidates(string yaml)
    {
        var result = Manifests.Load(yaml);

        Assert.That(result.Findings.Select(f => f.RuleId), Has.All.EqualTo("KL1003").And.Not.Empty);
        Assert.That(result.OtherDocuments, Is.Empty);
    }

    [Test]
    public void The_notice_says_what_the_document_is()
    {
        var chart = Manifests.Load(RepositoryFiles["charts/web/Chart.yaml"]);
        var kustomization = Manifests.Load(RepositoryFiles["overlays/prod/kustomization.yaml"]);
        var workflow = Manifests.Load(RepositoryFiles[".github/workflows/ci.yml"]);

        Assert.That(chart.Findings[0].Message, Is.EqualTo("document 1 is Helm chart metadata (Chart.yaml), not a Kubernetes object; skipped"));
        Assert.That(kustomization.Findings[0].Message, Is.EqualTo("document 1 is a kustomize Kustomization, not a Kubernetes object; skipped"));
        Assert.That(workflow.Findings[0].Message, Is.EqualTo("document 1 is not a Kubernetes object (no apiVersion, kind or object metadata); skipped"));
    }

    private static IEnumerable<string> Names() => RepositoryFiles.Keys;
}
