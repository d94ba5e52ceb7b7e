namespace KubeLint.Simulator.Tests.Admission;

/// <summary>
/// ResourceQuota (apiserver/pkg/admission/plugin/resourcequota/controller.go, pkg/quota/v1/evaluator/core/pods.go)
/// and LimitRanger (plugin/pkg/admission/limitranger/admission.go) with the API server's messages.
/// </summary>
public sealed class QuotaAndLimitRangeTests
{
    private static string Deployment(int replicas, string resources) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: team}
        spec:
          replicas: {{{replicas}}}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: app
                  image: app:1
                  resources: {{{resources}}}
        """;

    private static string Quota(string hard) => """
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: compute, namespace: team}
        spec:
          hard: {
        """ + hard + """
        }
        ---

        """;

    private static string LimitRange(string item) => """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: limits, namespace: team}
        spec:
          limits:
            -
        """ + " " + item + """

        ---

        """;

    [Test]
    public void Pods_past_the_quota_are_rejected_in_creation_order()
    {
        // CheckRequest: usage accumulates as the ReplicaSet controller creates pods; the third exceeds pods=2.
        var result = Sim.Run(Quota("pods: \"2\"") + Deployment(4, "{requests: {cpu: 100m}}"), Sim.ThreeWorkers);
        Assert.That(result.Pods.Where(p => p.Node is not null).Sum(p => p.Count), Is.EqualTo(2));
        var rejected = result.Pods.Single(p => p.Admission is not null);
        Assert.That(rejected.Count, Is.EqualTo(2));
        Assert.That(rejected.Admission, Does.Match("^pods \"web-[a-z0-9]+-[a-z0-9]+\" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2$"));
    }

    [Test]
    public void A_cpu_quota_needs_every_container_to_request_cpu()
    {
        // podEvaluator.Constraints: quotas on cpu or memory require the request of each container.
        var result = Sim.Run(Quota("requests.cpu: \"1\", limits.memory: 1Gi") + Deployment(1, "{}"), Sim.ThreeWorkers);
        Assert.That(result.Pods.Single().Admission, Does.EndWith(" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.cpu for: app"));
    }

    [Test]
    public void A_cpu_request_past_the_quota_prints_the_sums()
    {
        var result = Sim.Run(Quota("requests.cpu: 1500m") + Deployment(2, "{requests: {cpu: 1}}"), Sim.ThreeWorkers);
        Assert.That(result.Pods.Single(p => p.Admission is not null).Admission, Does.EndWith("exceeded quota: compute, requested: requests.cpu=1, used: requests.cpu=1, limited: requests.cpu=1500m"));
    }

    [Test]
    public void A_bare_pod_over_the_quota_is_rejected_at_apply()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: big, namespace: team}\nspec:\n  containers: [{name: app, image: x, resources: {requests: {memory: 2Gi}}}]\n";
        var result = Sim.Run(Quota("requests.memory: 1Gi") + pod, Sim.ThreeWorkers);
        Assert.That(result.Admission.Single(a => a.Object == "Pod/team/big"), Is.EqualTo(new AdmissionResult("Pod/team/big", "rejected", "pods \"big\" is forbidden: exceeded quota: compute, requested: requests.memory=2Gi, used: requests.memory=0, limited: requests.memory=1Gi")));
        Assert.That(result.Pods, Is.Empty);
    }

    [Test]
    public void A_container_over_the_limit_range_maximum_is_forbidden()
    {
        // maxConstraint: the limit (defaulted or given) above max.
        var result = Sim.Run(LimitRange("{type: Container, max: {cpu: \"1\"}}") + Deployment(1, "{limits: {cpu: \"2\"}}"), Sim.ThreeWorkers);
        Assert.That(result.Pods.Single().Admission, Does.Match("^pods \"web-[a-z0-9]+-[a-z0-9]+\" is forbidden: maximum cpu usage per Container is 1, but limit is 2$"));
    }

    [Test]
    public void Minimum_and_ratio_violations_are_aggregated()
    {
        var result = Sim.Run(LimitRange("{type: Container, min: {memory: 64Mi}, maxLimitRequestRatio: {cpu: \"2\"}}") + Deployment(1, "{requests: {cpu: 100m, memory: 32Mi}, limits: {cpu: 500m}}"), Sim.ThreeWorkers);
        Assert.That(result.Pods.Single().Admission, Does.EndWith(" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000]"));
    }

    [Test]
    public void A_default_limit_below_the_request_makes_the_pod_invalid()
    {
        var result = Sim.Run(LimitRange("{type: Container, default: {cpu: 500m}}") + Deployment(1, "{requests: {cpu: \"1\"}}"), Sim.ThreeWorkers);
        Assert.That(result.Pods.Single().Admission, Does.EndWith(" is invalid: spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m"));
    }

    [Test]
    public void A_claim_over_the_storage_maximum_is_rejected()
    {
        const string claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: team}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 20Gi}}\n";
        var result = Sim.Run(LimitRange("{type: PersistentVolumeClaim, max: {storage: 10Gi}}") + claim, Sim.ThreeWorkers);
        Assert.That(result.Admission.Single(a => a.Object == "PersistentVolumeClaim/team/data").Message, Is.EqualTo("persistentvolumeclaims \"data\" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi"));
    }

    [Test]
    public void Rejections_are_findings_at_the_causing_field()
    {
        // The quota rejects the second pod: reported once, at the template's spec.
        var findings = Sim.Summaries(Quota("pods: \"1\"") + Deployment(2, "{requests: {cpu: 100m}}"), Sim.ThreeWorkers);
        Assert.That(findings, Is.EqualTo(new[] { "KL5005@15:5" }));
    }
}
