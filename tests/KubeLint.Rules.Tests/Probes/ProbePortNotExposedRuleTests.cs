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

    [Test]
    public void Does_not_fire_for_a_number_another_container_of_the_pod_declares()
    {
        // The containers of a pod share its network namespace: the probe reaches the port whichever container serves it.
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
                    - {name: http, containerPort: 8080}
                  readinessProbe:
                    httpGet: {path: /ready, port: 15021}
                - name: proxy
                  image: proxy:1
                  ports:
                    - {name: health, containerPort: 15021}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new ProbePortNotExposedRule()), Is.Empty);
    }

    [Test]
    public void Fires_for_a_port_declared_only_as_udp()
    {
        // Probes connect over TCP (tcpSocket, httpGet, grpc); pkg/probe/util.go findPortByName resolves a name whatever
        // its protocol, so a UDP port resolves and the probe then finds nothing listening on TCP.
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: dns
            spec:
              containers:
                - name: dns
                  image: coredns:1.11
                  ports:
                    - {name: dns, containerPort: 53, protocol: UDP}
                    - {name: metrics, containerPort: 9153}
                  livenessProbe:
                    tcpSocket: {port: dns}
                  readinessProbe:
                    tcpSocket: {port: 53}
                  startupProbe:
                    httpGet: {path: /health, port: metrics}
            """;

        var findings = RuleRunner.Findings(yaml, new ProbePortNotExposedRule());
        Assert.That(findings.Select(f => f.Message), Is.EqualTo(new[]
        {
            "The livenessProbe of container \"dns\" targets the named port \"dns\", which is declared as UDP; probes connect over TCP, so the probe fails.",
            "The readinessProbe of container \"dns\" targets port 53, which the pod declares only as UDP; probes connect over TCP.",
        }));
        Assert.That(RuleRunner.Summaries(yaml, new ProbePortNotExposedRule()), Is.EqualTo(new[] { "KL3004@13:27", "KL3004@15:27" }));

        // The same number also declared over TCP answers.
        var both = yaml.Replace("containerPort: 9153}", "containerPort: 9153}\n        - {name: dns-tcp, containerPort: 53}");
        Assert.That(RuleRunner.Summaries(both, new ProbePortNotExposedRule()), Is.Empty);
    }
}
