namespace KubeLint.Simulator.Reports;

/// <summary>
/// The stable JSON form of a simulation (documented in the README): pods, claims, rollouts and nodes, in the
/// simulation's order. Fields are never removed or renamed; node and volume are null when not placed or bound.
/// </summary>
public static class JsonReport
{
    public static string Render(SimulationResult result)
    {
        var json = new JsonWriter();
        json.StartObject();
        json.Property("kubernetesVersion", result.KubernetesVersion);
        json.Property("defaultCluster", result.DefaultCluster);
        json.Name("pods");
        json.StartArray();
        foreach (var pod in result.Pods)
        {
            json.StartObject();
            json.Property("namespace", pod.Namespace);
            json.Property("name", pod.Name);
            json.Property("workload", pod.Workload);
            json.Property("node", pod.Node);
            json.Property("reason", pod.Reason);
            json.Name("ties");
            json.StartArray();
            foreach (var tie in pod.Ties)
            {
                json.Value(tie);
            }

            json.EndArray();
            json.Property("tieCount", pod.TieCount);
            json.EndObject();
        }

        json.EndArray();
        json.Name("claims");
        json.StartArray();
        foreach (var claim in result.Claims)
        {
            json.StartObject();
            json.Property("namespace", claim.Namespace);
            json.Property("name", claim.Name);
            json.Property("volume", claim.Volume);
            json.Property("phase", claim.Phase);
            json.Property("reason", claim.Reason);
            json.EndObject();
        }

        json.EndArray();
        json.Name("rollouts");
        json.StartArray();
        foreach (var rollout in result.Rollouts)
        {
            json.StartObject();
            json.Property("namespace", rollout.Namespace);
            json.Property("name", rollout.Name);
            json.Property("kind", rollout.Kind);
            json.Property("strategy", rollout.Strategy);
            json.Name("steps");
            json.StartArray();
            foreach (var step in rollout.Steps)
            {
                json.StartObject();
                json.Property("old", step.Old);
                json.Property("new", step.New);
                json.Property("available", step.Available);
                json.Property("action", step.Action);
                json.EndObject();
            }

            json.EndArray();
            json.Property("completes", rollout.Completes);
            json.Property("reason", rollout.Reason);
            json.Name("downtimeStep");
            if (rollout.DowntimeStep is { } step1)
            {
                json.Value(step1);
            }
            else
            {
                json.Value((string?)null);
            }

            json.EndObject();
        }

        json.EndArray();
        json.Name("nodes");
        json.StartArray();
        foreach (var node in result.Nodes)
        {
            json.StartObject();
            json.Property("name", node.Name);
            json.Property("cpuRequestedMillis", node.MilliCpuRequested);
            json.Property("cpuAllocatableMillis", node.MilliCpuAllocatable);
            json.Property("memoryRequestedBytes", node.MemoryRequested);
            json.Property("memoryAllocatableBytes", node.MemoryAllocatable);
            json.Property("pods", node.Pods);
            json.Property("podsAllocatable", node.PodsAllocatable);
            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
        return json + "\n";
    }
}
