using KubeLint.Cli.Simulation;

namespace KubeLint.Cli.Tests.Simulation;

/// <summary>The simulate command: formats and exit codes (0 clean or warnings only, 1 error prediction, 2 usage or missing path).</summary>
public sealed class SimulateCommandTests
{
    private const string Fits = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: app:1, resources: {requests: {cpu: "1"}}}]
        """;

    private string _dir = string.Empty;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("kubelint-simulate-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Fitting_manifests_exit_0_with_json()
    {
        var (code, output, _) = Invoke(Write("app.yaml", Fits), "--format", "json");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("{\n  \"kubernetesVersion\": \"1.35\",\n  \"defaultCluster\": true,\n  \"pods\": ["));
    }

    [Test]
    public void Unschedulable_pod_on_the_default_cluster_is_a_warning_naming_the_assumption()
    {
        var (code, output, _) = Invoke(Write("app.yaml", Fits.Replace("cpu: \"1\"", "cpu: \"8\"")));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("app.yaml:5:13: warning KL5001 pod-unschedulable: 2 of 2 pods").And.Contain("(on the embedded default cluster: autoscaled 4 CPU / 16Gi workers)"));
    }

    [Test]
    public void Unschedulable_pod_on_a_given_cluster_exits_1_with_an_error()
    {
        const string node = """
            apiVersion: v1
            kind: Node
            metadata: {name: small, labels: {kubernetes.io/hostname: small}}
            status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}
            """;
        var (code, output, _) = Invoke(Write("app.yaml", Fits.Replace("cpu: \"1\"", "cpu: \"8\"")), "--cluster", Write("nodes.yaml", node));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("app.yaml:5:13: error KL5001 pod-unschedulable: 2 of 2 pods"));
    }

    [Test]
    public void Cluster_file_replaces_the_default_cluster()
    {
        // Two 8 CPU pods plus the rollout's surge pod (25% of 2 rounds up to 1) need 24 CPU on the one node.
        const string node = """
            apiVersion: v1
            kind: Node
            metadata: {name: big, labels: {kubernetes.io/hostname: big}}
            status: {allocatable: {cpu: "24", memory: 64Gi, pods: "110"}}
            """;
        var (code, output, _) = Invoke(Write("app.yaml", Fits.Replace("cpu: \"1\"", "cpu: \"8\"")), "--cluster", Write("nodes.yaml", node), "--format", "html");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("<!DOCTYPE html>").And.Contain("Cluster from --cluster"));
    }

    [Test]
    public void Missing_path_and_unknown_format_exit_2()
    {
        Assert.That(Invoke(Path.Combine(_dir, "absent.yaml")).Code, Is.EqualTo(2));
        var (code, _, error) = Invoke(Write("app.yaml", Fits), "--format", "xml");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("unknown format 'xml'"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = SimulateCommand.Create().Parse(args);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = error;
        var code = parse.Invoke();
        return (code, output.ToString(), error.ToString());
    }
}
