using KubeLint.Rules.Workloads;

namespace KubeLint.Rules.Tests.Workloads;

public class InvalidStrategyRuleTests
{
    [Test]
    public void Fires_on_deployment_strategy_errors()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: a
            spec:
              strategy:
                type: Rolling
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: b
            spec:
              strategy:
                type: Recreate
                rollingUpdate:
                  maxSurge: 1
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: c
            spec:
              minReadySeconds: 30
              progressDeadlineSeconds: 30
              strategy:
                rollingUpdate:
                  maxSurge: 25
                  maxUnavailable: 120%
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              strategy:
                rollingUpdate:
                  maxSurge: "1"
                  maxUnavailable: -1
            """;

        var findings = RuleRunner.Findings(yaml, new InvalidStrategyRule());

        Assert.That(
            Testing.Manifests.Summaries(findings),
            Is.EqualTo(new[] { "KL4002@7:11", "KL4002@16:5", "KL4002@25:28", "KL4002@29:23", "KL4002@38:17", "KL4002@39:23" }));
        Assert.That(findings[0].Message, Is.EqualTo("spec.strategy.type: Unsupported value: \"Rolling\": supported values: \"Recreate\", \"RollingUpdate\""));
        Assert.That(findings[1].Message, Does.EndWith("may not be specified when strategy `type` is 'Recreate'"));
        Assert.That(findings[3].Message, Does.EndWith("must not be greater than 100%"));
        Assert.That(findings[4].Message, Does.EndWith("a valid percent string must be a numeric string followed by an ending '%'"));
    }

    [Test]
    public void Fires_on_stateful_set_and_daemon_set_strategy_errors()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              replicas: 3
              updateStrategy:
                rollingUpdate:
                  partition: 5
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              updateStrategy:
                type: OnDelete
                rollingUpdate: {maxUnavailable: 1}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent2
            spec:
              updateStrategy:
                type: Recreate
            """;

        Assert.That(
            RuleRunner.Summaries(yaml, new InvalidStrategyRule()),
            Is.EqualTo(new[] { "KL4002@9:18", "KL4002@18:5", "KL4002@26:11" }));
    }

    [Test]
    public void Does_not_fire_on_valid_strategies()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: a
            spec:
              progressDeadlineSeconds: 600
              strategy:
                type: RollingUpdate
                rollingUpdate: {maxSurge: 1, maxUnavailable: 100%}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: b
            spec:
              strategy:
                type: Recreate
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              replicas: 3
              updateStrategy:
                type: RollingUpdate
                rollingUpdate: {partition: 3}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              updateStrategy:
                type: RollingUpdate
                rollingUpdate: {maxSurge: 10%, maxUnavailable: 0}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new InvalidStrategyRule()), Is.Empty);
    }
}
