namespace KubeLint.Simulator.Tests;

/// <summary>Controllers adopt matching orphans (replica_set.go claimPods, controller_ref_manager.go ClaimPods).</summary>
public sealed class AdoptionTests
{
    private static string BarePod(string name, string labels, string ns = "default", string extraMetadata = "")
        => "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: " + ns + ", labels: " + labels + extraMetadata + "}\n"
            + "spec:\n  containers: [{name: c, image: x}]\n---\n";

    private static string Controller(string kind, string name, int replicas, string template)
        => "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: " + name + ", namespace: default}\nspec:\n  replicas: " + replicas
            + "\n  selector: {matchLabels: {app: " + name + "}}\n  template:\n    metadata: {labels: " + template + "}\n    spec:\n      containers: [{name: c, image: x}]\n---\n";

    [Test]
    public void Replicaset_adopts_a_matching_bare_pod_and_creates_one_pod_fewer()
    {
        // ClaimPods adopts a pod of the namespace whose labels match the selector and that has no controller reference.
        var yaml = BarePod("stray", "{app: web, tier: x}") + Controller("ReplicaSet", "web", 3, "{app: web}");
        var pods = Sim.Run(yaml).Pods;
        Assert.That(pods.Select(p => (p.Name, p.Workload)), Is.EquivalentTo(new[] { ("stray", "ReplicaSet/web"), ("web-0", "ReplicaSet/web"), ("web-1", "ReplicaSet/web") }));
    }

    [TestCase("{app: web}", "other", "", TestName = "Another namespace is not adopted")]
    [TestCase("{app: api}", "default", "", TestName = "Labels outside the selector are not adopted")]
    [TestCase("{app: web}", "default", ", ownerReferences: [{apiVersion: v1, kind: ReplicationController, name: rc, uid: u, controller: true}]", TestName = "A pod with a controller is not adopted")]
    public void Orphans_the_replicaset_does_not_claim(string labels, string ns, string owner)
    {
        var yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n---\n" + BarePod("stray", labels, ns, owner) + Controller("ReplicaSet", "web", 2, "{app: web}");
        var pods = Sim.Run(yaml).Pods;
        Assert.That(pods.Count(p => p.Workload == "ReplicaSet/web"), Is.EqualTo(2));
        Assert.That(pods.Single(p => p.Name == "stray").Workload, Is.EqualTo("Pod/stray"));
    }

    [Test]
    public void Deployment_replicaset_adopts_only_pods_with_a_pod_template_hash()
    {
        // deployment/sync.go getNewReplicaSet: the ReplicaSet's selector is the Deployment's plus pod-template-hash,
        // so a bare pod with only the Deployment's labels stays an orphan.
        var deployment = Controller("Deployment", "web", 2, "{app: web}");
        var plain = Sim.Run(BarePod("stray", "{app: web}") + deployment).Pods;
        Assert.That(plain.Count(p => p.Workload == "Deployment/web"), Is.EqualTo(2));

        var hashed = Sim.Run(BarePod("stray", "{app: web, pod-template-hash: 5d4f8c7b9}") + deployment).Pods;
        Assert.That(hashed.Count(p => p.Workload == "Deployment/web"), Is.EqualTo(2));
        Assert.That(hashed.Single(p => p.Name == "stray").Workload, Is.EqualTo("Deployment/web"));
    }
}
