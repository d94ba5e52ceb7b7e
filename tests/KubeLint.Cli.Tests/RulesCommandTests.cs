using KubeLint.Analyzer.Loading;
using KubeLint.Testing;

namespace KubeLint.Cli.Tests;

public sealed class RulesCommandTests
{
    [Test]
    public void Rules_lists_every_catalog_rule_with_name_severity_and_description()
    {
        var run = CliRun.Of("rules");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        foreach (var rule in RuleCatalog.All)
        {
            Assert.That(run.Stdout, Does.Contain(rule.Id + "  " + rule.Name));
            Assert.That(run.Stdout, Does.Contain(rule.Title));
        }
    }

    [Test]
    public void Catalog_contains_the_input_rules_and_unique_ids_in_order()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.That(ids, Is.SupersetOf(InputRules.All.Select(r => r.Id)));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void Rules_md_is_up_to_date()
    {
        var path = Path.Combine(SharedPaths.RepositoryRoot, "rules.md");
        var markdown = CliRun.Of("rules", "--format", "markdown").Stdout;
        if (Environment.GetEnvironmentVariable("KUBELINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, markdown);
        }

        Assert.That(File.ReadAllText(path), Is.EqualTo(markdown),
            "rules.md is stale: run 'dotnet run --project src/Cli -- rules --format markdown > rules.md'");
    }

    [Test]
    public void Rules_md_has_a_section_for_each_help_link()
    {
        var markdown = CliRun.Of("rules", "--format", "markdown").Stdout;
        foreach (var rule in RuleCatalog.All)
        {
            // GitHub derives the anchor in HelpUri from this heading.
            Assert.That(markdown, Does.Contain($"\n## {rule.Id} {rule.Name}\n"));
            Assert.That(rule.HelpUri, Does.EndWith($"#{rule.Id.ToLowerInvariant()}-{rule.Name}"));
        }
    }
}
