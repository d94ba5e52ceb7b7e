using KubeLint.Rules.Workloads;

namespace KubeLint.Rules.Tests.Workloads;

public class CronNeverRunsRuleTests
{
    private static string CronJob(string schedule) => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: {{schedule}}
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: run
                      image: run:1
        """;

    [TestCase("0 0 30 2 *", "KL4005@6:17")]
    [TestCase("\"0 0 31 4 *\"", "KL4005@6:18")]
    [TestCase("\"@every 1h\"", "KL4005@6:13")]
    public void Fires_on_schedules_that_never_fire_and_on_every(string schedule, string expected)
        => Assert.That(RuleRunner.Summaries(CronJob(schedule), new CronNeverRunsRule()), Is.EqualTo(new[] { expected }));

    // When both day fields are restricted, robfig/cron fires when either matches.
    [TestCase("0 0 30 2 1")]
    [TestCase("0 0 29 2 *")]
    [TestCase("0 0 31 2 *x")]
    public void Does_not_fire_on_schedules_that_fire_or_do_not_parse(string schedule)
        => Assert.That(RuleRunner.Summaries(CronJob(schedule), new CronNeverRunsRule()), Is.Empty);
}
