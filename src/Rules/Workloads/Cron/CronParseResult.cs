namespace KubeLint.Rules.Workloads.Cron;

/// <summary>The outcome of parsing a schedule: a schedule, or the upstream error text and where in the text it arose.</summary>
internal sealed class CronParseResult
{
    private CronParseResult(CronSchedule? schedule, string? error, int errorOffset, int dayOfMonthOffset)
    {
        Schedule = schedule;
        Error = error;
        ErrorOffset = errorOffset;
        DayOfMonthOffset = dayOfMonthOffset;
    }

    public CronSchedule? Schedule { get; }

    /// <summary>The error text exactly as robfig/cron v3 words it, or null when the schedule parsed.</summary>
    public string? Error { get; }

    /// <summary>Offset in the schedule text of the field (or the whole schedule) the error is about.</summary>
    public int ErrorOffset { get; }

    /// <summary>Offset of the day-of-month field of a parsed five-field schedule (0 for descriptors).</summary>
    public int DayOfMonthOffset { get; }

    public static CronParseResult Success(CronSchedule schedule, int dayOfMonthOffset) => new(schedule, null, 0, dayOfMonthOffset);

    public static CronParseResult Failure(string error, int offset) => new(null, error, offset, 0);
}
