using KubeLint.Rules.Probes;

namespace KubeLint.Rules.Tests.Probes;

public class ProbePortNotExposedRuleTests
{
    [Test]
    public void Fires_at_a_named_or_numeric_port_the_container_does_not_declare()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - name: http
                      containerPort: 8080
                  livenessProbe:
                    httpGet: {path: /healthz, port: healthz}
                  readinessProbe:
                    tcpSocket:
                      port: 8081
                  startupProbe:
                    grpc: {port: 9090}
            """;

        Assert.That(
            RuleRunner.Summaries(yaml, new ProbePortNotExposedRule()),
            Is.EqualTo(new[] { "KL3004@13:41", "KL3004@16:17", "KL3004@18:22" }));
    }

    [Test]
    public void Does_not_fire_for_declared_ports_or_numeric_ports_of_containers_without_ports()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - name: http
                      containerPort: 8080
                  livenessProbe:
                    httpGet: {path: /healthz, port: http}
                  readinessProbe:
                    tcpSocket: {port: 8080}
                - name: sidecar
                  image: proxy:1
                  livenessProbe:
                    tcpSocket: {port: 15020}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new ProbePortNotExposedRule()), Is.Empty);
    }
}
