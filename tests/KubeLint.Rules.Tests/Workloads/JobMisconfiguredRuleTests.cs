using KubeLint.Rules.Workloads;

namespace KubeLint.Rules.Tests.Workloads;

public class JobMisconfiguredRuleTests
{
    [Test]
    public void Fires_on_job_errors()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: a
            spec:
              completionMode: Indexed
              backoffLimit: -1
              selector:
                matchLabels: {app: a}
              template:
                spec:
                  containers:
                    - name: a
                      image: a:1
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: b
            spec:
              template:
                spec:
                  restartPolicy: Always
                  containers:
                    - name: b
                      image: b:1
            """;

        var findings = RuleRunner.Findings(yaml, new JobMisconfiguredRule());

        Assert.That(
            Testing.Manifests.Summaries(findings),
            Is.EqualTo(new[] { "KL4006@6:19", "KL4006@7:17", "KL4006@8:3", "KL4006@11:5", "KL4006@23:22" }));
        Assert.That(findings[4].Message, Is.EqualTo("spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""));
    }

    [Test]
    public void Fires_on_cron_job_errors()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: c
            spec:
              schedule: "0 * * * *"
              startingDeadlineSeconds: 5
              successfulJobsHistoryLimit: -1
              concurrencyPolicy: forbid
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: c
                          image: c:1
            """;

        Assert.That(
            RuleRunner.Summaries(yaml, new JobMisconfiguredRule()),
            Is.EqualTo(new[] { "KL4006@7:28", "KL4006@8:31", "KL4006@9:22" }));
    }

    [Test]
    public void Does_not_fire_on_valid_jobs()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: a
            spec:
              completionMode: Indexed
              completions: 3
              manualSelector: true
              selector:
                matchLabels: {app: a}
              template:
                metadata:
                  labels: {app: a}
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: a
                      image: a:1
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: c
            spec:
              schedule: "0 * * * *"
              startingDeadlineSeconds: 200
              concurrencyPolicy: Forbid
              failedJobsHistoryLimit: 0
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: c
                          image: c:1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new JobMisconfiguredRule()), Is.Empty);
    }
}
