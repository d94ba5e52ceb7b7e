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
}
