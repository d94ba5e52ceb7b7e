using KubeLint.Analyzer.Configuration;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Tests.Configuration;

public sealed class LintConfigurationTests
{
    private static readonly RuleDescriptor[] Catalog =
    [
        new("KL2002", "service-selects-nothing", Severity.Warning, "Selectors and references", "t", "d", "r"),
        new("KL3002", "missing-liveness-probe", Severity.Warning, "Probes and resources", "t", "d", "r"),
    ];

    [Test]
    public void Full_configuration_is_read()
    {
        var config = LintConfiguration.Parse(".kubelint.yaml", """
            rules:
              KL3002:
                enabled: true
                severity: error
                parameters: { minPeriodSeconds: 5, mode: strict, strictMode: yes }
              service-selects-nothing: off
              kl2001: warning
            ignorePaths:
              - vendor/
              - "**/*.generated.yaml"
            """);

        Assert.Multiple(() =>
        {
            Assert.That(config.Rules["KL3002"].Enabled, Is.True);
            Assert.That(config.Rules["KL3002"].Severity, Is.EqualTo(Severity.Error));
            Assert.That(config.Rules["KL3002"].Parameters, Is.EqualTo(new Dictionary<string, string> { ["minPeriodSeconds"] = "5", ["mode"] = "strict", ["strictMode"] = "yes" }));
            Assert.That(config.Rules["service-selects-nothing"].Enabled, Is.False);
            Assert.That(config.Rules["KL2001"].Severity, Is.EqualTo(Severity.Warning));
            Assert.That(config.Rules["KL2001"].Enabled, Is.True);
            Assert.That(config.IgnorePaths, Is.EqualTo(new[] { "vendor/", "**/*.generated.yaml" }));
        });
    }

    [Test]
    public void Empty_file_is_an_empty_configuration()
    {
        var config = LintConfiguration.Parse(".kubelint.yaml", "# nothing configured yet\n");

        Assert.That(config.Rules, Is.Empty);
        Assert.That(config.IgnorePaths, Is.Empty);
    }

    [Test]
    public void With_a_catalog_names_become_ids_and_unknown_rules_are_errors()
    {
        var config = LintConfiguration.Parse(".kubelint.yaml", "rules:\n  service-selects-nothing: off\n  kl3002: info\n", Catalog);
        Assert.That(config.Rules.Keys, Is.EquivalentTo(new[] { "KL2002", "KL3002" }));

        var ex = Assert.Throws<ConfigurationException>(() => LintConfiguration.Parse(".kubelint.yaml", "rules:\n  service-selects: off\n", Catalog));
        Assert.That(ex!.Message, Is.EqualTo(".kubelint.yaml:2:3: unknown rule 'service-selects'; did you mean 'service-selects-nothing'?"));
    }

    [TestCase("colors: true\n", "1:1", "unknown key 'colors'; expected one of: ignorePaths, rules, validation")]
    [TestCase("rules: [KL2001]\n", "1:8", "'rules' must be a mapping of rule ids or names to settings, got array")]
    [TestCase("rules:\n  KL2001: fatal\n", "2:11", "unknown severity \"fatal\" for rule 'KL2001'; expected error, warning or info")]
    [TestCase("rules:\n  KL2001:\n    severity: 2\n", "3:15", "'severity' of rule 'KL2001' must be error, warning or info, got integer 2")]
    [TestCase("rules:\n  KL2001:\n    enabled: maybe\n", "3:14", "'enabled' of rule 'KL2001' must be true or false, got string \"maybe\"")]
    [TestCase("rules:\n  KL2001:\n    level: error\n", "3:5", "unknown key 'level'; expected one of: enabled, parameters, severity")]
    [TestCase("rules:\n  KL2001:\n    parameters: { names: [a, b] }\n", "3:26", "parameter 'names' of rule 'KL2001' must be a string, number or boolean, got array")]
    [TestCase("rules:\n  KL2001:\n", "2:10", "rule 'KL2001' must be on, off, a severity (error, warning, info) or a mapping, got null")]
    [TestCase("rules:\n  Selector Mismatch: off\n", "2:3", "'Selector Mismatch' is not a rule id (KL followed by four digits) or a kebab-case rule name")]
    [TestCase("rules:\n  KL2002: off\n  kl2002: on\n", "3:3", "rule 'kl2002' is configured twice (also at 2:3)")]
    [TestCase("ignorePaths: vendor\n", "1:14", "'ignorePaths' must be a list of glob patterns, got string")]
    [TestCase("ignorePaths: [vendor, 3]\n", "1:23", "each entry of 'ignorePaths' must be a non-empty string, got integer 3")]
    [TestCase("- rules\n", "1:1", "the configuration must be a mapping, got array")]
    [TestCase("rules: {}\n---\nrules: {}\n", "3:1", "a configuration file must contain a single YAML document")]
    [TestCase("rules:\n  KL2001: off\n  KL2001: on\n", "3:3", null)]
    [TestCase("rules: {KL2001: [}\n", "1:18", null)]
    public void Bad_configuration_is_an_error_with_line_and_column(string text, string position, string? detail)
    {
        var ex = Assert.Throws<ConfigurationException>(() => LintConfiguration.Parse("cfg.yaml", text));

        Assert.That(ex!.Location?.Span.Start.ToString(), Is.EqualTo(position));
        Assert.That(ex.Message, Does.StartWith("cfg.yaml:" + position + ": "));
        if (detail is not null)
        {
            Assert.That(ex.Detail, Is.EqualTo(detail));
        }
    }

    [Test]
    public void Unreadable_file_is_an_error_without_location()
    {
        var missing = Path.Combine(Path.GetTempPath(), "kubelint-missing-" + Guid.NewGuid().ToString("N"), ".kubelint.yaml");

        var ex = Assert.Throws<ConfigurationException>(() => LintConfiguration.Load(missing));

        Assert.That(ex!.Location, Is.Null);
        Assert.That(ex.Message, Does.StartWith("cannot read configuration file"));
    }

    [Test]
    public void Discover_finds_the_nearest_file_in_the_directory_or_its_parents()
    {
        var root = Directory.CreateTempSubdirectory("kubelint-config-").FullName;
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root, "apps", "web")).FullName;
            File.WriteAllText(Path.Combine(root, ".kubelint.yaml"), "rules: {}\n");
            File.WriteAllText(Path.Combine(root, "apps", ".kubelint.yml"), "rules: {}\n");

            Assert.Multiple(() =>
            {
                Assert.That(LintConfiguration.Discover(nested), Is.EqualTo(Path.Combine(root, "apps", ".kubelint.yml")));
                Assert.That(LintConfiguration.Discover(root), Is.EqualTo(Path.Combine(root, ".kubelint.yaml")));
                Assert.That(LintConfiguration.Load(LintConfiguration.Discover(nested)!).Rules, Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestCase("vendor/", "vendor/chart/a.yaml", true)]
    [TestCase("vendor", "apps/vendor/a.yaml", true)]
    [TestCase("/vendor", "apps/vendor/a.yaml", false)]
    [TestCase("apps/*.yaml", "apps/a.yaml", true)]
    [TestCase("apps/*.yaml", "apps/web/a.yaml", false)]
    [TestCase("apps/**/*.yaml", "apps/web/deep/a.yaml", true)]
    [TestCase("**/*.generated.yaml", "a.generated.yaml", true)]
    [TestCase("*.json", "apps/web/a.json", true)]
    [TestCase("test?.yaml", "test1.yaml", true)]
    [TestCase("test?.yaml", "test10.yaml", false)]
    public void Ignore_paths_are_globs_relative_to_the_configuration_folder(string glob, string path, bool ignored)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kubelint-ignore");
        var config = LintConfiguration.Parse(Path.Combine(folder, ".kubelint.yaml"), $"ignorePaths: ['{glob}']\n");

        Assert.That(config.IsIgnored(Path.Combine(folder, path)), Is.EqualTo(ignored));
    }

    [Test]
    public void Standard_input_is_never_ignored()
    {
        var config = LintConfiguration.Parse(".kubelint.yaml", "ignorePaths: ['*']\n");

        Assert.That(config.IsIgnored("-"), Is.False);
    }

    [Test]
    public void Command_line_settings_win_over_the_file_field_by_field()
    {
        var config = LintConfiguration.Parse(".kubelint.yaml", """
            rules:
              KL3002: { severity: error, parameters: { minPeriodSeconds: 5 } }
              KL2002: off
            """, Catalog);
        var fromCommandLine = new AnalysisOptions
        {
            Strict = false,
            KubernetesVersion = "1.33",
            ReportUnusedSuppressions = true,
            Rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase)
            {
                ["missing-liveness-probe"] = new() { Severity = Severity.Info },
            },
        };

        var options = config.ApplyTo(fromCommandLine);

        Assert.Multiple(() =>
        {
            Assert.That(options.SeverityOf(Catalog[1]), Is.EqualTo(Severity.Info));
            Assert.That(options.Parameter(Catalog[1], "minPeriodSeconds"), Is.EqualTo("5"));
            Assert.That(options.IsEnabled(Catalog[0]), Is.False);
            Assert.That(options.Strict, Is.False);
            Assert.That(options.KubernetesVersion, Is.EqualTo("1.33"));
            Assert.That(options.ReportUnusedSuppressions, Is.True);
        });
    }
}
