using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>Filters, reason strings and the FitError message (reference A1, A2, A4, A5, A8).</summary>
public sealed class SchedulerFilterTests
{
    private const string BigPod = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: big
        spec:
          replicas: 1
          selector:
            matchLabels: {app: big}
          template:
            metadata:
              labels: {app: big}
            spec:
              containers:
                - name: app
                  image: app:1
                  resources:
                    requests:
                      cpu: "5"
        """;

    [Test]
    public void Issue_example_message_on_the_default_cluster_in_the_1_35_form()
    {
        // A1: v1.35 writes "node(s) had untolerated taint(s)" (#134740); A8: counts sorted, preemption suffix,
        // taints are unresolvable ("Preemption is not helpful"), resources without victims "No preemption victims found";
        // since 1.34 the DynamicResources PostFilter (dynamicresources.go) answers first: "no new claims to deallocate".
        var pod = Sim.Pod(Sim.Run(BigPod), "big-" + HashOf(BigPod) + "-0");
        Assert.That(pod.Node, Is.Null);
        Assert.That(pod.Reason, Is.EqualTo(
            "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod."));
    }

    [Test]
    public void Before_1_35_the_taint_reason_names_the_first_untolerated_taint()
    {
        // A1: v1.30-v1.34 "node(s) had untolerated taint {<key>: <value>}" (the issue's example).
        var result = Sim.Run(BigPod, version: "1.33");
        Assert.That(result.Pods[0].Reason, Does.StartWith(
            "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu."));
    }

    [Test]
    public void Pod_unschedulable_finding_points_at_replicas_value()
    {
        Assert.That(Sim.Summaries(BigPod), Is.EqualTo(new[] { "KL5001@6:13" }));
    }

    [Test]
    public void CronJob_finding_points_at_the_pod_spec_of_its_job_template()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: report
            spec:
              schedule: "0 0 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: report
                          image: report:1
                          resources:
                            requests: {cpu: "6"}
            """;
        var findings = Sim.Lint(yaml);
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5001@10:9" }));
        Assert.That(findings[0].Message, Does.Contain("3 Insufficient cpu"));
    }

    [Test]
    public void Bare_pod_finding_points_at_spec_key()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: app
                  image: app:1
                  resources:
                    requests: {memory: 64Gi}
            """;
        var findings = Sim.Lint(yaml);
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5001@5:1" }));
        Assert.That(findings[0].Message, Does.Contain("3 Insufficient memory"));
    }

    [Test]
    public void Fitting_workload_has_no_finding()
    {
        Assert.That(Sim.Summaries(BigPod.Replace("cpu: \"5\"", "cpu: \"1\"")), Is.Empty);
    }

    [Test]
    public void Reasons_are_sorted_as_strings_so_10_comes_before_2()
    {
        // A8: "sort with Go sort.Strings (byte order ... "10 …" sorts before "2 …")".
        var cluster = string.Concat(Enumerable.Range(0, 10).Select(i => Sim.Node("small-" + i, cpu: "1")))
            + Sim.Node("tainted-1", extraSpec: "  taints: [{key: dedicated, value: db, effect: NoSchedule}]")
            + Sim.Node("tainted-2", extraSpec: "  taints: [{key: dedicated, value: db, effect: NoExecute}]");
        var result = Sim.Run(BigPod.Replace("cpu: \"5\"", "cpu: \"2\""), cluster);
        Assert.That(result.Pods[0].Reason, Does.StartWith("0/12 nodes are available: 10 Insufficient cpu, 2 node(s) had untolerated taint(s)."));
    }

    [Test]
    public void Resources_fit_reports_every_insufficient_resource_and_too_many_pods()
    {
        // A1: "NodeResourcesFit can return Too many pods, Insufficient cpu and Insufficient memory together".
        var cluster = Sim.Node("n1", cpu: "1", memory: "1Gi", pods: "0");
        var result = Sim.Run(BigPod.Replace("cpu: \"5\"", "cpu: \"2\"\n              memory: 2Gi"), cluster);
        Assert.That(result.Pods[0].Reason, Does.StartWith("0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods."));
    }

    [Test]
    public void Only_the_first_failing_filter_counts_per_node()
    {
        // A1: "Filters stop at the first failure ... Only that plugin's reasons count for the node."
        var cluster = Sim.Node("n1", cpu: "1", extraSpec: "  unschedulable: true");
        var result = Sim.Run(BigPod, cluster);
        Assert.That(result.Pods[0].Reason, Does.StartWith("0/1 nodes are available: 1 node(s) were unschedulable."));
    }

    [Test]
    public void Unschedulable_node_is_skipped_when_the_pod_tolerates_the_unschedulable_taint()
    {
        // A1: NodeUnschedulable "Skipped if the pod tolerates node.kubernetes.io/unschedulable:NoSchedule".
        var cluster = Sim.Node("n1", extraSpec: "  unschedulable: true");
        var yaml = BigPod.Replace("cpu: \"5\"", "cpu: \"1\"").Replace("      containers:", "      tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]\n      containers:");
        Assert.That(Sim.Run(yaml, cluster).Pods[0].Node, Is.EqualTo("n1"));
    }

    [Test]
    public void Empty_key_exists_toleration_tolerates_every_taint()
    {
        // A4: "An empty key matches every key"; "An empty toleration effect matches every effect".
        var cluster = Sim.Node("n1", extraSpec: "  taints: [{key: a, value: b, effect: NoSchedule}, {key: c, effect: NoExecute}]");
        var yaml = BigPod.Replace("cpu: \"5\"", "cpu: \"1\"").Replace("      containers:", "      tolerations: [{operator: Exists}]\n      containers:");
        Assert.That(Sim.Run(yaml, cluster).Pods[0].Node, Is.EqualTo("n1"));
    }

    [Test]
    public void Equal_toleration_needs_the_same_value()
    {
        // A4: "Operator "" or Equal requires equal values."
        var cluster = Sim.Node("n1", extraSpec: "  taints: [{key: dedicated, value: db, effect: NoSchedule}]");
        var yaml = BigPod.Replace("cpu: \"5\"", "cpu: \"1\"").Replace("      containers:", "      tolerations: [{key: dedicated, value: web, effect: NoSchedule}]\n      containers:");
        Assert.That(Sim.Run(yaml, cluster).Pods[0].Reason, Does.StartWith("0/1 nodes are available: 1 node(s) had untolerated taint(s)."));
    }

    [Test]
    public void Node_selector_mismatch_gives_the_affinity_reason()
    {
        // A5: nodeSelector is equality on every key.
        var yaml = BigPod.Replace("cpu: \"5\"", "cpu: \"1\"").Replace("      containers:", "      nodeSelector: {disktype: ssd}\n      containers:");
        Assert.That(Sim.Run(yaml).Pods[0].Reason, Does.StartWith("0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match Pod's node affinity/selector."));
    }

    [TestCase("[{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [b]}]}]", "worker-2")]
    [TestCase("[{matchExpressions: [{key: topology.kubernetes.io/zone, operator: NotIn, values: [a, b]}]}]", "worker-3")]
    [TestCase("[{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [c]}]}, {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-2]}]}]", "worker-2")]
    [TestCase("[{matchFields: [{key: metadata.name, operator: In, values: [worker-3]}]}]", "worker-3")]
    [TestCase("[{}]", null)]
    [TestCase("[{matchExpressions: [{key: rank, operator: Gt, values: ['5']}]}]", null)]
    public void Required_node_affinity_terms_are_ored_and_empty_terms_match_nothing(string terms, string? node)
    {
        // A5: "nodeSelectorTerms are ORed"; "A term with no expressions and no fields matches nothing";
        // "matchFields supports only metadata.name"; Gt needs the label present.
        var yaml = BigPod.Replace("cpu: \"5\"", "cpu: \"1\"").Replace("      containers:", "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms: " + terms + "\n      containers:");
        Assert.That(Sim.Run(yaml).Pods[0].Node, Is.EqualTo(node));
    }

    [Test]
    public void Gt_compares_integers_strictly()
    {
        // A5: "Gt / Lt: the key is present, its value parses as a base-10 int64, and the comparison is strict."
        var cluster = Sim.Node("n5", extraLabels: "    rank: \"5\"") + Sim.Node("n6", extraLabels: "    rank: \"6\"");
        var yaml = BigPod.Replace("cpu: \"5\"", "cpu: \"1\"").Replace("      containers:", "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms: [{matchExpressions: [{key: rank, operator: Gt, values: ['5']}]}]\n      containers:");
        Assert.That(Sim.Run(yaml, cluster).Pods[0].Node, Is.EqualTo("n6"));
    }

    [Test]
    public void Host_port_conflict()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: hp
            spec:
              replicas: 2
              selector:
                matchLabels: {app: hp}
              template:
                metadata:
                  labels: {app: hp}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      ports: [{containerPort: 80, hostPort: 8080}]
            """;
        var result = Sim.Run(yaml, Sim.Node("n1"));
        Assert.That(result.Pods.Count(p => p.Node == "n1"), Is.EqualTo(1));
        Assert.That(result.Pods.Single(p => p.Node is null).Reason, Does.StartWith("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."));
    }

    [Test]
    public void Pods_with_node_name_bypass_the_scheduler()
    {
        // A9: "Pods that already have spec.nodeName bypass the scheduler entirely."
        var yaml = BigPod.Replace("cpu: \"5\"", "cpu: \"1\"").Replace("      containers:", "      nodeName: control-plane\n      containers:");
        Assert.That(Sim.Run(yaml).Pods[0].Node, Is.EqualTo("control-plane"));
    }

    [Test]
    public void Preemption_never_policy_of_the_priority_class_message()
    {
        // Priority admission copies the class's preemptionPolicy into the pod; DefaultPreemption then answers
        // "not eligible due to preemptionPolicy=Never." (default_preemption.go PodEligibleToPreemptOthers).
        const string priorityClass = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: batch}\nvalue: 100\npreemptionPolicy: Never\n---\n";
        var yaml = priorityClass + BigPod.Replace("      containers:", "      priorityClassName: batch\n      containers:");
        Assert.That(Sim.Run(yaml).Pods[0].Reason, Does.EndWith(" preemption: not eligible due to preemptionPolicy=Never."));
    }

    [Test]
    public void A_pod_policy_other_than_its_class_is_forbidden()
    {
        // priority/admission.go: "the string value of PreemptionPolicy (%s) must not be provided in pod spec;
        // priority admission controller computed %s from the given PriorityClass name". Without a class the computed
        // policy is PreemptLowerPriority.
        var yaml = BigPod.Replace("      containers:", "      preemptionPolicy: Never\n      containers:");
        var pod = Sim.Run(yaml).Pods.Single();
        Assert.That(pod.Node, Is.Null);
        Assert.That(pod.Admission, Does.StartWith("pods \"big-").And.EndWith("-\" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name"));
        var findings = Sim.Lint(yaml);
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL5005@13:25" }));
    }

    private static string HashOf(string yaml)
    {
        var obj = Sim.Objects(yaml)[0];
        return Controllers.WorkloadExpander.TemplateHash(Analyzer.Model.PodTemplate.Of(obj)!);
    }
}
