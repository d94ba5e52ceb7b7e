using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;
using KubeLint.Rules.Workloads.Cron;

namespace KubeLint.Rules.Workloads;

/// <summary>KL4004: a time zone in the schedule string, or a timeZone the API server rejects.</summary>
public sealed class CronTimeZoneRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.CronTimeZone,
        "cron-timezone",
        Severity.Error,
        Categories.Workloads,
        "CronJob time zones belong in spec.timeZone, as an IANA name.",
        "The API server rejects a schedule containing TZ (TZ= or CRON_TZ=) on create (\"cannot use TZ or CRON_TZ in "
        + "schedule, use timeZone field instead\"). spec.timeZone must be null or a non-empty IANA time zone name: "
        + "\"Local\" is refused, every path part must match ^[A-Za-z.\\-_0-9+]{1,14}$, and the name must exist in the "
        + "time zone database. The names are checked against the tz database 2025b (zones and links), embedded so the "
        + "result does not depend on the machine.",
        "Remove TZ=/CRON_TZ= from the schedule and set spec.timeZone to an IANA name such as \"Europe/Berlin\".")
    {
        Examples = new(
            bad: """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "CRON_TZ=Europe/Berlin 0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          securityContext:
                            runAsNonRoot: true
                          containers:
                            - name: report
                              image: example/report:2.0.1
                              resources:
                                requests: {cpu: 100m, memory: 128Mi}
                                limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * *"
                  timeZone: Europe/Berlin
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          securityContext:
                            runAsNonRoot: true
                          containers:
                            - name: report
                              image: example/report:2.0.1
                              resources:
                                requests: {cpu: 100m, memory: 128Mi}
                                limits: {memory: 128Mi}
                """),
    };


    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var obj in context.Objects)
        {
            if (!obj.Is("batch", "CronJob") || obj.Spec is not { } spec)
            {
                continue;
            }

            var timeZone = spec.GetScalar("timeZone");
            if (spec.GetScalar("schedule") is { Kind: ScalarKind.String } schedule && schedule.Value.Contains("TZ"))
            {
                var index = schedule.Value.IndexOf("CRON_TZ", StringComparison.Ordinal);
                // The create-time text: "cannot use both ..." is only given on updates of objects created before the check.
                const string message = "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
                context.Report(
                    Definition,
                    new SourceLocation(obj.File.Path, ScalarOffsets.SpanAt(schedule, index >= 0 ? index : schedule.Value.IndexOf("TZ", StringComparison.Ordinal))),
                    $"spec.schedule: Invalid value: \"{schedule.Value}\": {message}",
                    obj.Reference);
            }

            if (timeZone is { IsNull: false } && Validate(timeZone.Value) is { } problem)
            {
                context.Report(Definition, obj, timeZone, $"spec.timeZone: Invalid value: \"{timeZone.Value}\": {problem}");
            }
        }
    }

    private static string? Validate(string name)
    {
        if (name.Length == 0)
        {
            return "timeZone must be nil or non-empty string";
        }

        if (name == "Local")
        {
            return "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
        }

        if (name.Split('/').Any(part => !TimeZonePart.Pattern.IsMatch(part)) || !TimeZoneNames.CanLoad(name))
        {
            return "unknown time zone " + name;
        }

        return null;
    }

    /// <summary>
    /// The pattern of a time zone's path part, in a class of its own so that it is built when a time zone is first
    /// checked rather than with the rule table: building it was about a hundredth of a one-file run.
    /// </summary>
    private static class TimeZonePart
    {
        public static readonly Regex Pattern = new("^[A-Za-z.\\-_0-9+]{1,14}$", RegexOptions.CultureInvariant);
    }
}
