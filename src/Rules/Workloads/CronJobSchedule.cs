using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Workloads;

/// <summary>The batch CronJobs of a run with a string schedule.</summary>
internal static class CronJobSchedule
{
    public static IEnumerable<(KubeObject CronJob, YamlScalar Schedule)> All(IEnumerable<KubeObject> objects)
    {
        foreach (var obj in objects)
        {
            if (obj.Is("batch", "CronJob") && obj.Spec?.GetScalar("schedule") is { Kind: ScalarKind.String } schedule)
            {
                yield return (obj, schedule);
            }
        }
    }
}
