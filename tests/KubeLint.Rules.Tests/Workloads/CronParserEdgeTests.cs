using KubeLint.Rules.Workloads.Cron;

namespace KubeLint.Rules.Tests.Workloads;

public class CronParserEdgeTests
{
    [Test]
    public void A_step_near_int64_max_selects_only_the_start()
    {
        var schedule = CronParser.Parse("5/9223372036854775807 * * * *").Schedule;

        Assert.That(schedule!.Minutes, Is.EqualTo(1UL << 5));
    }

    [Test]
    public void A_number_beyond_int64_reports_strconv_range_error()
        => Assert.That(
            CronParser.Parse("99999999999999999999 * * * *").Error,
            Is.EqualTo("failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range"));

    [Test]
    public void A_tz_prefix_with_an_unknown_zone_is_rejected_as_upstream_does()
        => Assert.That(
            CronParser.Parse("TZ=Mars/Base 0 0 * * *").Error,
            Is.EqualTo("provided bad location Mars/Base: unknown time zone Mars/Base"));

    [Test]
    public void A_tz_prefix_with_a_known_zone_parses_the_rest()
    {
        var result = CronParser.Parse("CRON_TZ=Europe/Berlin 0 61 * * *");

        Assert.That(result.Error, Is.EqualTo("end of range (61) above maximum (23): 61"));
        Assert.That(result.ErrorOffset, Is.EqualTo(24));
    }
}
