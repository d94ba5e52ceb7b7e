using KubeLint.Analyzer.Engine;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests;

/// <summary>Bad input never crashes: fields of the wrong type are skipped, not dereferenced.</summary>
public class OddShapesTests
{
    private const string Yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odd
        spec:
          replicas: many
          strategy:
            type: [RollingUpdate]
            rollingUpdate: "25%"
          template:
            metadata:
              labels: [a]
            spec:
              securityContext: true
              hostNetwork: "yes"
              volumes: {hostPath: /}
              containers:
                - name: a
                  image: nginx:1
                  ports: 80
                  resources:
                    requests: 1Gi
                    limits:
                      memory: [1]
                      cpu: ""
                  livenessProbe: yes
                  readinessProbe:
                    httpGet: 8080
                  securityContext:
                    capabilities: {add: SYS_ADMIN}
                - just a string
                - null
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: odd
        spec:
          schedule: 5
          timeZone: 3
          startingDeadlineSeconds: soon
          jobTemplate:
            spec: []
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: odd
        spec:
          selector: app
        """;

    [Test]
    public void Every_rule_runs_over_odd_shapes_without_throwing()
    {
        var options = new AnalysisOptions
        {
            Rules = BuiltInRules.All.ToDictionary(r => r.Descriptor.Id, _ => new RuleSettings { Enabled = true }, StringComparer.OrdinalIgnoreCase),
        };

        Assert.That(() => Manifests.Lint(Yaml, options, [.. BuiltInRules.All]), Throws.Nothing);
    }
}
