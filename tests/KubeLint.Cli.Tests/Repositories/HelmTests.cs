using Newtonsoft.Json.Linq;

namespace KubeLint.Cli.Tests.Repositories;

/// <summary>helm template output read from a file or standard input, and chart folders among the inputs.</summary>
public sealed class HelmTests
{
    private const string Rendered = RepositoryFixtureTests.Fixture + "/rendered/shop.yaml";
    private const string Chart = RepositoryFixtureTests.Fixture + "/charts/shop";

    private static string RenderedText => File.ReadAllText(Rendered);

    [Test]
    public void Standard_input_is_named_by_stdin_filename_and_findings_name_the_template()
    {
        var run = CliRun.WithStdin(RenderedText, "-", "--stdin-filename", "shop-rendered.yaml", "--no-simulate");

        Assert.That(run.Stdout, Does.StartWith(
            "shop-rendered.yaml:10:5: warning KL2002 service-selects-nothing: selector app.kubernetes.io/name=shop-api matches no pod template in namespace shop (template shop/templates/service.yaml)\n"
            + "shop-rendered.yaml:27:5: error KL2001 selector-template-mismatch: "));
        Assert.That(run.Stdout, Does.Contain("(template shop/templates/deployment.yaml)\n"));
    }

    [Test]
    public void Json_gives_the_template_of_each_finding()
    {
        var findings = JObject.Parse(CliRun.WithStdin(RenderedText, "-", "--no-simulate", "-f", "json").Stdout)["findings"]!;

        Assert.That(findings.Select(f => $"{f["file"]}:{f["startLine"]} {f["ruleId"]} {f["template"]}"), Is.EqualTo(new[]
        {
            "-:10 KL2002 shop/templates/service.yaml",
            "-:27 KL2001 shop/templates/deployment.yaml",
        }));
    }

    [Test]
    public void Sarif_locates_the_template_file_with_the_rendered_line_as_related_location()
    {
        var result = JObject.Parse(CliRun.WithStdin(RenderedText, "-", "--no-simulate", "-f", "sarif").Stdout)["runs"]![0]!["results"]!
            .Single(r => (string?)r["ruleId"] == "KL2001");
        var location = result["locations"]![0]!["physicalLocation"]!;
        var related = result["relatedLocations"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)location["artifactLocation"]!["uri"], Is.EqualTo(Chart + "/templates/deployment.yaml"));
            Assert.That((int)location["region"]!["startLine"]!, Is.EqualTo(1));
            Assert.That((int)location["region"]!["endLine"]!, Is.EqualTo(20), "the whole template");
            Assert.That((string?)related["physicalLocation"]!["artifactLocation"]!["uri"], Is.EqualTo("stdin"));
            Assert.That((int)related["physicalLocation"]!["region"]!["startLine"]!, Is.EqualTo(27));
            Assert.That((int)related["physicalLocation"]!["region"]!["startColumn"]!, Is.EqualTo(5));
            Assert.That((string?)related["message"]!["text"], Is.EqualTo("rendered from shop/templates/deployment.yaml"));
        });
    }

    [Test]
    public void GitHub_annotations_go_on_the_template()
    {
        var lines = CliRun.Of(Rendered, "--no-simulate", "-f", "github").Stdout.Split('\n');

        Assert.That(lines, Has.Some.StartsWith($"::error file={Chart}/templates/deployment.yaml,title=KL2001 selector-template-mismatch::")
            .And.EndsWith($"(rendered at {Rendered}:27:5)"));
    }

    [Test]
    public void A_chart_folder_gives_one_notice_with_the_command_and_its_files_are_not_linted()
    {
        var run = CliRun.Of(Chart, "--quiet");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(run.Stdout, Is.EqualTo(
            $"{Chart}/Chart.yaml:2:1: info KL1016 helm-chart-not-rendered: Helm chart \"shop\" is not rendered, so its templates are not checked; "
            + $"lint what it renders with: helm template shop {Chart} | kubelint -\n"
            + "0 errors, 0 warnings, 1 info (4 files, 0 objects).\n"));
    }

    [Test]
    public void A_template_named_on_its_own_is_not_linted_either()
    {
        var run = CliRun.Of(Chart + "/templates/deployment.yaml", Chart + "/values.yaml");

        Assert.That(run.Stdout, Does.StartWith($"{Chart}/Chart.yaml:2:1: info KL1016 helm-chart-not-rendered: "));
        Assert.That(run.Stdout, Does.Not.Contain("KL1006"));
    }
}
