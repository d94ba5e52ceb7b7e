using KubeLint.Rules.Probes;

namespace KubeLint.Rules.Tests.Probes;

public class IdenticalLivenessReadinessRuleTests
{
    [Test]
    public void Fires_at_the_liveness_key_when_both_probes_are_the_same_even_with_keys_reordered()
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
                  livenessProbe:
                    httpGet: {path: /healthz, port: 80}
                    periodSeconds: 5
                  readinessProbe:
                    periodSeconds: 5
                    httpGet: {port: 80, path: /healthz}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new IdenticalLivenessReadinessRule()), Is.EqualTo(new[] { "KL3003@9:7" }));
    }

    [Test]
    public void Does_not_fire_when_the_probes_differ()
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
                  livenessProbe:
                    httpGet: {path: /healthz, port: 80}
                    failureThreshold: 6
                  readinessProbe:
                    httpGet: {path: /healthz, port: 80}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new IdenticalLivenessReadinessRule()), Is.Empty);
    }
}
