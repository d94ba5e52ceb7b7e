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
        Assert.That(findings[0].Message, Is.EqualTo("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0"));
    }

    [Test]
    public void Fires_on_zero_percent_strings()
        => Assert.That(
            RuleRunner.Findings(Deployment(3, "{maxSurge: 0%, maxUnavailable: 0%}"), new RollingUpdateZeroZeroRule())[0].Message,
            Does.Contain("intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}"));

    // The API server only rejects literal zeros: percentages that round to zero (0% surge with the default 25%
    // unavailable of 3 replicas, 10% of 5) are accepted, and the controller then uses maxUnavailable 1.
    [TestCase(3, "{maxSurge: 0%}")]
    [TestCase(5, "{maxSurge: 0, maxUnavailable: 10%}")]
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
