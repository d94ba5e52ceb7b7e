using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>Rollout simulations (reference B1, B2, B3).</summary>
public sealed class RolloutTests
{
    private static string Deployment(int replicas, string strategy, string cpu = "100m", string name = "web")
        => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
        spec:
          replicas: {{replicas}}
          strategy: {{strategy}}
          selector:
            matchLabels: {app: {{name}}}
          template:
            metadata:
              labels: {app: {{name}}}
            spec:
              containers:
                - name: app
                  image: app:1
                  resources:
                    requests: {cpu: "{{cpu}}", memory: 128Mi}

        """;

    [Test]
    public void Rolling_update_trace_keeps_availability_and_surge_bounds()
    {
        // B1 trace (4 replicas, surge 1, unavailable 1): "availability never drops below 3 and there are never more than 5 pods".
        var rollout = Sim.Run(Deployment(4, "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}")).Rollouts.Single();
        Assert.That(rollout.Completes, Is.True);
        Assert.That(rollout.Steps[1], Is.EqualTo(new RolloutStep(4, 1, 4, "scale new ReplicaSet to 1")));
        Assert.That(rollout.Steps[2], Is.EqualTo(new RolloutStep(3, 1, 3, "scale old ReplicaSet to 3")));
        Assert.That(rollout.Steps.Select(s => s.Old + s.New), Is.All.LessThanOrEqualTo(5));
        Assert.That(rollout.Steps.Select(s => s.Available), Is.All.GreaterThanOrEqualTo(3));
        Assert.That(rollout.Steps[^1], Has.Property("Old").EqualTo(0).And.Property("New").EqualTo(4));
    }

    [Test]
    public void Ten_replicas_at_25_percent_surge_3_unavailable_2()
    {
        // B1: "10 replicas at 25% gives surge 3, unavailable 2".
        var rollout = Sim.Run(Deployment(10, "{type: RollingUpdate}")).Rollouts.Single();
        Assert.That(rollout.Steps.Max(s => s.Old + s.New), Is.EqualTo(13));
        Assert.That(rollout.Steps.Min(s => s.Available), Is.EqualTo(8));
        Assert.That(rollout.Completes, Is.True);
    }

    [Test]
    public void Stuck_when_max_unavailable_is_zero_and_no_room_for_a_surge_pod()
    {
        // Issue: "KL5002 rollout-stuck when ... maxUnavailable 0 and no room for a surge pod".
        var yaml = Deployment(3, "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}", cpu: "3500m");
        var findings = Sim.Lint(yaml, Sim.ThreeWorkers);
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5002@7:3" }));
        Assert.That(findings[0].Message, Does.Contain("maxUnavailable resolves to 0").And.Contain("3 Insufficient cpu"));

        // The autoscaled default cluster adds a worker for the surge pod, so there the rollout completes.
        Assert.That(Sim.Summaries(yaml), Is.Empty);
    }

    [Test]
    public void One_replica_at_default_25_percent_surges_without_downtime()
    {
        // B1: "1 replica gives surge 1, unavailable 0".
        var rollout = Sim.Run(Deployment(1, "{type: RollingUpdate}")).Rollouts.Single();
        Assert.That(rollout.Steps.Select(s => s.Available), Is.All.GreaterThanOrEqualTo(1));
        Assert.That(Sim.Summaries(Deployment(1, "{type: RollingUpdate}")), Is.Empty);
    }

    [Test]
    public void Recreate_has_downtime()
    {
        // B1: Recreate "scale every old RS to 0 ... zero availability in between".
        var findings = Sim.Lint(Deployment(3, "{type: Recreate}"));
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5003@7:3" }));
        Assert.That(findings[0].Message, Does.Contain("step 1 (scale old ReplicaSet to 0)"));
    }

    [Test]
    public void Single_replica_with_max_unavailable_1_has_downtime()
    {
        var rollout = Sim.Run(Deployment(1, "{type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}")).Rollouts.Single();
        Assert.That(rollout.DowntimeStep, Is.EqualTo(1));
        Assert.That(rollout.Completes, Is.True);
    }

    [Test]
    public void Baseline_gives_the_real_transition()
    {
        // Issue: --baseline simulates the real change. The new revision needs 1 CPU per pod: alone it rolls out, but
        // from a previous revision of 3.5 CPU pods no worker has room for the surge pod and maxUnavailable is 0.
        const string strategy = "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}";
        var current = Deployment(3, strategy, cpu: "1");
        var baseline = Deployment(3, strategy, cpu: "3500m");
        Assert.That(Sim.Summaries(current), Is.Empty);
        Assert.That(Sim.Summaries(current, Sim.ThreeWorkers, baseline), Is.EqualTo(new[] { "KL5002@7:3" }));

        // The other way round, the new big pods fit next to the small old ones one at a time.
        Assert.That(Sim.Run(Deployment(3, strategy, cpu: "3"), baseline: Deployment(3, strategy, cpu: "1")).Rollouts.Single().Completes, Is.True);
    }

    private const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          replicas: 3
          serviceName: db
          updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
                - name: db
                  image: db:1
        """;

    [Test]
    public void Statefulset_updates_from_the_highest_ordinal_down_to_the_partition()
    {
        // B2: "Pods with ordinal ≥ partition are handled from the highest ordinal down"; below the partition never.
        var rollout = Sim.Run(StatefulSet).Rollouts.Single();
        Assert.That(rollout.Steps.Select(s => s.Action), Is.EqualTo(new[] { "start", "delete db-2", "recreate db-2", "delete db-1", "recreate db-1" }));
        Assert.That(rollout.Steps[^1], Is.EqualTo(new RolloutStep(1, 2, 3, "recreate db-1")));
    }

    [Test]
    public void Single_replica_statefulset_has_downtime()
    {
        var yaml = StatefulSet.Replace("replicas: 3", "replicas: 1").Replace("{partition: 1}", "{partition: 0}");
        Assert.That(Sim.Summaries(yaml), Is.EqualTo(new[] { "KL5003@8:3" }));
    }

    [Test]
    public void Statefulset_on_delete_is_not_reported()
    {
        var yaml = StatefulSet.Replace("{type: RollingUpdate, rollingUpdate: {partition: 1}}", "{type: OnDelete}");
        Assert.That(Sim.Summaries(yaml), Is.Empty);
        Assert.That(Sim.Run(yaml).Rollouts.Single().Reason, Does.StartWith("OnDelete"));
    }

    [Test]
    public void Ordered_ready_statefulset_does_not_create_pods_after_a_pending_one()
    {
        // B2: OrderedReady "pods are created 0→N-1 one at a time. Each waits for its predecessor to be Running and Ready".
        var yaml = StatefulSet.Replace("image: db:1", "image: db:1\n          resources: {requests: {cpu: \"3\"}}").Replace("replicas: 3", "replicas: 5");
        var result = Sim.Run(yaml, Sim.ThreeWorkers);
        Assert.That(Sim.Pod(result, "db-3").Reason, Does.StartWith("0/4 nodes are available"));
        Assert.That(Sim.Pod(result, "db-4").Reason, Is.EqualTo("not created: OrderedReady waits for db-3 to be Running and Ready"));
    }

    private const string DaemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels: {app: agent}
            spec:
              containers:
                - name: agent
                  image: agent:1
                  resources: {requests: {cpu: "100m"}}
        """;

    [Test]
    public void Daemonset_runs_on_every_eligible_node()
    {
        // B3: the controller adds tolerations but not for the control-plane taint; one pod per eligible node.
        var result = Sim.Run(DaemonSet);
        Assert.That(result.Pods.Select(p => p.Node), Is.EqualTo(new[] { "worker-1", "worker-2", "worker-3" }));
        var tolerating = DaemonSet.Replace("      containers:", "      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n      containers:");
        Assert.That(Sim.Run(tolerating).Pods, Has.Count.EqualTo(4));
    }

    [Test]
    public void Daemonset_surge_pod_must_fit_beside_the_old_one()
    {
        // B3: "With surge: start the new pod next to the old one"; it is pinned to that node.
        var yaml = DaemonSet.Replace("cpu: \"100m\"", "cpu: \"3\"");
        Assert.That(Sim.Summaries(yaml), Is.EqualTo(new[] { "KL5002@6:3" }));
        Assert.That(Sim.Summaries(yaml.Replace("{maxSurge: 1, maxUnavailable: 0}", "{maxSurge: 0, maxUnavailable: 1}")), Is.Empty);
    }
}
