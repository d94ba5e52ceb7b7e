using System.Reflection;

namespace KubeLint.Rules.Workloads.Cron;

/// <summary>
/// The IANA time zone names Go's <c>time.LoadLocation</c> resolves (the API server embeds the tz database).
/// The list is embedded (tzdata 2025b zones and links) rather than read from the host: the host's database
/// differs by platform (Windows ids under the compiler) and version, and findings must not depend on it.
/// </summary>
internal static class TimeZoneNames
{
    private const string ResourceName = "KubeLint.Rules.TimeZoneNames.txt";

    private static readonly Lazy<HashSet<string>> Names = new(Load);

    /// <summary>True when Go's time.LoadLocation accepts the name ("" and "UTC" are UTC, "Local" is the host zone).</summary>
    public static bool CanLoad(string name) => name.Length == 0 || name is "UTC" or "Local" || Names.Value.Contains(name);

    private static HashSet<string> Load()
    {
        using var stream = typeof(TimeZoneNames).GetTypeInfo().Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                names.Add(line);
            }
        }

        return names;
    }
}
