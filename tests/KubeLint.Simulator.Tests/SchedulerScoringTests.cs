using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;
using KubeLint.Simulator.Volumes;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Scheduling;

namespace KubeLint.Simulator.Tests;

/// <summary>Requests, scores, ties, sampling and queue order (reference A2, A3, A6, A7, A9).</summary>
public sealed class SchedulerScoringTests
{
    private static string Deployment(string name, int replicas, string cpu = "1", string memory = "1Gi", string extraSpec = "", string labels = "{app: NAME}")
        => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: {{name}}}
          template:
            metadata:
              labels: {{labels.Replace("NAME", name)}}
            spec:
        {{extraSpec}}
              containers:
                - name: app
                  image: app:1
                  resources:
                    requests: {cpu: "{{cpu}}", memory: {{memory}}}
        ---

        """;

    [Test]
    public void Init_and_sidecar_containers_follow_pod_requests()
    {
        // A2 upstream example: init 2CPU/1G and 2CPU/3G; apps 2/1G and 1/1G gives 3 CPU, 3G.
        var spec = Sim.Objects("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
                - {name: i1, image: x, resources: {requests: {cpu: "2", memory: 1G}}}
                - {name: i2, image: x, resources: {requests: {cpu: "2", memory: 3G}}}
              containers:
                - {name: a1, image: x, resources: {requests: {cpu: "2", memory: 1G}}}
                - {name: a2, image: x, resources: {requests: {cpu: "1", memory: 1G}}}
            """)[0].Spec!;
        var (requests, _) = PodSpecReader.PodRequests(spec, null);
        Assert.That((requests.MilliCpu, requests.Memory), Is.EqualTo((3000L, 3_000_000_000L)));
    }

    [Test]
    public void Sidecars_add_to_the_app_sum_and_regular_init_containers_after_them()
    {
        // A2: a sidecar adds to the app sum; a regular init container needs its own request plus the sidecars before it;
        // pod = max(app sum, initMax) + overhead.
        var spec = Sim.Objects("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              overhead: {cpu: 250m}
              initContainers:
                - {name: side, image: x, restartPolicy: Always, resources: {requests: {cpu: "1"}}}
                - {name: init, image: x, resources: {requests: {cpu: "3"}}}
              containers:
                - {name: app, image: x, resources: {requests: {cpu: "1"}}}
            """)[0].Spec!;
        var (requests, nonZero) = PodSpecReader.PodRequests(spec, null);
        Assert.That(requests.MilliCpu, Is.EqualTo(4250));

        // A3: no memory key counts as 200Mi per container for scoring (init max: 2 × 200Mi for sidecar + init).
        Assert.That(nonZero.Memory, Is.EqualTo(2 * PodSpecReader.DefaultMemoryRequest));
    }

    [Test]
    public void Least_allocated_worked_oracle_is_62_and_balanced_100()
    {
        // A3 worked oracle: node 4000m/8Gi with 1000m/2Gi requested, pod 500m/1Gi → LeastAllocated 62, Balanced 100.
        Assert.That(Scheduling.Plugins.NodeResourcesFit.LeastRequested(1500, 4000), Is.EqualTo(62));
        Assert.That(Scheduling.Plugins.NodeResourcesFit.LeastRequested(3L << 30, 8L << 30), Is.EqualTo(62));
        Assert.That(Scheduling.Plugins.NodeResourcesBalancedAllocation.BalancedScore(1500.0 / 4000, 3.0 / 8, 2), Is.EqualTo(100));
        Assert.That(Scheduling.Plugins.NodeResourcesBalancedAllocation.BalancedScore(0.5, 0.1, 2), Is.EqualTo(80));
    }

    [Test]
    public void Least_allocated_prefers_the_emptier_node()
    {
        var cluster = Sim.Node("a-busy") + Sim.Node("b-idle");
        var yaml = Deployment("first", 1, cpu: "3", extraSpec: "      nodeName: a-busy") + Deployment("second", 1);
        var result = Sim.Run(yaml, cluster);
        Assert.That(result.Pods.Single(p => p.Workload == "Deployment/second").Node, Is.EqualTo("b-idle"));
    }

    [Test]
    public void Ties_go_to_the_smallest_node_name_and_the_tie_set_is_reported()
    {
        // A9: "Break ties by node name using ordinal comparison. Report the tie set."
        var pod = Sim.Run(Deployment("web", 1)).Pods[0];
        Assert.That(pod.Node, Is.EqualTo("worker-1"));
        Assert.That(pod.Ties, Is.EqualTo(new[] { "worker-1", "worker-2", "worker-3" }));
        Assert.That(pod.TieCount, Is.EqualTo(3));
    }

    [Test]
    public void Replicas_spread_by_least_allocated()
    {
        var result = Sim.Run(Deployment("web", 3));
        Assert.That(result.Pods.Select(p => p.Node), Is.EquivalentTo(new[] { "worker-1", "worker-2", "worker-3" }));
    }

    [Test]
    public void Prefer_no_schedule_taint_lowers_the_score()
    {
        // A3: TaintToleration score counts intolerable PreferNoSchedule taints, normalised in reverse (weight 3).
        var cluster = Sim.Node("a-soft", extraSpec: "  taints: [{key: spot, effect: PreferNoSchedule}]") + Sim.Node("b-plain");
        Assert.That(Sim.Run(Deployment("web", 1), cluster).Pods[0].Node, Is.EqualTo("b-plain"));
    }

    [Test]
    public void Preferred_node_affinity_wins()
    {
        // A3: NodeAffinity score is the sum of matching preferred weights, normalised 100·s/max (weight 2).
        var extra = "      affinity:\n        nodeAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 10\n              preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [c]}]}";
        Assert.That(Sim.Run(Deployment("web", 1, extraSpec: extra)).Pods[0].Node, Is.EqualTo("worker-3"));
    }

    [Test]
    public void Queue_orders_by_priority_before_creation_order()
    {
        // A9: "Queue: priority descending, then creation sequence, then namespace/name."
        const string classes = """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000
            ---

            """;
        var yaml = classes + Deployment("low", 1, cpu: "3") + Deployment("high", 1, cpu: "3", extraSpec: "      priorityClassName: high");
        var result = Sim.Run(yaml, Sim.Node("n1"));
        Assert.That(result.Pods.Single(p => p.Workload == "Deployment/high").Node, Is.EqualTo("n1"));
        Assert.That(result.Pods.Single(p => p.Workload == "Deployment/low").Reason, Does.Contain("1 Insufficient cpu"));
    }

    [Test]
    public void Higher_priority_pod_preempts_a_running_lower_priority_pod()
    {
        // A8: resource failures with lower-priority victims are resolvable by DefaultPreemption.
        var cluster = Sim.Node("n1") + """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: batch, namespace: default}
            spec:
              nodeName: n1
              containers: [{name: c, image: x, resources: {requests: {cpu: "3"}}}]
            """;
        var result = Sim.Run(Deployment("web", 1, cpu: "3", extraSpec: "      priorityClassName: high"), cluster);
        Assert.That(result.Pods[0].Node, Is.EqualTo("n1"));
    }

    [TestCase(50, 50)]
    [TestCase(100, 100)]
    [TestCase(1000, 420)]
    [TestCase(5000, 500)]
    [TestCase(10000, 500)]
    public void Node_sampling_follows_percentage_of_nodes_to_score(int nodes, int expected)
    {
        // A9 / numFeasibleNodesToFind: under 100 nodes all; else max(5, 50 - nodes/125) percent, at least 100.
        Assert.That(Scheduler.NumFeasibleNodesToFind(nodes), Is.EqualTo(expected));
    }

    [Test]
    public void Topology_spread_do_not_schedule_rejects_skew()
    {
        // A6: matchNum + selfMatch - globalMin ≤ maxSkew, per DoNotSchedule constraint.
        var cluster = Sim.Node("n1", zone: "a") + Sim.Node("n2", zone: "b", extraSpec: "  unschedulable: true");
        var extra = "      topologySpreadConstraints:\n        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}";
        var result = Sim.Run(Deployment("web", 2, extraSpec: extra), cluster);
        Assert.That(result.Pods[0].Node, Is.EqualTo("n1"));
        Assert.That(result.Pods[1].Reason, Is.EqualTo(
            "0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."));
    }

    [Test]
    public void Topology_spread_node_without_the_key_is_missing_required_label()
    {
        // A1: suffix " (missing required label)" when the node lacks the topologyKey.
        var extra = "      topologySpreadConstraints:\n        - {maxSkew: 1, topologyKey: rack, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}";
        var result = Sim.Run(Deployment("web", 1, extraSpec: extra));
        Assert.That(result.Pods[0].Reason, Does.StartWith("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod topology spread constraints (missing required label)."));
    }

    [Test]
    public void Topology_spread_balances_zones()
    {
        var extra = "      topologySpreadConstraints:\n        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}";
        var result = Sim.Run(Deployment("web", 6, cpu: "100m", extraSpec: extra));
        Assert.That(result.Pods.GroupBy(p => p.Node).Select(g => g.Count()), Is.All.EqualTo(2));
    }

    [Test]
    public void Schedule_anyway_spread_prefers_the_emptier_zone()
    {
        // A3/A6: PodTopologySpread scores ScheduleAnyway constraints; fewer matching pods in the node's domain scores higher.
        // Two nodes in zone a already run a matching pod (pinned); the third node, alone in zone b, must win although
        // LeastAllocated alone would tie it with a-2.
        var cluster = Sim.Node("a-1", zone: "a") + Sim.Node("a-2", zone: "a") + Sim.Node("b-1", zone: "b");
        var extra = "      topologySpreadConstraints:\n        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}";
        var pinned = Deployment("seed", 1, cpu: "1", extraSpec: "      nodeName: a-1", labels: "{app: web}");
        var result = Sim.Run(pinned + Deployment("web", 1, cpu: "1", extraSpec: extra), cluster);
        Assert.That(result.Pods.Single(p => p.Workload == "Deployment/web").Node, Is.EqualTo("b-1"));
    }

    [Test]
    public void System_default_spreading_sends_the_second_replica_to_the_other_node()
    {
        // A6: "System default constraints (ScheduleAnyway only): hostname maxSkew 3 and zone maxSkew 5 ... the
        // selector comes from the owning ... RS". n2 carries a 1 CPU pod, so LeastAllocated and BalancedAllocation
        // favour n1 for both replicas (by 26 points); spreading (weight 2, 100 vs 66) moves the second one to n2.
        var cluster = Sim.Node("n1", zone: "a") + Sim.Node("n2", zone: "b") + """
            apiVersion: v1
            kind: Pod
            metadata: {name: busy, namespace: default}
            spec:
              nodeName: n2
              containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]
            """;
        var result = Sim.Run(Deployment("web", 2, cpu: "10m", memory: "10Mi"), cluster);
        Assert.That(result.Pods.Select(p => p.Node), Is.EqualTo(new[] { "n1", "n2" }));
    }

    [Test]
    public void Preferred_pod_affinity_pulls_toward_the_matching_pods_zone()
    {
        // A1 weights: InterPodAffinity 2; A3: min-max normalisation. The cache runs in zone c (worker-3); the web pod
        // prefers the cache's zone and goes there although worker-1 and worker-2 are emptier.
        var cache = Deployment("cache", 1, cpu: "1", extraSpec: "      nodeName: worker-3", labels: "{app: cache}");
        var extra = "      affinity:\n        podAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 50\n              podAffinityTerm: {topologyKey: topology.kubernetes.io/zone, labelSelector: {matchLabels: {app: cache}}}";
        var result = Sim.Run(cache + Deployment("web", 1, cpu: "100m", extraSpec: extra));
        Assert.That(result.Pods.Single(p => p.Workload == "Deployment/web").Node, Is.EqualTo("worker-3"));
        var anti = extra.Replace("podAffinity:", "podAntiAffinity:");
        var away = Sim.Run(cache + Deployment("web", 1, cpu: "100m", extraSpec: anti));
        Assert.That(away.Pods.Single(p => p.Workload == "Deployment/web").Node, Is.EqualTo("worker-1"));
    }

    [Test]
    public void Existing_pods_anti_affinity_rejects_the_fourth_replica()
    {
        // interpodaffinity/filtering.go Filter: the pod's own anti-affinity is checked before the existing pods'
        // (symmetric) anti-affinity, so a self-anti-affine replica reads "didn't match pod anti-affinity rules".
        var extra = "      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}";
        var result = Sim.Run(Deployment("web", 4, cpu: "100m", extraSpec: extra), Sim.ThreeWorkers);
        Assert.That(result.Pods.Count(p => p.Node is not null), Is.EqualTo(3));
        Assert.That(result.Pods[3].Reason, Does.StartWith("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod anti-affinity rules."));

        // The autoscaled default cluster gives the fourth replica a fourth worker.
        Assert.That(Sim.Run(Deployment("web", 4, cpu: "100m", extraSpec: extra)).Pods.Select(p => p.Node), Is.EquivalentTo(new[] { "worker-1", "worker-2", "worker-3", "worker-4" }));
    }

    [Test]
    public void Pod_affinity_lets_the_first_pod_of_a_self_affine_group_schedule()
    {
        // A7: "if no pod in the cluster matches any of the terms and the pod matches all of its own terms, it is allowed".
        var extra = "      affinity:\n        podAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - {topologyKey: topology.kubernetes.io/zone, labelSelector: {matchLabels: {app: web}}}";
        var result = Sim.Run(Deployment("web", 3, cpu: "100m", extraSpec: extra));
        Assert.That(result.Pods.Select(p => p.Node), Is.All.EqualTo("worker-1"));
    }

    [Test]
    public void Pod_affinity_to_absent_pods_is_unresolvable()
    {
        var extra = "      affinity:\n        podAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - {topologyKey: topology.kubernetes.io/zone, labelSelector: {matchLabels: {app: cache}}}";
        var result = Sim.Run(Deployment("web", 1, extraSpec: extra));
        Assert.That(result.Pods[0].Reason, Is.EqualTo(
            "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod affinity rules. no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling."));
    }

    [Test]
    public void Limit_range_default_request_applies()
    {
        const string yaml = """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults}
            spec:
              limits:
                - type: Container
                  default: {cpu: "3"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 4
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: app, image: app:1}]
            """;
        var result = Sim.Run(yaml, Sim.ThreeWorkers);
        Assert.That(result.Pods.Count(p => p.Node is null), Is.EqualTo(1));
    }

    [Test]
    public void Same_input_gives_the_same_result()
    {
        var yaml = Deployment("web", 5) + Deployment("api", 4, cpu: "500m");
        var first = Reports.JsonReport.Render(Sim.Run(yaml));
        var second = Reports.JsonReport.Render(Sim.Run(yaml));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void A_node_added_later_with_the_smallest_name_wins_the_tie()
    {
        // Ties are broken by ordinal name order, not by the order nodes joined (the autoscaler appends nodes).
        var scheduler = new Scheduler([DefaultCluster.Worker("node-b", "a"), DefaultCluster.Worker("node-c", "a")], new VolumeBinder(new ClusterModel()), SchedulerVersion.Latest);
        scheduler.AddNode(DefaultCluster.Worker("node-a", "a"));
        var placement = scheduler.Schedule(BenchLikePod("p"));
        Assert.That(placement.Node, Is.EqualTo("node-a"));
        Assert.That(placement.Ties, Is.EqualTo(new[] { "node-a", "node-b", "node-c" }));
    }

    [Test]
    public void A_cordoned_node_added_later_is_filtered()
    {
        // Filters that cannot fail on the snapshot are left out of a cycle; a cordoned node joining makes
        // NodeUnschedulable run again, so the tie winner by name is not chosen.
        var scheduler = new Scheduler([DefaultCluster.Worker("node-b", "a")], new VolumeBinder(new ClusterModel()), SchedulerVersion.Latest);
        Assert.That(scheduler.Schedule(BenchLikePod("first")).Node, Is.EqualTo("node-b"));
        var worker = DefaultCluster.Worker("node-a", "a");
        scheduler.AddNode(new SimNode(worker.Name, worker.Labels, worker.Taints, worker.Allocatable, worker.AllocatablePods, unschedulable: true));
        var placement = scheduler.Schedule(BenchLikePod("second"));
        Assert.That(placement.Node, Is.EqualTo("node-b"));
        Assert.That(placement.TieCount, Is.EqualTo(1));
    }

    private static SimPod BenchLikePod(string name) => new()
    {
        Namespace = "default",
        Name = name,
        Workload = "Pod/" + name,
        Labels = new Dictionary<string, string>(StringComparer.Ordinal),
        Requests = new Resources { MilliCpu = 100, Memory = 64 * 1024 * 1024 },
        NonZeroMilliCpu = 100,
        NonZeroMemory = 64 * 1024 * 1024,
    };
}
