namespace KubeLint.Rules.Workloads.Cron;

/// <summary>The bounds and names of one field of a standard cron schedule (robfig/cron v3 <c>bounds</c>).</summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private CronField(string name, int min, int max, string[]? names, int firstNameValue)
    {
        Name = name;
        Min = min;
        Max = max;
        Names = names;
        FirstNameValue = firstNameValue;
    }

    public static CronField Minute { get; } = new("minute", 0, 59, null, 0);

    public static CronField Hour { get; } = new("hour", 0, 23, null, 0);

    public static CronField DayOfMonth { get; } = new("day of month", 1, 31, null, 0);

    public static CronField Month { get; } = new("month", 1, 12, MonthNames, 1);

    public static CronField DayOfWeek { get; } = new("day of week", 0, 6, DayNames, 0);

    /// <summary>The five fields of the standard parser, in schedule order.</summary>
    public static IReadOnlyList<CronField> Standard { get; } = [Minute, Hour, DayOfMonth, Month, DayOfWeek];

    public string Name { get; }

    public int Min { get; }

    public int Max { get; }

    private string[]? Names { get; }

    private int FirstNameValue { get; }

    /// <summary>The value of a name such as "Jan" or "sun"; names are matched case-insensitively, as upstream lowercases them.</summary>
    public bool TryGetNamed(string text, out int value)
    {
        value = 0;
        if (Names is null)
        {
            return false;
        }

        var index = Array.IndexOf(Names, text.ToLowerInvariant());
        if (index < 0)
        {
            return false;
        }

        value = FirstNameValue + index;
        return true;
    }
}
