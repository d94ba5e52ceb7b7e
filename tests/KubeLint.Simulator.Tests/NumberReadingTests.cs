using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;
using KubeLint.Testing;

namespace KubeLint.Simulator.Tests;

/// <summary>The simulator reads numbers and quantities as schema validation does (one shared model).</summary>
public sealed class NumberReadingTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: REPLICAS
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: app
                  image: app:1
                  resources: {requests: {cpu: CPU, memory: 64Mi}}
        """;

    [TestCase("3", 3)]
    [TestCase("3.0", 3)]
    [TestCase("3e0", 3)]
    [TestCase("0x3", 3)]
    public void Replicas_written_as_a_whole_float_run_that_many_pods(string replicas, int pods)
        => Assert.That(Sim.Run(Deployment.Replace("REPLICAS", replicas).Replace("CPU", "100m")).Pods, Has.Count.EqualTo(pods));

    // The server stores replicas as an int32: a larger number keeps its low 32 bits (runtime/converter.go
    // fromUnstructured), so 4294967299 and 4294967299.0 are 3 replicas and 4294967296 is none.
    [TestCase("4294967299", 3)]
    [TestCase("4294967299.0", 3)]
    [TestCase("4294967296", 0)]
    public void Replicas_beyond_int32_run_the_pods_the_server_stores(string replicas, int pods)
        => Assert.That(Sim.Run(Deployment.Replace("REPLICAS", replicas).Replace("CPU", "100m")).Pods, Has.Count.EqualTo(pods));

    [TestCase("1e26")]
    [TestCase("1e309")]
    [TestCase("9999999999Ei")]
    [TestCase("1E+2147483648")]
    public void A_cpu_request_beyond_any_node_leaves_the_pod_pending_without_overflow(string cpu)
    {
        var result = Sim.Run(Deployment.Replace("REPLICAS", "1").Replace("CPU", cpu));
        Assert.Multiple(() =>
        {
            Assert.That(result.Pods, Has.Count.EqualTo(1));
            Assert.That(result.Pods[0].Node, Is.Null);
            Assert.That(result.Pods[0].Reason, Does.Contain("Insufficient cpu"));
        });
    }

    [Test]
    public void Sums_of_huge_requests_saturate_instead_of_wrapping()
    {
        var spec = (YamlMapping)Manifests.Load("""
            containers:
              - {name: a, resources: {requests: {cpu: 9e18, memory: 8Ei}}}
              - {name: b, resources: {requests: {cpu: 9e18, memory: 8Ei}}}
            overhead: {cpu: 9e18}
            """).Documents[0].Root!;
        var (requests, _) = PodSpecReader.PodRequests(spec, limitRange: null);
        Assert.Multiple(() =>
        {
            Assert.That(requests.MilliCpu, Is.EqualTo(long.MaxValue));
            Assert.That(requests.Memory, Is.EqualTo(long.MaxValue));
        });
    }

    [Test]
    public void Numeric_quantities_are_read_as_json_numbers()
    {
        var map = (YamlMapping)Manifests.Load("{cpu: 0x2, memory: 1e3, ephemeral-storage: 1_024}").Documents[0].Root!;
        var resources = Resources.Read(map, out _);
        Assert.Multiple(() =>
        {
            Assert.That(resources.MilliCpu, Is.EqualTo(2000));
            Assert.That(resources.Memory, Is.EqualTo(1000));
            Assert.That(resources.EphemeralStorage, Is.EqualTo(1024));
        });
    }
}
