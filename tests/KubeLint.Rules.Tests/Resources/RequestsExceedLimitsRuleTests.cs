using KubeLint.Rules.Resources;

namespace KubeLint.Rules.Tests.Resources;

public class RequestsExceedLimitsRuleTests
{
    [Test]
    public void Fires_at_the_request_compared_as_quantities_including_init_containers()
    {
        // Validation text: "must be less than or equal to cpu limit of 1".
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
                - name: setup
                  image: setup:1
                  resources:
                    requests: {memory: 1Gi}
                    limits: {memory: 1000Mi}
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests:
                      cpu: "2"
                    limits:
                      cpu: 1
            """;

        var findings = RuleRunner.Findings(yaml, new RequestsExceedLimitsRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL3008@10:28", "KL3008@17:16" }));
        Assert.That(findings[1].Message, Does.EndWith("Invalid value: \"2\": must be less than or equal to cpu limit of 1"));
    }

    [Test]
    public void Does_not_fire_for_equal_quantities_in_different_units()
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
                    requests: {cpu: 1000m, memory: 1Gi}
                    limits: {cpu: 1, memory: 1024Mi}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new RequestsExceedLimitsRule()), Is.Empty);
    }
}
