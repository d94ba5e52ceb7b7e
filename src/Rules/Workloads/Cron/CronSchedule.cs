namespace KubeLint.Rules.Workloads.Cron;

/// <summary>
/// A parsed schedule: one bit per allowed value of each field, as robfig/cron v3's <c>SpecSchedule</c> keeps it,
/// plus whether the day fields were written as an unstepped <c>*</c> or <c>?</c> (upstream's star bit).
/// </summary>
internal sealed class CronSchedule
{
    public CronSchedule(ulong minutes, ulong hours, ulong daysOfMonth, ulong months, ulong daysOfWeek, bool dayOfMonthStar, bool dayOfWeekStar)
    {
        Minutes = minutes;
        Hours = hours;
        DaysOfMonth = daysOfMonth;
        Months = months;
        DaysOfWeek = daysOfWeek;
        DayOfMonthStar = dayOfMonthStar;
        DayOfWeekStar = dayOfWeekStar;
    }

    /// <summary>An "@every" schedule, which has no field masks.</summary>
    public static CronSchedule Every { get; } = new(0, 0, 0, 0, 0, dayOfMonthStar: true, dayOfWeekStar: true) { IsEvery = true };

    public bool IsEvery { get; private init; }

    public ulong Minutes { get; }

    public ulong Hours { get; }

    public ulong DaysOfMonth { get; }

    public ulong Months { get; }

    public ulong DaysOfWeek { get; }

    public bool DayOfMonthStar { get; }

    public bool DayOfWeekStar { get; }

    /// <summary>
    /// False when no date ever matches. Upstream ANDs day of month and day of week when either is a star and ORs them
    /// otherwise; a restricted day of week always matches some day of every month, so only a day of month that no
    /// selected month has, combined with a starred day of week, can never fire. February 29 occurs within the
    /// five years upstream searches, so it counts as possible.
    /// </summary>
    public bool CanFire()
    {
        if (IsEvery || !DayOfWeekStar)
        {
            return true;
        }

        for (var month = 1; month <= 12; month++)
        {
            if ((Months & (1UL << month)) == 0)
            {
                continue;
            }

            var days = month switch
            {
                2 => 29,
                4 or 6 or 9 or 11 => 30,
                _ => 31,
            };
            for (var day = 1; day <= days; day++)
            {
                if ((DaysOfMonth & (1UL << day)) != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
