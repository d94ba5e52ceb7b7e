using KubeLint.Rules.Probes;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Probes;

public class MissingLivenessProbeRuleTests
{
    private const string Yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                - name: api
                  image: api:1.0
                  livenessProbe:
                    tcpSocket: {port: 8080}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: once
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: once
                  image: once:1
        """;

    [Test]
    public void Fires_for_long_running_containers_without_liveness_probe_when_enabled()
        => Assert.That(RuleRunner.Summaries(Yaml, new MissingLivenessProbeRule()), Is.EqualTo(new[] { "KL3002@13:11" }));

    [Test]
    public void Is_off_by_default()
    {
        Assert.That(MissingLivenessProbeRule.Definition.EnabledByDefault, Is.False);
        Assert.That(Manifests.Lint(Yaml, new MissingLivenessProbeRule()).Where(f => f.RuleId == "KL3002"), Is.Empty);
    }
}
