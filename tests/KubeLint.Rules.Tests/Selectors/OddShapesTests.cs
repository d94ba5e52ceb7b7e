using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

/// <summary>Fields of unexpected types must never crash the selector and reference rules.</summary>
public sealed class OddShapesTests
{
    [Test]
    public void Odd_shapes_are_tolerated_by_every_selector_rule()
    {
        var findings = Manifests.Lint("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: shop, annotations: [x] }
            spec:
              selector: { matchLabels: [app], matchExpressions: { key: app } }
              template:
                metadata: { labels: "app=web" }
                spec:
                  serviceAccountName: [sa]
                  volumes: { name: x }
                  containers:
                    - "web"
                    - name: web
                      ports: 80
                      env: [{ name: A, valueFrom: "cm" }, { name: B, valueFrom: { configMapKeyRef: [x] } }]
                      envFrom: [null, { secretRef: 3 }]
                  initContainers: { name: x }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: web, namespace: shop }
            spec:
              selector: { app: [web] }
              ports: [80, { port: null, targetPort: null }, { targetPort: [x] }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: raw, namespace: shop }
            spec: "ClusterIP"
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: web, namespace: shop }
            spec: { selector: "app=web" }
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: web, namespace: shop }
            spec: { podSelector: [app] }
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: { name: web, namespace: shop }
            spec: { scaleTargetRef: { kind: Deployment, name: [web] } }
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: { name: web, namespace: shop }
            spec:
              defaultBackend: { service: "web" }
              rules: [null, { http: { paths: [{ backend: null }, { backend: { service: { name: web, port: [80] } } }] } }]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: cm, namespace: shop }
            """,
            new SelectorTemplateMismatchRule(),
            new ServiceSelectsNothingRule(),
            new ServiceTargetPortMissingRule(),
            new PdbSelectsNothingRule(),
            new NetworkPolicySelectsNothingRule(),
            new HpaTargetMissingRule(),
            new IngressBackendMissingRule(),
            new MissingReferenceRule(),
            new OverlappingSelectorsRule());

        // Only well-formed facts are judged; the wrong types themselves are the schema check's findings.
        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }
}
