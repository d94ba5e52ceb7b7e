using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class IngressBackendMissingRuleTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: { name: web }
        spec:
          selector: { app: web }
          ports:
            - { name: http, port: 80, targetPort: 8080 }
        ---

        """;

    [Test]
    public void Missing_service_and_missing_port_are_reported_at_their_nodes()
    {
        var findings = Manifests.Lint(Service + """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: { name: web }
            spec:
              defaultBackend:
                service: { name: web, port: { number: 8080 } }
              rules:
                - host: shop.example.com
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: wbe
                            port: { name: http }
                      - path: /api
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              name: grpc
            """, new IngressBackendMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2007@14:43", "KL2007@23:23", "KL2007@31:25" }));
    }

    [Test]
    public void Existing_backends_by_number_or_name_are_fine()
    {
        var findings = Manifests.Lint(Service + """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: { name: web }
            spec:
              defaultBackend:
                service: { name: web, port: { number: 80 } }
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: { name: web, port: { name: http } }
                      - path: /static
                        pathType: Prefix
                        backend:
                          resource: { apiGroup: k8s.example.com, kind: Bucket, name: static }
            """, new IngressBackendMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Old_extensions_backends_are_checked()
    {
        var findings = Manifests.Lint(Service + """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: { name: old }
            spec:
              backend: { serviceName: web, servicePort: 81 }
            """, new IngressBackendMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2007@13:45" }));
    }

    [Test]
    public void Inputs_without_services_near_the_ingress_are_not_guessed_about()
    {
        var findings = Manifests.Lint("""
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: { name: elsewhere, namespace: other }
            spec:
              defaultBackend:
                service: { name: api, port: { number: 80 } }
            """, new IngressBackendMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Ingress_whose_backends_are_all_outside_the_input_is_not_guessed_about()
    {
        // Such an Ingress routes to Services deployed separately (e.g. a dashboard installed on its own).
        var findings = Manifests.Lint(Service + """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: { name: dashboard }
            spec:
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: { name: kubernetes-dashboard, port: { number: 443 } }
            """, new IngressBackendMissingRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }
}
