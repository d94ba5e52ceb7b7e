using KubeLint.Rules.Workloads;

namespace KubeLint.Rules.Tests.Workloads;

public class CronTimeZoneRuleTests
{
    private static string CronJob(string schedule, string timeZoneLine) => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: {{schedule}}
          {{timeZoneLine}}
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: run
                      image: run:1
        """;

    [Test]
    public void Fires_at_TZ_inside_the_schedule()
    {
        var findings = RuleRunner.Findings(CronJob("\"0 0 * * * CRON_TZ=UTC\"", "suspend: false"), new CronTimeZoneRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL4004@6:24" }));
        Assert.That(findings[0].Message, Does.EndWith("cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
    }

    [TestCase("timeZone: \"\"", "timeZone must be nil or non-empty string")]
    [TestCase("timeZone: Local", "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")]
    [TestCase("timeZone: Europe/Berlinn", "unknown time zone Europe/Berlinn")]
    [TestCase("timeZone: America/Argentina_Buenos_Aires", "unknown time zone America/Argentina_Buenos_Aires")]
    public void Fires_at_an_invalid_time_zone(string line, string message)
    {
        var findings = RuleRunner.Findings(CronJob("0 0 * * *", line), new CronTimeZoneRule());

        Assert.That(Testing.Manifests.Summaries(findings), Is.EqualTo(new[] { "KL4004@7:13" }));
        Assert.That(findings[0].Message, Does.EndWith(message));
    }

    [TestCase("timeZone: Europe/Berlin")]
    [TestCase("timeZone: America/Argentina/Buenos_Aires")]
    [TestCase("timeZone: Etc/GMT+5")]
    [TestCase("timeZone: UTC")]
    [TestCase("timeZone: null")]
    public void Does_not_fire_on_iana_names(string line)
        => Assert.That(RuleRunner.Summaries(CronJob("0 0 * * *", line), new CronTimeZoneRule()), Is.Empty);

    [Test]
    public void Fires_at_a_TZ_prefix_even_with_a_time_zone_field()
        => Assert.That(
            RuleRunner.Summaries(CronJob("'TZ=UTC 0 0 * * *'", "timeZone: UTC"), new CronTimeZoneRule()),
            Is.EqualTo(new[] { "KL4004@6:14" }));
}
