using KubeLint.Simulator.Controllers;

namespace KubeLint.Simulator.Volumes;

/// <summary>
/// The claims of StatefulSet pods the simulation counted without making them (a pending group of identical pods):
/// their controller creates a claim per pod and template all the same, so each template gets one entry for the
/// rest of the group, with the fate its first pod's claim met (a claim waiting for its pod waits for these too).
/// </summary>
internal static class ClaimAggregates
{
    public static void AddPendingTemplates(SimulationResult result, IReadOnlyList<Workload> workloads, VolumeBinder binder)
    {
        foreach (var workload in workloads)
        {
            if (workload.Factory?.ClaimsOf is not { } claimsOf)
            {
                continue;
            }

            foreach (var outcome in workload.Outcomes.Where(o => o.Count > 1 && o.Node is null && o.Admission is null && !o.NotCreated))
            {
                var representatives = claimsOf(outcome.Index);
                var rest = claimsOf(outcome.Index + 1);
                for (var i = 0; i < representatives.Count; i++)
                {
                    if (binder.Find(representatives[i].Namespace, representatives[i].Name) is not { } first)
                    {
                        continue;
                    }

                    var bound = first.BoundVolume is not null;
                    result.Claims.Add(new ClaimResult(rest[i].Namespace, rest[i].Name, null, bound ? "Bound" : "Pending", first.Reason)
                    {
                        Count = outcome.Count - 1,
                    });
                }
            }
        }
    }
}
