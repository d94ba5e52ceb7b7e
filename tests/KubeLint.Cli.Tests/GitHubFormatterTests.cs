using KubeLint.Cli.Output;

namespace KubeLint.Cli.Tests;

public sealed class GitHubFormatterTests
{
    [Test]
    public void Message_data_escapes_percent_and_line_breaks()
        => Assert.That(GitHubFormatter.EscapeData("100% sure\r\nnext"), Is.EqualTo("100%25 sure%0D%0Anext"));

    [Test]
    public void Property_values_also_escape_colon_and_comma()
        => Assert.That(GitHubFormatter.EscapeProperty("a:b,c%"), Is.EqualTo("a%3Ab%2Cc%25"));

    [Test]
    public void Annotation_has_file_positions_and_title()
    {
        var run = CliRun.Of(RepositoryRootSetUp.Inputs + "/app.yaml", "-f", "github", "--no-simulate");
        Assert.That(run.Stdout, Does.Contain(
            "::error file=tests/KubeLint.Cli.Tests/Inputs/app.yaml,line=14,col=3,endLine=14,endColumn=7,title=KL1002 duplicate-key::"));
    }
}
