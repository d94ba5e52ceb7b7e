using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Rules.Common;
using KubeLint.Rules.Workloads.Cron;

namespace KubeLint.Rules.Workloads;

/// <summary>KL4005: a valid schedule that never fires, or an "@every" schedule Kubernetes does not document.</summary>
public sealed class CronNeverRunsRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.CronNeverRuns,
        "cron-never-runs",
        Severity.Warning,
        Categories.Workloads,
        "CronJob schedules should fire, in a documented syntax.",
        "A schedule can parse and still never fire: with day of week *, a day of month that none of the selected months "
        + "has (0 0 30 2 *, 0 0 31 4,6 *) matches no date. (When both day fields are restricted the parser fires on "
        + "either, so such schedules do run.) \"@every <duration>\" is accepted by the parser but not documented by "
        + "Kubernetes, and its interval restarts with every controller restart.",
        "Pick a day of month the months have, or restrict day of week instead; replace @every with a five-field schedule.")
    {
        Examples = new(
            bad: """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 30 2 *"
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
                  schedule: "0 3 28 2 *"
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
            if (result.Schedule is not { } parsed)
            {
                continue;
            }

            if (parsed.IsEvery)
            {
                context.Report(
                    Definition,
                    cronJob,
                    schedule,
                    $"\"{schedule.Value}\" is accepted by the cron parser but not documented by Kubernetes; write the interval as a five-field schedule.");
            }
            else if (!parsed.CanFire())
            {
                context.Report(
                    Definition,
                    new SourceLocation(cronJob.File.Path, ScalarOffsets.SpanAt(schedule, result.DayOfMonthOffset)),
                    $"\"{schedule.Value}\" never fires: none of the selected months has the selected days of month.",
                    cronJob.Reference);
            }
        }
    }
}
