using Newtonsoft.Json.Linq;

namespace KubeLint.Cli.Tests.Repositories;

/// <summary>
/// Kustomizations built with the real kustomize (kubectl kustomize): findings on the built objects are reported at
/// the source files: the base, the overlay's patches, transformer fields and generators.
/// </summary>
public sealed class KustomizeTests
{
    private const string Kustomize = RepositoryFixtureTests.Fixture + "/deploy/kustomize";
    private const string Overlay = Kustomize + "/overlays/prod";

    [SetUp]
    public void RequireKustomize() => Repositories.Kustomize.Require();

    [TestCase("namePrefix", Kustomize + "/base/service.yaml:5:9", "KL1110", "metadata.name: Invalid value: \"prod-storefront-public-endpoint-for-the-online-shop-in-europe-west\": must be no more than 63 characters")]
    [TestCase("commonLabels", Overlay + "/kustomization.yaml:6:9", "KL1111", "metadata.labels: Invalid value: \"shop team\": a valid label must be")]
    [TestCase("strategic merge patch", Overlay + "/memory-patch.yaml:12:23", "KL3008", "resources.requests: Invalid value: \"512Mi\": must be less than or equal to memory limit of 256Mi")]
    [TestCase("JSON 6902 patch", Overlay + "/host-network-patch.yaml:4:10", "KL6004", "hostNetwork: true")]
    [TestCase("configMapGenerator", Overlay + "/kustomization.yaml:16:11", "KL1110", "metadata.name: Invalid value: \"prod-shop_settings-")]
    [TestCase("images", Overlay + "/kustomization.yaml:21:13", "KL6005", "registry.example.com/shop/web:latest")]
    public void Findings_point_at_the_source_of_the_field(string feature, string location, string rule, string message)
    {
        var lines = CliRun.Of(Kustomize, "--no-simulate").Stdout.Split('\n');

        Assert.That(lines, Has.Some.StartsWith($"{location}: ").And.Contains($" {rule} ").And.Contains(message), feature);
    }

    [Test]
    public void The_base_is_built_once_through_its_overlay()
    {
        var findings = Findings(CliRun.Of(Kustomize, "--no-simulate", "-f", "json"));

        // The base alone would report its unprefixed Service name as valid and nothing else: only the overlay's build is linted.
        Assert.That(findings.Count(f => f.Contains("base/service.yaml:5:9 KL1110", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(findings, Has.None.Contains("kustomization.yaml:1:1"), "no notice: the overlay was built");
    }

    [Test]
    public void Patches_are_never_linted_as_objects_of_their_own()
    {
        var run = CliRun.Of(Overlay + "/memory-patch.yaml", Overlay + "/host-network-patch.yaml");

        Assert.That(run.Stdout, Is.EqualTo("No problems found (2 files, 0 objects).\n"));
    }

    [Test]
    public void Without_kustomize_resources_are_linted_one_by_one_with_a_notice()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", "/nonexistent");
            var run = CliRun.Of(Kustomize, "--no-simulate");

            // The base's own reference to the generator's unprefixed name is invalid on its own too (KL1106).
            Assert.That(run.Stdout, Does.StartWith(
                Kustomize + "/base/deployment.yaml:28:23: error KL1106 invalid-value: spec.template.spec.containers[0].envFrom[0].configMapRef.name: Invalid value: \"shop_settings\": "));
            Assert.That(run.Stdout, Does.Contain(
                "\n" + Overlay + "/kustomization.yaml:1:1: info KL1014 kustomization-not-built: kustomization not built: neither kustomize nor kubectl is on PATH"));
            Assert.That(run.Stdout, Does.Not.Contain("patch.yaml"));
            Assert.That(run.Stdout, Does.EndWith("(6 files, 2 objects).\n"), "base/deployment.yaml and base/service.yaml");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Test]
    public void A_failed_build_is_an_error_with_kustomize_s_message_and_the_resources_are_still_linted()
    {
        using var folder = new TemporaryFolder()
            .Write("kustomization.yaml", "resources:\n  - config.yaml\n  - missing.yaml\n")
            .Write("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  name: again\n");

        var run = CliRun.Of(folder.Path, "--no-simulate");

        Assert.That(run.Stdout, Does.Contain($"{folder.Path}/kustomization.yaml:1:1: error KL1015 kustomize-build-failed: "));
        Assert.That(run.Stdout, Does.Contain("missing.yaml"));
        Assert.That(run.Stdout, Does.Contain($"{folder.Path}/config.yaml:5:3: error KL1002 duplicate-key"));
    }

    [Test]
    public void Inline_patches_point_into_the_kustomization()
    {
        using var folder = new TemporaryFolder()
            .Write("kustomization.yaml", """
                resources:
                  - job.yaml
                patches:
                  - target: { kind: Job, name: migrate }
                    patch: |-
                      - op: replace
                        path: /spec/template/spec/containers/0/image
                        value: registry.example.com/migrate:latest
                """)
            .Write("job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate
                          image: registry.example.com/migrate:1.0
                """);

        var run = CliRun.Of(folder.Path, "--no-simulate");

        Assert.That(run.Stdout, Does.Contain($"{folder.Path}/kustomization.yaml:8:16: warning KL6005 latest-image-tag"));
    }

    [Test]
    public void Ignore_comments_in_the_sources_apply_to_the_mapped_findings()
    {
        using var folder = new TemporaryFolder()
            .Write("kustomization.yaml", """
                resources:
                  - job.yaml
                images:
                  - name: registry.example.com/migrate
                    newTag: latest # kubelint:ignore latest-image-tag the release job pins it
                """)
            .Write("job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate # kubelint:ignore KL3006,KL3007,KL6003
                          image: registry.example.com/migrate:1.0
                """);

        var run = CliRun.Of(folder.Path, "--no-simulate");

        Assert.That(run.Stdout, Is.EqualTo("No problems found (2 files, 1 object).\n"));
    }

    [Test]
    public void The_command_can_be_chosen_and_an_unknown_one_is_a_usage_error()
    {
        var chosen = CliRun.Of(Kustomize, "--no-simulate", "--kustomize-command", "kubectl kustomize");
        var unknown = CliRun.Of(Kustomize, "--kustomize-command", "no-such-kustomize build");

        Assert.That(chosen.Stdout, Does.Contain(Overlay + "/memory-patch.yaml:12:23: error KL3008"));
        Assert.That(unknown.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(unknown.Stderr, Is.EqualTo("kubelint: --kustomize-command: 'no-such-kustomize' is not an executable file or a program on PATH\n"));
    }

    private static List<string> Findings(CliRun run)
        => JObject.Parse(run.Stdout)["findings"]!.Select(f => $"{f["file"]}:{f["startLine"]}:{f["startColumn"]} {f["ruleId"]}").ToList();
}
