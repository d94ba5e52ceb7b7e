namespace KubeLint.Simulator.Tests;

/// <summary>
/// Minimal cases on which the simulation was compared with kube-scheduler and kube-controller-manager; each quotes
/// the upstream function whose behaviour it pins.
/// </summary>
public sealed class SchedulerUpstreamCasesTests
{
    private const string HighClass = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n---\n";

    private static string Pod(string name, string cpu, string memory = "0", string extraSpec = "", string labels = "{}")
        => "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: default, labels: " + labels + "}\nspec:\n"
            + (extraSpec.Length > 0 ? extraSpec + "\n" : string.Empty)
            + "  containers: [{name: c, image: x, resources: {requests: {cpu: \"" + cpu + "\", memory: \"" + memory + "\"}}}]\n---\n";

    private static string Job(string name, string cpu, string extraSpec)
        => "apiVersion: batch/v1\nkind: Job\nmetadata: {name: " + name + ", namespace: default}\nspec:\n" + extraSpec + "\n"
            + "  template:\n    spec:\n      restartPolicy: Never\n"
            + "      containers: [{name: c, image: x, resources: {requests: {cpu: \"" + cpu + "\"}}}]\n---\n";

    [Test]
    public void Daemonset_pod_filters_only_its_node_and_the_others_did_not_satisfy_node_affinity()
    {
        // node_affinity.go PreFilter: required terms that all name nodes by metadata.name give a PreFilterResult
        // with those nodes; schedule_one.go findNodesThatFitPod filters only them and gives every other node
        // "node(s) didn't satisfy plugin(s) [NodeAffinity]" (UnschedulableAndUnresolvable), so the taint of n3 is
        // never evaluated and preemption is not helpful there.
        var cluster = Sim.Node("n1", cpu: "1") + Sim.Node("n2") + Sim.Node("n3", extraSpec: "  taints: [{key: dedicated, value: infra, effect: NoSchedule}]");
        const string daemonSet = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: default}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: c, image: x, resources: {requests: {cpu: "2"}}}]
            """;
        var result = Sim.Run(daemonSet, cluster, version: "1.32");
        Assert.That(result.Pods.Count, Is.EqualTo(2), "the DaemonSet controller skips n3, whose taint the pod does not tolerate");
        Assert.That(result.Pods.Single(p => p.Node is null).Reason, Is.EqualTo(
            "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling."));
    }

    [Test]
    public void Existing_pods_required_affinity_scores_with_the_hard_pod_affinity_weight()
    {
        // interpodaffinity/scoring.go processExistingPod: for every required affinity term of an existing pod that
        // matches the incoming pod, the nodes of its topology pair gain HardPodAffinityWeight (1); normalised and
        // weighted 2 that outweighs LeastAllocated, so web joins the cache's zone c although worker-1 is emptier.
        var cache = Pod("cache", "500m", extraSpec: "  nodeName: worker-3\n  affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: topology.kubernetes.io/zone, labelSelector: {matchLabels: {app: web}}}]}}");
        var web = Pod("web", "100m", labels: "{app: web}");
        Assert.That(Sim.Pod(Sim.Run(cache + web, Sim.ThreeWorkers, version: "1.32"), "web").Node, Is.EqualTo("worker-3"));

        var plain = Pod("cache", "500m", extraSpec: "  nodeName: worker-3");
        Assert.That(Sim.Pod(Sim.Run(plain + web, Sim.ThreeWorkers, version: "1.32"), "web").Node, Is.EqualTo("worker-1"));
    }

    [Test]
    public void Balanced_allocation_scores_pods_without_requests_before_1_33()
    {
        // balanced_allocation.go PreScore (1.32 tree) scores every pod; kubernetes PR 130260 (v1.33) returns Skip
        // for a pod requesting neither cpu nor memory. n1 (cpu half used, no memory) and n2 (a quarter of each) tie
        // on LeastAllocated at 72; BalancedAllocation gives n1 75 and n2 100.
        var cluster = Sim.Node("n1") + Sim.Node("n2")
            + Pod("a", "2", extraSpec: "  nodeName: n1") + Pod("b", "1", "4Gi", extraSpec: "  nodeName: n2");
        const string idle = "apiVersion: v1\nkind: Pod\nmetadata: {name: idle, namespace: default}\nspec:\n  containers: [{name: c, image: x}]\n";
        var at132 = Sim.Pod(Sim.Run(idle, cluster, version: "1.32"), "idle");
        Assert.That((at132.Node, at132.Ties.Count), Is.EqualTo(("n2", 0)));
        var at133 = Sim.Pod(Sim.Run(idle, cluster, version: "1.33"), "idle");
        Assert.That((at133.Node, at133.Ties), Is.EqualTo(("n1", new[] { "n1", "n2" })));
    }

    [Test]
    public void Dynamic_resources_post_filter_message_precedes_preemption_from_1_34()
    {
        // dynamicresources.go PostFilter answers "no new claims to deallocate" for a pod without claims; the plugin
        // is in the default profile once DynamicResourceAllocation is GA (v1.34), before DefaultPreemption, and
        // RunPostFilterPlugins joins the reasons with ", ".
        var cluster = Sim.Node("n1", cpu: "1");
        var big = Pod("big", "2");
        Assert.That(Sim.Pod(Sim.Run(big, cluster, version: "1.33"), "big").Reason, Is.EqualTo(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."));
        Assert.That(Sim.Pod(Sim.Run(big, cluster, version: "1.34"), "big").Reason, Is.EqualTo(
            "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."));
    }

    [Test]
    public void Preempted_job_pod_past_the_backoff_limit_fails_the_job()
    {
        // job_controller.go: a pod deleted before finishing counts as failed; syncJob: failed > backoffLimit gives
        // the condition BackoffLimitExceeded "Job has reached the specified backoff limit" and the Job's pods go.
        var cluster = Sim.Node("n1", cpu: "2") + HighClass;
        var high = Pod("urgent", "1500m", extraSpec: "  priorityClassName: high");
        var result = Sim.Run(Job("batch", "1500m", "  backoffLimit: 0") + high, cluster, version: "1.32");
        Assert.That(result.FailedJobs.Select(j => j.Name + ": " + j.Reason), Is.EqualTo(new[] { "batch: BackoffLimitExceeded: Job has reached the specified backoff limit" }));
        Assert.That(result.Pods.Select(p => (p.Workload, p.Node)), Is.EqualTo(new[] { ("Pod/urgent", (string?)"n1") }));
        Assert.That(result.Preempted.Single().Workload, Is.EqualTo("Job/batch"));
    }

    [Test]
    public void Preempted_job_pod_within_the_backoff_limit_is_replaced()
    {
        // Below the limit the controller re-creates the pod after DefaultJobPodFailureBackOff; here it stays Pending.
        var cluster = Sim.Node("n1", cpu: "2") + HighClass;
        var high = Pod("urgent", "1500m", extraSpec: "  priorityClassName: high");
        var result = Sim.Run(Job("batch", "1500m", "  backoffLimit: 1") + high, cluster, version: "1.32");
        Assert.That(result.FailedJobs, Is.Empty);
        Assert.That(result.Pods.Single(p => p.Workload == "Job/batch").Reason, Does.StartWith("0/1 nodes are available: 1 Insufficient cpu."));
    }

    [Test]
    public void Fail_job_rule_on_disruption_target_names_the_pod_and_the_rule_index()
    {
        // pod_failure_policy.go matchPodFailurePolicy: the first matching rule decides (an exit-code rule does not
        // match a pod whose containers never ran); FailJob gives "Pod %s/%s has condition %v matching %v rule at index %d".
        var cluster = Sim.Node("n1", cpu: "2") + HighClass;
        var policy = "  podFailurePolicy:\n    rules:\n      - {action: Ignore, onExitCodes: {operator: In, values: [42]}}\n      - {action: FailJob, onPodConditions: [{type: DisruptionTarget}]}";
        var result = Sim.Run(Job("batch", "1500m", policy) + Pod("urgent", "1500m", extraSpec: "  priorityClassName: high"), cluster, version: "1.32");
        var victim = result.Preempted.Single();
        Assert.That(result.FailedJobs.Single().Reason, Is.EqualTo(
            "PodFailurePolicy: Pod default/" + victim.Name + " has condition DisruptionTarget matching FailJob rule at index 1"));
    }

    [Test]
    public void Equal_capacity_volumes_are_a_tie_reported_like_node_ties()
    {
        // FindMatchingVolume (pkg/controller/volume/persistentvolume/util) keeps the first strictly smallest volume
        // of the cache's index, listed in map order: equal volumes are a random choice upstream, as equal scores are.
        static string Pv(string name) => "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: " + name + "}\nspec:\n  capacity: {storage: 10Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: manual\n  hostPath: {path: /data}\n---\n";
        const string manual = "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: manual}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: Immediate\n---\n";
        const string claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 5Gi}}\n";
        var result = Sim.Run(manual + Pv("pv-b") + Pv("pv-a") + Pv("pv-c").Replace("10Gi", "20Gi") + claim);
        var bound = Sim.Claim(result, "data");
        Assert.That((bound.Volume, bound.Ties), Is.EqualTo(("pv-a", new[] { "pv-a", "pv-b" })));
        Assert.That(Reports.TextReport.Render(result), Does.Contain("Equal volumes (a real cluster may bind another of these volumes):\n  default/data → pv-a of {pv-a, pv-b}\n"));
    }

    [Test]
    public void Pods_that_will_not_schedule_still_take_their_controllers_tokens()
    {
        // replica_set.go slowStartBatch creates every missing pod, those that will stay Pending too, each create
        // waiting on the ReplicaSet controller's client rate limiter (--kube-api-qps 20, --kube-api-burst 30), which
        // serves all Deployments. Behind flood's 60 creates, first's second batch is served after second's first
        // batch, so second's pods reach the shared node before first's second pod.
        var cluster = Sim.Node("small", cpu: "1", memory: "1Gi") + Sim.Node("shared", memory: "4Gi");
        static string Pinned(string name, int replicas, string memory, string node)
            => "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + "}\nspec:\n  replicas: " + replicas + "\n  selector: {matchLabels: {app: " + name + "}}\n"
                + "  template:\n    metadata: {labels: {app: " + name + "}}\n    spec:\n      nodeSelector: {kubernetes.io/hostname: " + node + "}\n"
                + "      containers: [{name: c, image: x, resources: {requests: {memory: " + memory + "}}}]\n---\n";
        var yaml = Pinned("flood", 60, "1Gi", "small") + Pinned("first", 2, "2Gi", "shared") + Pinned("second", 4, "64Mi", "shared");
        var result = Sim.Run(yaml, cluster, version: "1.32");
        long Placed(string workload) => result.Pods.Where(p => p.Workload == workload && p.Node is not null).Sum(p => p.Count);
        Assert.That((Placed("Deployment/flood"), Placed("Deployment/first"), Placed("Deployment/second")), Is.EqualTo((1L, 1L, 4L)));
    }
}
