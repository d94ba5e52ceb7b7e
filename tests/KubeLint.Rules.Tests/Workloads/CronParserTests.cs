using KubeLint.Rules.Workloads.Cron;

namespace KubeLint.Rules.Tests.Workloads;

/// <summary>Texts verbatim from robfig/cron v3 ParseStandard, as run against the upstream parser (reference section F).</summary>
public class CronParserTests
{
    [TestCase("60 * * * *", "end of range (60) above maximum (59): 60", 0)]
    [TestCase("* * 0 * *", "beginning of range (0) below minimum (1): 0", 4)]
    [TestCase("5-3 * * * *", "beginning of range (5) beyond end of range (3): 5-3", 0)]
    [TestCase("*/0 * * * *", "step of range should be a positive number: */0", 0)]
    [TestCase("*/-5 * * * *", "negative number (-5) not allowed: -5", 0)]
    [TestCase("* * * *", "expected exactly 5 fields, found 4: [* * * *]", 0)]
    [TestCase("0 0 * * * *", "expected exactly 5 fields, found 6: [0 0 * * * *]", 0)]
    [TestCase("@reboot", "unrecognized descriptor: @reboot", 0)]
    [TestCase("0 0 L * *", "failed to parse int from L: strconv.Atoi: parsing \"L\": invalid syntax", 4)]
    [TestCase("0 0 * * 7", "end of range (7) above maximum (6): 7", 8)]
    [TestCase("0 0 * * 1#2", "failed to parse int from 1#2: strconv.Atoi: parsing \"1#2\": invalid syntax", 8)]
    [TestCase("0 0 * 13 *", "end of range (13) above maximum (12): 13", 6)]
    [TestCase("0  24 * * *", "end of range (24) above maximum (23): 24", 3)]
    [TestCase("1-2-3 * * * *", "too many hyphens: 1-2-3", 0)]
    [TestCase("1/2/3 * * * *", "too many slashes: 1/2/3", 0)]
    [TestCase("", "empty spec string", 0)]
    [TestCase("@every 5x", "failed to parse duration @every 5x: time: unknown unit \"x\" in duration \"5x\"", 0)]
    [TestCase("@every 5", "failed to parse duration @every 5: time: missing unit in duration \"5\"", 0)]
    [TestCase("@every 2562048h", "failed to parse duration @every 2562048h: time: invalid duration \"2562048h\"", 0)]
    [TestCase("@every 1h-1m", "failed to parse duration @every 1h-1m: time: unknown unit \"h-\" in duration \"1h-1m\"", 0)]
    public void Rejects_with_the_upstream_text_and_field_offset(string schedule, string error, int offset)
    {
        var result = CronParser.Parse(schedule);

        Assert.That(result.Error, Is.EqualTo(error));
        Assert.That(result.ErrorOffset, Is.EqualTo(offset));
    }

    [TestCase("*/5 * * * *")]
    [TestCase("1,,2 * * * *")]
    [TestCase("0 0 ? * sun")]
    [TestCase("0 0 1 jan,JUL Mon-FRI")]
    [TestCase("@yearly")]
    [TestCase("@annually")]
    [TestCase("@monthly")]
    [TestCase("@weekly")]
    [TestCase("@daily")]
    [TestCase("@midnight")]
    [TestCase("@hourly")]
    [TestCase("@every 1h30m")]
    [TestCase("@every +1.5\u00b5s")]
    [TestCase("@every 2562047h")]
    [TestCase("5/15 * * * *")]
    [TestCase("  0 0 * * 0  ")]
    public void Accepts(string schedule)
        => Assert.That(CronParser.Parse(schedule).Error, Is.Null);

    [TestCase("0 0 30 2 *", false)]
    [TestCase("0 0 31 4,6,9,11 *", false)]
    [TestCase("0 0 29 2 *", true)]
    [TestCase("0 0 30 2 1", true)]
    [TestCase("0 0 30,31 1-2 *", true)]
    [TestCase("0 0 31 */2 *", true)]
    public void Knows_whether_a_schedule_can_fire(string schedule, bool canFire)
        => Assert.That(CronParser.Parse(schedule).Schedule!.CanFire(), Is.EqualTo(canFire));

    [Test]
    public void Marks_every_schedules()
        => Assert.That(CronParser.Parse("@every 10m").Schedule!.IsEvery, Is.True);
}
