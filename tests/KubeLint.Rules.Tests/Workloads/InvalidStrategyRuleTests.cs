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
        Assert.That(findings[0].Message, Is.EqualTo("spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"Rolling\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\""));
        Assert.That(findings[2].Message, Is.EqualTo("spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds"));
        Assert.That(findings[1].Message, Does.EndWith("may not be specified when strategy `type` is 'Recreate'"));
        Assert.That(findings[3].Message, Does.EndWith("must not be greater than 100%"));
        Assert.That(findings[4].Message, Does.StartWith("spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"1\"}: a valid percent string must be a numeric string followed by an ending '%'"));
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
              updateStrategy:
                type: OnDelete
                rollingUpdate:
                  partition: 2
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: cache
            spec:
              updateStrategy:
                rollingUpdate: {partition: -1}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              updateStrategy:
                rollingUpdate: {maxUnavailable: 1, maxSurge: 1}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent2
            spec:
              updateStrategy:
                type: Recreate
            """;

        var findings = RuleRunner.Findings(yaml, new InvalidStrategyRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL4002@8:5", "KL4002@17:32", "KL4002@25:50", "KL4002@33:11" }));
        Assert.That(findings[0].Message, Is.EqualTo("spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:2, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'"));
        Assert.That(findings[2].Message, Is.EqualTo("spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero"));
    }

    [Test]
    public void A_default_progress_deadline_of_600_must_exceed_min_ready_seconds()
        => Assert.That(
            RuleRunner.Summaries("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: slow\nspec:\n  minReadySeconds: 600\n", new InvalidStrategyRule()),
            Is.EqualTo(new[] { "KL4002@6:20" }));

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
            ---
            # The API server accepts a partition above the replica count (it pauses the rollout) and ignores a
            # DaemonSet's rollingUpdate block when the type is OnDelete.
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: paused
            spec:
              replicas: 1
              updateStrategy:
                rollingUpdate: {partition: 100}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: ondelete
            spec:
              updateStrategy:
                type: OnDelete
                rollingUpdate: {maxUnavailable: 1}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new InvalidStrategyRule()), Is.Empty);
    }
}
