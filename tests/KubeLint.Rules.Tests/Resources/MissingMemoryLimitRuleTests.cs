using KubeLint.Rules.Resources;

namespace KubeLint.Rules.Tests.Resources;

public class MissingMemoryLimitRuleTests
{
    [Test]
    public void Fires_at_limits_resources_or_name()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: a
                  image: a:1
                - name: b
                  image: b:1
                  resources:
                    requests: {memory: 64Mi}
                - name: c
                  image: c:1
                  resources:
                    limits: {cpu: "1"}
            """;

        Assert.That(
            RuleRunner.Summaries(yaml, new MissingMemoryLimitRule()),
            Is.EqualTo(new[] { "KL3007@7:7", "KL3007@11:7", "KL3007@16:9" }));
    }

    [Test]
    public void Does_not_fire_with_a_memory_limit()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: a
                  image: a:1
                  resources:
                    limits: {memory: 64Mi}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new MissingMemoryLimitRule()), Is.Empty);
    }
}
