using Newtonsoft.Json.Linq;

namespace KubeLint.Cli.Tests.Repositories;

/// <summary>
/// A whole repository (Fixture/: plain manifests, a kustomize base and overlay, a Helm chart and its rendered output,
/// an envsubst template, workflows, compose, pre-commit and Cloud Build files): every planted problem is found at its
/// source file, line and column, and nothing else is reported.
/// </summary>
public sealed class RepositoryFixtureTests
{
    public const string Fixture = "tests/KubeLint.Cli.Tests/Repositories/Fixture";

    [Test]
    public void Every_planted_problem_is_found_at_its_source_and_nothing_else()
    {
        Kustomize.Require();
        var run = CliRun.Of(Fixture, "--format", "json");
        var report = JObject.Parse(run.Stdout);
        var findings = report["findings"]!
            .Select(f => $"{((string)f["file"]!).Substring(Fixture.Length + 1)}:{f["startLine"]}:{f["startColumn"]} {f["ruleId"]} {f["severity"]}")
            .Distinct()
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.Stderr, Is.Empty);
            Assert.That(findings, Is.EqualTo(new[]
            {
                "charts/shop/Chart.yaml:2:1 KL1016 info",                                         // the chart: not rendered
                "deploy/gke/frontend.yaml:8:13 KL1006 error",                                     // envsubst template
                "deploy/kustomize/base/deployment.yaml:10:5 KL1106 error",                        // commonLabels: the selector it extends ...
                "deploy/kustomize/base/service.yaml:5:9 KL1110 error",                            // namePrefix makes the name too long
                "deploy/kustomize/overlays/prod/host-network-patch.yaml:4:10 KL6004 warning",     // JSON 6902 patch
                "deploy/kustomize/overlays/prod/kustomization.yaml:6:9 KL1111 error",             // ... and the label it adds
                "deploy/kustomize/overlays/prod/kustomization.yaml:16:11 KL1110 error",           // configMapGenerator
                "deploy/kustomize/overlays/prod/kustomization.yaml:21:13 KL6005 warning",         // images
                "deploy/kustomize/overlays/prod/memory-patch.yaml:12:23 KL3008 error",            // strategic merge patch
                "deploy/plain/worker.yaml:43:5 KL2002 warning",                                   // plain manifests
                "rendered/shop.yaml:10:5 KL2002 warning",                                         // rendered Helm output: the Service ...
                "rendered/shop.yaml:27:5 KL2001 error",                                          // ... of the Deployment whose labels are wrong
            }));
            Assert.That((int)report["summary"]!["objects"]!, Is.EqualTo(7));
            Assert.That((int)report["summary"]!["otherDocuments"]!, Is.EqualTo(4), "workflow, pre-commit, compose and Cloud Build files");
        });
    }

    [Test]
    public void Findings_in_rendered_helm_output_name_their_template()
    {
        var run = CliRun.Of(Fixture + "/rendered", "--no-simulate");

        Assert.That(run.Stdout, Does.Contain(
            Fixture + "/rendered/shop.yaml:27:5: error KL2001 selector-template-mismatch: spec.template.metadata.labels: Invalid value: "
            + "map[string]string{\"app.kubernetes.io/name\":\"shop-app\"}: `selector` does not match template `labels` "
            + "(requirement 'app.kubernetes.io/name=shop-api' does not hold) (template shop/templates/deployment.yaml)"));
    }

    [Test]
    public void Other_yaml_alone_is_no_problem()
    {
        var run = CliRun.Of(Fixture + "/.github", Fixture + "/.pre-commit-config.yaml", Fixture + "/docker-compose.yml", Fixture + "/cloudbuild.yaml");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stdout);
        Assert.That(run.Stdout, Is.EqualTo("No problems found (4 files, 0 objects, 4 other YAML documents skipped).\n"));
    }
}
