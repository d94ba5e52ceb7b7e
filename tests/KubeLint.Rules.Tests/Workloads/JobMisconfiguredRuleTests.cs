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
            Is.EqualTo(new[] { "KL4006@7:17", "KL4006@8:3", "KL4006@11:5", "KL4006@23:22" }));
        Assert.That(findings[1].Message, Is.EqualTo("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"a\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated"));
        Assert.That(findings[3].Message, Is.EqualTo("spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""));
    }

    // SetDefaults_Job gives a Job without completions and parallelism completions 1; it does not run on CronJob templates.
    [Test]
    public void Indexed_jobs_need_completions_unless_the_job_defaults_them()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: a
            spec:
              completionMode: Indexed
              parallelism: 2
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: a, image: a:1}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: c
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  completionMode: Indexed
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: c:1}]
            """;

        var findings = RuleRunner.Findings(yaml, new JobMisconfiguredRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL4006@6:19", "KL4006@21:23" }));
        Assert.That(findings[1].Message, Is.EqualTo("spec.jobTemplate.spec.completions: Required value: when completion mode is Indexed"));
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
              startingDeadlineSeconds: -1
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
    public void A_job_templates_selector_and_manual_selector_are_generated()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: c
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  manualSelector: true
                  selector:
                    matchLabels: {app: c}
                  template:
                    metadata:
                      labels: {app: c}
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: c:1}]
            """;

        var findings = RuleRunner.Findings(yaml, new JobMisconfiguredRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL4006@9:23", "KL4006@10:7" }));
        Assert.That(findings[1].Message, Does.EndWith(": `selector` will be auto-generated"));
        Assert.That(findings[0].Message, Is.EqualTo("spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: \"nil\", \"false\""));
    }

    [Test]
    public void Does_not_fire_on_valid_jobs()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: z
            spec:
              completionMode: Indexed
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: z, image: z:1}]
            ---
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
              startingDeadlineSeconds: 0
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
