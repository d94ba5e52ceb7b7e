using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;
using KubeLint.Rules.Workloads.Cron;

namespace KubeLint.Rules.Workloads;

/// <summary>KL4003: a CronJob schedule the API server's cron parser rejects.</summary>
public sealed class InvalidCronScheduleRule : Rule
{
    private const int MaxQuoted = 100;

    public static RuleDescriptor Definition { get; } = new(
        RuleIds.InvalidCronSchedule,
        "invalid-cron-schedule",
        Severity.Error,
        Categories.Workloads,
        "CronJob schedules must parse.",
        "The API server parses spec.schedule with robfig/cron v3's standard parser: exactly five fields (minute 0-59, "
        + "hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT, names in any case), with "
        + "*, ?, lists, ranges and steps, or one of the descriptors @yearly, @annually, @monthly, @weekly, @daily, "
        + "@midnight, @hourly. L, W and # are not supported, and unlike many cron dialects 7 is not Sunday. The finding "
        + "quotes the parser's error and points at the offending field.",
        "Fix the field the message names; use 0 for Sunday.")
    {
        Examples = new(
            bad: """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * 7"
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
                  schedule: "0 3 * * 0"
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
        foreach (var (cronJob, schedule) in CronJobSchedule.All(context.Objects))
        {
            var result = CronParser.Parse(schedule.Value);
            if (result.Error is null)
            {
                continue;
            }

            var hint = result.Error.StartsWith("end of range (7) above maximum (6)", StringComparison.Ordinal)
                ? " (day of week is 0-6 here: use 0 for Sunday, 7 is not accepted)"
                : string.Empty;
            context.Report(
                Definition,
                new SourceLocation(cronJob.File.Path, ScalarOffsets.SpanAt(schedule, result.ErrorOffset)),
                $"spec.schedule: Invalid value: \"{Abbreviate(schedule.Value)}\": {Abbreviate(result.Error)}{hint}",
                cronJob.Reference);
        }
    }

    /// <summary>
    /// The API server quotes the schedule and robfig/cron's error quotes its fields again; a schedule of kilobytes
    /// would fill the report twice, so long texts are cut (the finding's position still points into the schedule).
    /// </summary>
    private static string Abbreviate(string text)
        => text.Length <= MaxQuoted ? text : $"{text.Substring(0, MaxQuoted)}… ({text.Length:N0} characters)";
}
