using KubeLint.Rules.Probes;

namespace KubeLint.Rules.Tests.Probes;

public class MissingReadinessProbeRuleTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
        ---

        """;

    [Test]
    public void Fires_at_the_first_container_name_when_a_selected_pod_has_no_readiness_probe()
    {
        var yaml = Service + """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web, tier: front}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                    - name: log
                      image: fluent-bit:3.0
            """;

        var findings = RuleRunner.Findings(yaml, new MissingReadinessProbeRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL3001@23:11" }));
        Assert.That(findings[0].Message, Does.Contain("Service \"web\""));
    }

    [Test]
    public void Does_not_fire_when_any_container_has_a_readiness_probe()
    {
        var yaml = Service + """
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
                    - name: log
                      image: fluent-bit:3.0
                    - name: web
                      image: nginx:1.27
                      readinessProbe:
                        httpGet: {path: /healthz, port: 80}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new MissingReadinessProbeRule()), Is.Empty);
    }

    [Test]
    public void Does_not_fire_for_pods_no_service_selects()
    {
        var yaml = Service + """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: worker
              namespace: other
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: worker
                      image: worker:2
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            spec:
              template:
                metadata:
                  labels: {app: migrate}
                spec:
                  restartPolicy: Never
                  containers:
                    - name: migrate
                      image: migrate:2
            """;

        Assert.That(RuleRunner.Summaries(yaml, new MissingReadinessProbeRule()), Is.Empty);
    }

    [Test]
    public void Does_not_fire_for_services_that_publish_not_ready_addresses()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: peers
            spec:
              clusterIP: None
              publishNotReadyAddresses: true
              selector:
                app: db
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: peers
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                    - name: db
                      image: db:1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new MissingReadinessProbeRule()), Is.Empty);
    }
}
