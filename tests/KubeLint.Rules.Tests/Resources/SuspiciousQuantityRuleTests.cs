using KubeLint.Rules.Resources;

namespace KubeLint.Rules.Tests.Resources;

public class SuspiciousQuantityRuleTests
{
    [Test]
    public void Fires_on_millibytes_tiny_memory_huge_cpu_and_bare_suffixes()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests:
                      memory: 3500m
                      cpu: "500"
                    limits:
                      memory: "512"
                      cpu: m
            """;

        var findings = RuleRunner.Findings(yaml, new SuspiciousQuantityRule());

        Assert.That(
            Testing.Manifests.Summaries(findings),
            Is.EqualTo(new[] { "KL3009@11:19", "KL3009@12:16", "KL3009@14:19", "KL3009@15:16" }));
        Assert.That(findings[0].Message, Does.Contain("3.5 bytes"));
    }

    [TestCase("1e26", "is 100000000000000000000000000 cores")]
    [TestCase("1e100", "is 1e+100 cores")]
    [TestCase("\"9999999999Ei\"", "is 9223372036854775807 cores")]
    [TestCase("1e309", "is 1e+309 cores")]
    public void Reports_cpu_past_any_decimal_range_with_its_exact_value(string cpu, string text)
    {
        var yaml = $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {cpu: {{cpu}}}
            """;

        var findings = RuleRunner.Findings(yaml, new SuspiciousQuantityRule());
        Assert.Multiple(() =>
        {
            Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL3009@10:25" }));
            Assert.That(findings[0].Message, Does.Contain(text));
        });
    }

    [Test]
    public void Does_not_fire_on_ordinary_quantities()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {memory: 4Mi, cpu: 250m}
                    limits: {memory: 1G, cpu: "256", ephemeral-storage: 500m}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new SuspiciousQuantityRule()), Is.Empty);
    }

    [Test]
    public void Thresholds_follow_the_configured_parameters()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: {memory: 32Mi, cpu: "64"}
            """;
        var options = new KubeLint.Analyzer.Engine.AnalysisOptions
        {
            Rules = new Dictionary<string, KubeLint.Analyzer.Engine.RuleSettings>(StringComparer.OrdinalIgnoreCase)
            {
                ["suspicious-quantity"] = new() { Parameters = new Dictionary<string, string> { ["minMemory"] = "64Mi", ["maxCpu"] = "32" } },
            },
        };

        var findings = Testing.Manifests.Lint(yaml, options, new SuspiciousQuantityRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL3009@10:28", "KL3009@10:39" }));
    }
}
