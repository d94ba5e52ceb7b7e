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

    [TestCase("KL3009")]
    [TestCase("kl3009")]
    [TestCase("suspicious-quantity")]
    public void Rules_with_an_id_or_name_prints_the_full_documentation(string rule)
    {
        var run = CliRun.Of("rules", rule);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Stderr);
        Assert.That(run.Stdout, Does.StartWith("KL3009 suspicious-quantity\nResource quantities should be plausible.\n"));
        Assert.That(run.Stdout, Does.Contain("Default severity: warning\n"));
        Assert.That(run.Stdout, Does.Contain("Why it matters:\n  Flags quantities"));
        Assert.That(run.Stdout, Does.Contain("How to fix:\n  Write memory"));
        Assert.That(run.Stdout, Does.Contain("  minMemory  default 4Mi: ").And.Contain("  maxCpu     default 256: "));
        Assert.That(run.Stdout, Does.Contain("Bad:\n    apiVersion: v1\n"));
        Assert.That(run.Stdout, Does.Contain("  kubelint reports:\n    example.yaml:14:39: warning KL3009 suspicious-quantity: "));
        Assert.That(run.Stdout, Does.Contain("Good:\n    apiVersion: v1\n"));
        Assert.That(run.Stdout, Does.EndWith("More: https://github.com/kubelint/kubelint/blob/main/rules.md#kl3009-suspicious-quantity\n"));
    }

    [Test]
    public void Every_rule_has_its_documentation_page()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var run = CliRun.Of("rules", rule.Name);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), rule.Id + run.Stderr);
            Assert.That(run.Stdout, Does.StartWith($"{rule.Id} {rule.Name}\n{rule.Title}\n").And.Contain(rule.Remediation));
        }
    }

    [Test]
    public void Rules_with_an_unknown_rule_is_a_usage_error_naming_the_nearest()
    {
        var run = CliRun.Of("rules", "service-selects-nothin");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Stderr, Is.EqualTo("kubelint: unknown rule 'service-selects-nothin'; did you mean 'service-selects-nothing'?\n"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void Rules_md_shows_the_examples_and_what_kubelint_reports_on_them()
    {
        var markdown = CliRun.Of("rules", "--format", "markdown").Stdout;
        var section = markdown[markdown.IndexOf("\n## KL1002 duplicate-key\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        Assert.That(section, Does.Contain("**Bad:**\n\n```yaml\napiVersion: v1\nkind: ConfigMap\n"));
        Assert.That(section, Does.Contain("kubelint reports:\n\n```text\nexample.yaml:7:3: error KL1002 duplicate-key: duplicate key \"mode\""));
        Assert.That(section, Does.Contain("**Good:**\n\n```yaml\n"));
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
