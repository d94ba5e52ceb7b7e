using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class ServiceTargetPortMissingRuleTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web }
        spec:
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - { name: http, containerPort: 8080 }
                    - { name: dns, containerPort: 53, protocol: UDP }
        ---

        """;

    [Test]
    public void Named_target_port_that_no_container_defines_is_reported_at_the_target_port()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              selector: { app: web }
              ports:
                - port: 80
                  targetPort: https
            """, new ServiceTargetPortMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2003@25:19" }));
        Assert.That(findings[0].Message, Does.Contain("\"https\"").And.Contain("Deployment web"));
    }

    [Test]
    public void Numeric_target_port_and_defaulted_target_port_are_checked_with_protocol_when_no_port_agrees()
    {
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              selector: { app: web }
              ports:
                - { name: a, port: 80, targetPort: 9090 }
                - { name: c, port: 53, protocol: TCP }
            """, new ServiceTargetPortMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2003@24:40", "KL2003@25:24" }));
    }

    [Test]
    public void Undeclared_numbers_beside_a_port_that_agrees_are_taken_as_undeclared_ports()
    {
        // Pods often serve ports they do not declare (metrics); Kubernetes forwards to them all the same.
        var findings = Manifests.Lint(Deployment + """
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              selector: { app: web }
              ports:
                - { name: b, port: 8080 }
                - { name: metrics, port: 9090 }
                - { name: d, port: 53, protocol: UDP, targetPort: dns }
                - { name: e, port: 81, targetPort: http }
            """, new ServiceTargetPortMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Numbers_are_not_judged_when_a_selected_pod_declares_no_ports()
    {
        // Kubernetes forwards to a numeric targetPort whether or not a container declares it.
        var findings = Manifests.Lint("""
            apiVersion: v1
            kind: Pod
            metadata: { name: web, labels: { app: web } }
            spec:
              containers: [{ name: web, image: nginx:1.27 }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              selector: { app: web }
              ports:
                - { name: a, port: 80, targetPort: 9090 }
                - { name: b, port: 81, targetPort: http }
            """, new ServiceTargetPortMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2003@14:40" }));
    }

    [Test]
    public void Sidecar_ports_count_and_services_selecting_nothing_are_left_to_KL2002()
    {
        var findings = Manifests.Lint("""
            apiVersion: v1
            kind: Pod
            metadata: { name: web, labels: { app: web } }
            spec:
              initContainers:
                - name: proxy
                  image: envoy:1
                  restartPolicy: Always
                  ports: [{ name: proxy, containerPort: 15001 }]
              containers: [{ name: web, image: nginx:1.27, ports: [{ containerPort: 80 }] }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              selector: { app: web }
              ports:
                - { name: a, port: 80, targetPort: proxy }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: nothing }
            spec:
              selector: { app: nothing }
              ports:
                - { name: a, port: 80, targetPort: missing }
            """, new ServiceTargetPortMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }
}
