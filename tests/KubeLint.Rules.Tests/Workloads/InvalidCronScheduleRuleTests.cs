using KubeLint.Rules.Workloads;

namespace KubeLint.Rules.Tests.Workloads;

public class InvalidCronScheduleRuleTests
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

    [TestCase("0 0 * * 7", "KL4003@6:21")]
    [TestCase("\"0 0 * * 7\"", "KL4003@6:22")]
    [TestCase("'0 25 * * *'", "KL4003@6:16")]
    [TestCase("\"0 0 \\x2a * 7\"", "KL4003@6:13")]
    [TestCase("0 0 * *", "KL4003@6:13")]
    public void Fires_at_the_offending_field(string schedule, string expected)
        => Assert.That(RuleRunner.Summaries(CronJob(schedule), new InvalidCronScheduleRule()), Is.EqualTo(new[] { expected }));

    [Test]
    public void Quotes_the_parser_error_with_a_sunday_hint()
    {
        var findings = RuleRunner.Findings(CronJob("0 0 * * 7"), new InvalidCronScheduleRule());

        Assert.That(findings[0].Message, Does.Contain("end of range (7) above maximum (6): 7"));
        Assert.That(findings[0].Message, Does.Contain("use 0 for Sunday"));
    }

    [Test]
    public void A_huge_schedule_is_quoted_once_and_cut()
    {
        var schedule = new string('1', 10_240);
        var findings = RuleRunner.Findings(CronJob(schedule), new InvalidCronScheduleRule());
        Assert.Multiple(() =>
        {
            Assert.That(RuleRunner.Summaries(CronJob(schedule), new InvalidCronScheduleRule()), Is.EqualTo(new[] { "KL4003@6:13" }));
            Assert.That(findings[0].Message, Has.Length.LessThan(400));
            Assert.That(findings[0].Message, Does.StartWith("spec.schedule: Invalid value: \"" + new string('1', 100) + "… (10,240 characters)\": expected exactly 5 fields, found 1:"));
        });
    }

    [TestCase("\"*/15 * * * *\"")]
    [TestCase("'@daily'")]
    [TestCase("0 3 * * SUN")]
    public void Does_not_fire_on_valid_schedules(string schedule)
        => Assert.That(RuleRunner.Summaries(CronJob(schedule), new InvalidCronScheduleRule()), Is.Empty);
}
