using KubeLint.Rules.Resources;

namespace KubeLint.Rules.Tests.Resources;

public class MissingRequestsRuleTests
{
    [Test]
    public void Fires_at_the_most_specific_node_for_app_init_and_sidecar_containers()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
                - name: setup
                  image: setup:1
                - name: proxy
                  image: proxy:1
                  restartPolicy: Always
                  resources: {}
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests:
                      cpu: 100m
            """;

        var findings = RuleRunner.Findings(yaml, new MissingRequestsRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL3006@7:7", "KL3006@12:7", "KL3006@17:9" }));
        Assert.That(findings[2].Message, Is.EqualTo("container \"web\" has no memory request."));
    }

    [Test]
    public void Does_not_fire_when_requests_are_set_or_default_to_limits()
    {
        // A limit without a request makes the request default to the limit.
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
                      cpu: 100m
                    limits:
                      memory: 128Mi
            """;

        Assert.That(RuleRunner.Summaries(yaml, new MissingRequestsRule()), Is.Empty);
    }
}
