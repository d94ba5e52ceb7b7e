using KubeLint.Rules.Probes;

namespace KubeLint.Rules.Tests.Probes;

public class ProbeTimingRuleTests
{
    [Test]
    public void Fires_when_timeout_is_not_below_period_with_defaults_applied()
    {
        // Defaults: timeoutSeconds 1, periodSeconds 10.
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  readinessProbe:
                    tcpSocket: {port: 80}
                    timeoutSeconds: 10
                  livenessProbe:
                    tcpSocket: {port: 80}
                    periodSeconds: 1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new ProbeTimingRule()), Is.EqualTo(new[] { "KL3005@11:25", "KL3005@14:24" }));
    }

    [Test]
    public void Fires_on_a_liveness_or_startup_success_threshold_other_than_1()
    {
        // Liveness and startup probes require successThreshold = 1 ("must be 1").
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
                    tcpSocket: {port: 80}
                    successThreshold: 2
                  startupProbe:
                    tcpSocket: {port: 80}
                    successThreshold: 3
                  readinessProbe:
                    tcpSocket: {port: 80}
                    successThreshold: 2
            """;

        var findings = RuleRunner.Findings(yaml, new ProbeTimingRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL3005@11:27", "KL3005@14:27" }));
        Assert.That(findings[0].Message, Does.StartWith("livenessProbe.successThreshold: Invalid value: 2: must be 1"));
    }

    [Test]
    public void Fires_when_liveness_kills_before_readiness_starts_without_a_startup_probe()
    {
        // Defaults failureThreshold 3 and periodSeconds 10: the liveness probe restarts after 5 + 30 = 35s < 60s.
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
                    tcpSocket: {port: 80}
                    initialDelaySeconds: 5
                  readinessProbe:
                    tcpSocket: {port: 80}
                    initialDelaySeconds: 60
            """;

        Assert.That(RuleRunner.Summaries(yaml, new ProbeTimingRule()), Is.EqualTo(new[] { "KL3005@11:30" }));
    }

    [Test]
    public void Does_not_fire_for_consistent_timings_or_when_a_startup_probe_covers_the_start()
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
                    tcpSocket: {port: 80}
                    timeoutSeconds: 5
                    periodSeconds: 10
                    successThreshold: 1
                  readinessProbe:
                    tcpSocket: {port: 80}
                    initialDelaySeconds: 60
                    successThreshold: 3
                  startupProbe:
                    tcpSocket: {port: 80}
                    failureThreshold: 30
            """;

        Assert.That(RuleRunner.Summaries(yaml, new ProbeTimingRule()), Is.Empty);
    }
}
