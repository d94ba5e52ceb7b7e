using KubeLint.Rules.Workloads;

namespace KubeLint.Rules.Tests.Workloads;

public class RollingUpdateZeroZeroRuleTests
{
    private static string Deployment(int replicas, string rollingUpdate) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: {{replicas}}
          strategy:
            rollingUpdate: {{rollingUpdate}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """;

    [Test]
    public void Fires_on_literal_zeros_with_the_validation_text()
    {
        var findings = RuleRunner.Findings(Deployment(3, "{maxSurge: 0, maxUnavailable: 0}"), new RollingUpdateZeroZeroRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL4001@8:50" }));
        Assert.That(findings[0].Message, Does.EndWith("Invalid value: 0: may not be 0 when `maxSurge` is 0"));
    }

    // maxSurge rounds up and maxUnavailable rounds down (GetScaledValueFromIntOrPercent): 0% of 3 is 0, 25% of 3 is 0.75 → 0.
    [TestCase(3, "{maxSurge: 0%}", "KL4001@8:31")]
    [TestCase(5, "{maxSurge: 0, maxUnavailable: 10%}", "KL4001@8:50")]
    public void Fires_when_percentages_round_to_zero(int replicas, string rollingUpdate, string expected)
        => Assert.That(RuleRunner.Summaries(Deployment(replicas, rollingUpdate), new RollingUpdateZeroZeroRule()), Is.EqualTo(new[] { expected }));

    // 10 replicas at 25%: surge 3, unavailable 2; 1% surge of 1 replica rounds up to 1.
    [TestCase(10, "{maxSurge: 0, maxUnavailable: 25%}")]
    [TestCase(1, "{maxSurge: 1%, maxUnavailable: 0}")]
    [TestCase(1, "{}")]
    [TestCase(0, "{maxSurge: 0%, maxUnavailable: 10%}")]
    public void Does_not_fire_when_the_rollout_can_progress(int replicas, string rollingUpdate)
        => Assert.That(RuleRunner.Summaries(Deployment(replicas, rollingUpdate), new RollingUpdateZeroZeroRule()), Is.Empty);

    [Test]
    public void Fires_on_a_daemon_set_with_max_unavailable_zero_and_default_surge()
    {
        // DaemonSet defaults: maxUnavailable 1, maxSurge 0; literal 0/0 is rejected by validation.
        const string yaml = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              updateStrategy:
                rollingUpdate:
                  maxUnavailable: 0
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  containers:
                    - name: agent
                      image: agent:1
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: surge
            spec:
              updateStrategy:
                rollingUpdate: {maxUnavailable: 0, maxSurge: 1%}
              selector:
                matchLabels: {app: surge}
              template:
                metadata:
                  labels: {app: surge}
                spec:
                  containers:
                    - name: surge
                      image: agent:1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new RollingUpdateZeroZeroRule()), Is.EqualTo(new[] { "KL4001@8:23" }));
    }
}
