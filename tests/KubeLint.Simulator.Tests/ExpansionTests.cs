using System.Text.RegularExpressions;

namespace KubeLint.Simulator.Tests;

/// <summary>Controllers expand templates into pods as Kubernetes names and counts them (reference B1-B3, D Job).</summary>
public sealed class ExpansionTests
{
    [Test]
    public void Deployment_pods_carry_a_template_hash_stand_in()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: app, image: app:1}]
            """;

        // B1: replicas default to 1.
        var pods = Sim.Run(yaml).Pods;
        Assert.That(pods, Has.Count.EqualTo(1));
        Assert.That(pods[0].Name, Does.Match("^web-[bcdfghjklmnpqrstvwxz2456789]+-0$"));
        Assert.That(pods[0].Workload, Is.EqualTo("Deployment/web"));
    }

    [Test]
    public void Job_runs_parallelism_pods_capped_by_completions()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              parallelism: 3
              completions: 2
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: app, image: app:1}]
            """;
        Assert.That(Sim.Run(yaml).Pods.Select(p => p.Name), Is.EqualTo(new[] { "migrate-0", "migrate-1" }));
    }

    [Test]
    public void Cronjob_creates_one_job()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: app, image: app:1}]
            """;
        Assert.That(Sim.Run(yaml).Pods.Select(p => p.Name), Is.EqualTo(new[] { "report-0-0" }));
    }

    [Test]
    public void Suspended_jobs_and_cronjobs_create_no_pods_and_no_finding()
    {
        // job_controller.go: a suspended Job (spec.suspend) has no active pods; cronjob_controllerv2.go: a suspended
        // CronJob schedules no Job. 8 CPU would not fit any node, yet nothing is reported.
        const string job = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              suspend: true
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: app, image: app:1, resources: {requests: {cpu: "8"}}}]
            ---

            """;
        const string cronJob = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "0 * * * *"
              suspend: true
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: app, image: app:1, resources: {requests: {cpu: "8"}}}]
            """;
        Assert.That(Sim.Run(job + cronJob).Pods, Is.Empty);
        Assert.That(Sim.Summaries(job + cronJob).Where(s => s.StartsWith("KL5", StringComparison.Ordinal)), Is.Empty);
        Assert.That(Sim.Run(job.Replace("suspend: true", "suspend: false")).Pods.Single().Node, Is.Null);
    }

    [Test]
    public void Statefulset_ordinals_start_at_spec_ordinals_start()
    {
        // B2: "ordinals start at spec.ordinals.start, default 0".
        const string yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 2
              ordinals: {start: 5}
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: db:1}]
            """;
        Assert.That(Sim.Run(yaml).Pods.Select(p => p.Name), Is.EqualTo(new[] { "db-5", "db-6" }));
    }

    [Test]
    public void Statefulset_pod_volume_named_like_a_claim_template_uses_the_generated_claim()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 1
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: db:1}]
                  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            """;
        var result = Sim.Run(yaml);
        Assert.That(Sim.Pod(result, "db-0").Node, Is.Not.Null);
        Assert.That(Sim.Claim(result, "data-db-0").Phase, Is.EqualTo("Bound"));
    }

    [Test]
    public void The_same_object_defined_twice_is_simulated_once()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: once}
            spec:
              containers: [{name: app, image: app:1, resources: {requests: {cpu: "3"}}}]
            """;
        var result = Sim.Run(pod + "\n---\n" + pod + "\n---\n" + pod + "\n---\n" + pod);
        Assert.That(result.Pods, Has.Count.EqualTo(1));
        Assert.That(result.Pods[0].Node, Is.Not.Null);
    }

    [Test]
    public void Pods_in_a_namespace_the_cluster_lacks_are_not_created()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop}
            spec:
              containers: [{name: app, image: app:1}]
            """;
        // NamespaceLifecycle rejects the object with NotFound; no pod is created.
        var cluster = Sim.Node("n1") + "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n";
        var rejected = Sim.Run(pod, cluster);
        Assert.That(rejected.Pods, Is.Empty);
        Assert.That(rejected.Admission.Single(), Is.EqualTo(new AdmissionResult("Pod/shop/p", "rejected", "namespaces \"shop\" not found")));
        Assert.That(Sim.Run("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" + pod, cluster).Pods[0].Node, Is.EqualTo("n1"));
    }

    [Test]
    public void Odd_input_does_not_crash()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: odd}
            spec:
              replicas: many
              strategy: sideways
              template:
                metadata: {labels: "x"}
                spec:
                  containers: "none"
                  tolerations: 5
                  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: 3}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: c}
            spec: {resources: {requests: {storage: lots}}, accessModes: ReadWriteOnce}
            """;
        var result = Sim.Run(yaml, cluster: "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus: {allocatable: {cpu: x}}\nspec: {taints: 4}\n");

        // "replicas: many" is not an int32: the API server rejects the Deployment, so it creates no pod.
        Assert.That(result.Pods, Is.Empty);
        var fixedReplicas = Sim.Run(yaml.Replace("replicas: many", "replicas: 1"), cluster: "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus: {allocatable: {cpu: x}}\nspec: {taints: 4}\n");
        Assert.That(Regex.IsMatch(fixedReplicas.Pods.Single().Name, "^odd-"), Is.True);
    }
}
