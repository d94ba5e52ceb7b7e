using KubeLint.Rules.Selectors;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class MissingReferenceRuleTests
{
    private const string Defined = """
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: settings, namespace: shop }
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: credentials, namespace: shop }
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: { name: web, namespace: shop }
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: { name: data, namespace: shop }
        ---

        """;

    [Test]
    public void References_to_undefined_objects_of_defined_kinds_are_reported_at_the_name()
    {
        var findings = Manifests.Lint(Defined + """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: shop }
            spec:
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec:
                  serviceAccountName: webb
                  containers:
                    - name: web
                      image: nginx:1.27
                      env:
                        - name: A
                          valueFrom: { configMapKeyRef: { name: setings, key: a } }
                        - name: B
                          valueFrom: { secretKeyRef: { name: credentials, key: b } }
                      envFrom:
                        - secretRef: { name: creds }
                  volumes:
                    - name: data
                      persistentVolumeClaim: { claimName: dta }
                    - name: all
                      projected:
                        sources:
                          - configMap: { name: settings }
                          - secret: { name: other }
            """, new MissingReferenceRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2008@25:27", "KL2008@31:53", "KL2008@35:34", "KL2008@38:47", "KL2008@43:33" }));
    }

    [Test]
    public void Optional_references_and_implicit_objects_are_fine()
    {
        var findings = Manifests.Lint(Defined + """
            apiVersion: v1
            kind: Pod
            metadata: { name: web, namespace: shop }
            spec:
              serviceAccountName: default
              containers:
                - name: web
                  image: nginx:1.27
                  envFrom:
                    - configMapRef: { name: maybe, optional: true }
              volumes:
                - name: ca
                  configMap: { name: kube-root-ca.crt }
                - name: tls
                  secret: { secretName: tls, optional: true }
            """, new MissingReferenceRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Kinds_the_namespace_does_not_define_are_not_guessed_about()
    {
        var findings = Manifests.Lint(Defined + """
            apiVersion: v1
            kind: Pod
            metadata: { name: web, namespace: elsewhere }
            spec:
              serviceAccountName: runner
              containers:
                - name: web
                  image: nginx:1.27
                  envFrom: [{ secretRef: { name: credentials } }]
            """, new MissingReferenceRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Names_mentioned_by_a_custom_resource_are_taken_as_created_by_its_controller()
    {
        var findings = Manifests.Lint(Defined + """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: { name: web, namespace: shop }
            spec: { secretName: web-tls, dnsNames: [shop.example.com] }
            ---
            apiVersion: v1
            kind: Pod
            metadata: { name: web, namespace: shop }
            spec:
              containers: [{ name: web, image: nginx:1.27 }]
              volumes:
                - name: tls
                  secret: { secretName: web-tls }
            """, new MissingReferenceRule());

        Assert.That(Manifests.Summaries(findings), Is.Empty);
    }

    [Test]
    public void Objects_a_role_names_and_stateful_set_claims_are_created_at_run_time()
    {
        var findings = Manifests.Lint(Defined + """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: { name: redis, namespace: shop }
            rules:
              - { apiGroups: [""], resources: [secrets], resourceNames: [redis-password], verbs: [get] }
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: db, namespace: shop }
            spec:
              selector: { matchLabels: { app: db } }
              template:
                metadata: { labels: { app: db } }
                spec:
                  containers:
                    - name: db
                      image: postgres:16
                      env: [{ name: P, valueFrom: { secretKeyRef: { name: redis-password, key: auth } } }]
              volumeClaimTemplates:
                - metadata: { name: data }
            ---
            apiVersion: v1
            kind: Pod
            metadata: { name: reader, namespace: shop }
            spec:
              containers: [{ name: r, image: busybox:1.36 }]
              volumes:
                - name: d
                  persistentVolumeClaim: { claimName: data-db-0 }
                - name: e
                  persistentVolumeClaim: { claimName: data-web-0 }
            """, new MissingReferenceRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2008@47:43" }));
    }

    [Test]
    public void Nothing_is_reported_when_part_of_the_input_could_not_be_read()
    {
        var findings = Manifests.Lint(Defined + """
            apiVersion: v1
            kind: Pod
            metadata: { name: web, namespace: shop }
            spec:
              serviceAccountName: webb
              containers: [{ name: web, image: nginx:1.27 }]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: broken, namespace: shop
            """, new MissingReferenceRule());

        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL1001@26:41" }));
    }
}
